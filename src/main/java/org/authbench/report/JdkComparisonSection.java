package org.authbench.report;

import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;

/** Rows measured on several JVMs, side by side, each divided by the primary JVM's (only when the run has several). */
final class JdkComparisonSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        List<Axis.Set> sets = Axis.jvms(a).across(a.all());
        if (a.primaryJvm() == null) {
            return;
        }
        Doc.Section s = doc.section("jdk-comparison", "JDK comparison");
        if (sets.isEmpty()) {
            Doc.para(s, "No benchmark ran on more than one of " + String.join(", ", a.jvms()) + ".");
            return;
        }
        Doc.para(s, "Rows measured on several JVMs: ns/op ± " + Fmt.CI + " on each (same mode), and each JVM's cost divided "
                + "by " + a.primaryJvm() + "'s (below 1× = faster than " + a.primaryJvm() + ").");
        AxisTable t = AxisTable.of(Axis.jvms(a), sets, a.jvms().indexOf(a.primaryJvm()), a.primaryJvm(),
                List.of("scheme", "threads"), x -> List.of(Charts.shortName(x), String.valueOf(x.threads())),
                x -> Charts.shortName(x) + (x.threads() > 1 ? " ×" + x.threads() : ""));
        Map<String, Map<String, Estimate>> chart = t.chart();
        s.blocks().add(new Doc.Table(t.header(), t.rows()));
        if (!chart.isEmpty()) {
            s.blocks().add(new Doc.Chart("jdk-comparison.png", "Cost on each JVM relative to " + a.primaryJvm()
                    + " (" + Fmt.CI + " whiskers)", Charts.ratios("Cost relative to " + a.primaryJvm(), chart)));
        }
    }
}
