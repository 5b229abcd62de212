package org.authbench.cli;

import java.io.IOException;
import org.authbench.runfiles.RunManifest;

/**
 * How a run ended, decided once and written to its manifest. The run says {@code finished} or {@code failed}; a
 * shutdown hook says {@code interrupted} when SIGTERM or Ctrl-C stops the JVM first. A failure that comes while the
 * JVM is shutting down is the interruption's doing (the run's forks and connections are going away with it), so it
 * is recorded as {@code interrupted}, not {@code failed}. Whichever gets there first decides; the other leaves the
 * manifest alone.
 */
final class RunEnd {

    private final RunManifest manifest;
    private final String interruptedLine;
    private final Thread hook = new Thread(this::interrupted);

    private RunEnd(RunManifest manifest, String interruptedLine) {
        this.manifest = manifest;
        this.interruptedLine = interruptedLine;
    }

    /** Starts watching for an interruption; {@code interruptedLine} (or null) goes to stderr when one ends the run. */
    static RunEnd watch(RunManifest manifest, String interruptedLine) {
        RunEnd end = new RunEnd(manifest, interruptedLine);
        Runtime.getRuntime().addShutdownHook(end.hook);
        return end;
    }

    /** Every job ran. */
    void finished() {
        released();
        end("finished");
    }

    /** The run stopped on an error: {@code failed}, or {@code interrupted} when the JVM is already shutting down. */
    void failed() {
        if (released()) {
            end("failed");
        } else {
            interrupted();
        }
    }

    private void interrupted() {
        if (end("interrupted") && interruptedLine != null) {
            System.err.println(interruptedLine);
        }
    }

    private boolean end(String status) {
        if (!manifest.end(status)) {
            return false;
        }
        try {
            manifest.write();
        } catch (IOException e) {
            System.err.println("authbench: could not update " + RunManifest.FILE + ": " + e.getMessage());
        }
        return true;
    }

    /** Removes the hook; false when the JVM is already shutting down (its hooks can no longer be removed). */
    private boolean released() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            return true;
        } catch (IllegalStateException shuttingDown) {
            return false;
        }
    }
}
