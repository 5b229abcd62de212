package org.authbench.report;

import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;

/** What every section reads: the run folder and its rows grouped into schemes. */
record ReportInput(RunFolder run, Analysis analysis) {

    /** The manifest, or null when the folder has none. */
    Manifest manifest() {
        return run.manifest();
    }
}
