package org.authbench.report;

import java.util.Objects;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;

/** Before the first section: profile, status, commit, the JVMs and providers ranked within, and warnings. */
final class PrefaceSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Manifest m = in.manifest();
        RunFolder run = in.run();
        StringBuilder p = new StringBuilder();
        if (m != null) {
            p.append("Profile `").append(Objects.toString(m.profile(), "?")).append("`, status `")
                    .append(Objects.toString(m.status(), "?")).append("`, started ")
                    .append(Objects.toString(m.startedAt(), "?")).append(", ended ")
                    .append(Objects.toString(m.endedAt(), "not recorded")).append(", commit `")
                    .append(Objects.toString(m.shortCommit(), "?"))
                    .append(Boolean.TRUE.equals(m.dirty()) ? " (dirty)" : "").append("`. ");
        } else {
            p.append("This folder has no manifest.json: environment facts are unknown. ");
        }
        p.append(run.rows().size()).append(" result rows. Every ± is the half-width of a ").append(Fmt.CI)
                .append(" (t over fork means); ratios come from resampling both rows' forks and divide only rows measured"
                        + " in one mode, warmup and thread count. \"Precision\" says how far to trust them.");
        doc.preface.add(new Doc.Para(p.toString()));
        if (a.primaryJvm() != null) {
            doc.preface.add(new Doc.Para("This run holds " + a.jvms().size() + " JVMs (" + String.join(", ", a.jvms())
                    + "); labels name the JVM. Summary, rankings, claims and capacity use " + a.primaryJvm()
                    + " (the JVM with most rows); \"JDK comparison\" sets the JVMs side by side."));
        }
        if (!a.primaryProvider().equals(Analysis.DEFAULT_PROVIDER) || a.providers().size() > 1) {
            doc.preface.add(new Doc.Para("JCA providers in this run: " + String.join(", ", a.providers())
                    + ". Summary, rankings, claims and capacity use " + a.primaryProvider()
                    + (a.primaryProvider().equals(Analysis.DEFAULT_PROVIDER) ? " (the JDK's own providers)" : "")
                    + "; \"JCA providers\" compares them."));
        }
        if (m != null && !m.finished()) {
            doc.preface.add(new Doc.Para("WARNING: this run did not finish (status `" + Objects.toString(m.status(), "")
                    + "`); the report covers the rows that completed."));
        }
        if (m != null && m.failedRows() > 0) {
            doc.preface.add(new Doc.Para("WARNING: " + m.failedRows()
                    + " benchmark rows failed and are missing (see Environment and jmh.log)."));
        }
        if (m != null && m.selftest() != null) {
            doc.preface.add(new Doc.Para("SELF-TEST RUN: a slowdown was injected on purpose (" + m.selftest()
                    + "); these numbers are not real results."));
        }
    }
}
