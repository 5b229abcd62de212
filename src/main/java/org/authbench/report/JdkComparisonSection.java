package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.authbench.runfiles.Estimate;

/**
 * Rows measured on several JVMs, side by side, each divided by the primary JVM's (only when the run has several).
 * A long comparison leads with the rows the JVM changes beyond the rank margin, largest change first, and charts
 * only those: a chart of hundreds of mostly tied rows shows nothing.
 */
final class JdkComparisonSection implements Section {

    /** Up to this many rows, the whole table and chart are short enough to read; the chart never shows more. */
    static final int SHORT = 24;
    /** The verdicts of a ratio whose whole interval lies beyond the rank margin. */
    private static final Set<String> CHANGED = Set.of("faster", "slower");

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
                JdkComparisonSection::point);
        Map<String, Map<String, Estimate>> chart = t.chart();
        if (t.rows().size() > SHORT) {
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < t.rows().size(); i++) {
                if (t.ratios().get(i).stream().anyMatch(r -> r != null && CHANGED.contains(RankGroups.verdict(r)))) {
                    changed.add(i);
                }
            }
            changed.sort(Comparator.comparingDouble((Integer i) -> -largestChange(t.ratios().get(i))));
            String margin = Fmt.num(100 * RankGroups.MARGIN, 0) + "%";
            if (changed.isEmpty()) {
                Doc.para(s, "No row's cost changes by more than " + margin + " between the JVMs with its whole interval "
                        + "beyond that margin; every row (" + t.rows().size() + ") is tied or not resolved:");
                s.blocks().add(new Doc.Table(t.header(), t.rows()));
                return;
            }
            Doc.para(s, changed.size() + " of " + t.rows().size() + " rows change by more than " + margin + " (the whole "
                    + "interval of the ratio beyond it), largest change first:");
            s.blocks().add(new Doc.Table(t.header(), changed.stream().map(t.rows()::get).toList()));
            Set<String> keep = changed.stream().limit(SHORT).map(i -> point(sets.get(i).any()))
                    .collect(Collectors.toSet());
            Map<String, Map<String, Estimate>> kept = new LinkedHashMap<>();
            chart.forEach((series, points) -> {
                Map<String, Estimate> p = new LinkedHashMap<>();
                points.forEach((label, ratio) -> {
                    if (keep.contains(label)) {
                        p.put(label, ratio);
                    }
                });
                kept.put(series, p);
            });
            chart = kept;
            Doc.para(s, "Every row, the " + (t.rows().size() - changed.size()) + " tied within " + margin + " or not "
                    + "resolved at this run's precision included:");
        }
        s.blocks().add(new Doc.Table(t.header(), t.rows()));
        if (!chart.isEmpty()) {
            s.blocks().add(new Doc.Chart("jdk-comparison.png", "Cost on each JVM relative to " + a.primaryJvm()
                    + (t.rows().size() > SHORT ? ", the largest changes beyond the margin (up to " + SHORT + ")" : "")
                    + " (" + Fmt.CI + " whiskers)", Charts.ratios("Cost relative to " + a.primaryJvm(), chart)));
        }
    }

    private static String point(MeasuredScheme x) {
        return Charts.shortName(x) + (x.threads() > 1 ? " ×" + x.threads() : "");
    }

    /** How far the row's furthest resolved ratio lies from 1×, on a log scale (halving and doubling alike). */
    private static double largestChange(List<Estimate> ratios) {
        return ratios.stream().filter(r -> r != null && r.hasInterval()).mapToDouble(r -> Math.abs(Math.log(r.value())))
                .max().orElse(0);
    }
}
