package org.authbench.report;


/**
 * How far the next run may land: each row's interval over forks against the run's target, JMH's own (narrower)
 * figure beside it, the rows that did not settle, and whether the host itself was too noisy for the target.
 * The figures come from {@link Precision}, as {@code run} prints them.
 */
final class PrecisionSection implements Section {

    /** Marks a row that did not settle, in every table that lists it. */
    static final String UNSETTLED = "†";

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Precision p = Precision.of(in.run());
        Doc.Section s = doc.section("precision", "Precision");
        Doc.para(s, "Each ± is the half-width of a " + Fmt.CI + ": a t interval over the means of the forks (each fork "
                + "a fresh JVM), so it includes the variation between JVMs that JMH's own error (99.9%, over pooled "
                + "iterations or samples) leaves out. Ratios divide rows measured in the same mode, warmup and thread "
                + "count only; their interval comes from resampling forks, then iterations, of both rows, and a cell "
                + "reading \"not comparable: …\" names how the two rows differ (a SampleTime mean carries per-call timer "
                + "overhead an AverageTime mean does not; runs whose profiles timed verifications in SampleTime and the "
                + "rest in AverageTime get such cells where the two meet). A row with one "
                + "fork, or without per-fork data in its file, has no interval (n/a). Each row's figures are in "
                + "\"Precision per row\" near the end.");
        String warning = p.hostWarning();
        if (warning != null) {
            Doc.para(s, "WARNING: " + warning + ".");
        }
        if (p.cpuModel() != null) {
            Doc.para(s, "Absolute figures in this report were measured on " + p.cpuModel() + "; across machines, compare "
                    + "ratios only.");
        }
        s.blocks().add(new Doc.Bullets(p.lines()));
        if (!p.unsettled().isEmpty()) {
            Doc.para(s, UNSETTLED + " did not settle: its iterations drift within a fork, or its forks split into groups "
                    + "(a mean over them describes no JVM that ran):");
            s.blocks().add(new Doc.Bullets(p.unsettled().stream()
                    .map(r -> r.name() + ": " + String.join("; ", r.flags())).toList()));
        }
    }
}
