package org.authbench.report;

import java.util.ArrayList;
import java.util.List;

/** Every row's relative half-width over forks beside JMH's own, so the headline figures can be checked row by row. */
final class PrecisionRowsSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Precision p = Precision.of(in.run());
        Doc.Section s = doc.section("precision-rows", "Precision per row");
        Doc.para(s, "Relative half-width of each row's " + Fmt.CI + " against the " + Precision.pct(p.target())
                + " target, and JMH's own relative error (99.9%, pooled values) for comparison. "
                + PrecisionSection.UNSETTLED + " marks a row that did not settle.");
        List<List<String>> rows = new ArrayList<>();
        for (Precision.Row r : p.rows()) {
            rows.add(List.of(r.name() + (r.flags().isEmpty() ? "" : " " + PrecisionSection.UNSETTLED),
                    String.valueOf(r.forks()), Double.isNaN(r.forkLevel()) ? "n/a (" + r.note() + ")"
                            : "±" + Precision.pct(r.forkLevel()) + (r.forkLevel() > p.target() ? " (above target)" : ""),
                    Double.isNaN(r.jmh()) ? "n/a" : "±" + Precision.pct(r.jmh())));
        }
        s.blocks().add(new Doc.Table(List.of("row", "forks", "± " + Fmt.CI + " (relative)", "JMH's ± 99.9% (relative)"),
                rows));
    }
}
