package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/** Rows measured on several JVMs, side by side, each divided by the primary JVM's (only when the run has several). */
final class JdkComparisonSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        List<Analysis.JvmSet> sets = a.acrossJvms();
        if (a.primaryJvm() == null) {
            return;
        }
        Doc.Section s = doc.section("jdk-comparison", "JDK comparison");
        if (sets.isEmpty()) {
            Doc.para(s, "No benchmark ran on more than one of " + String.join(", ", a.jvms()) + ".");
            return;
        }
        int ref = a.jvms().indexOf(a.primaryJvm());
        Doc.para(s, "Rows measured on several JVMs: ns/op ± 99.9% CI on each (same mode), and each JVM's cost divided "
                + "by " + a.primaryJvm() + "'s (below 1× = faster than " + a.primaryJvm() + ").");
        List<String> header = new ArrayList<>(List.of("scheme", "threads", "mode"));
        for (String j : a.jvms()) {
            header.add(j + " ns/op");
        }
        for (String j : a.jvms()) {
            if (!j.equals(a.primaryJvm())) {
                header.add(j + " ÷ " + a.primaryJvm());
            }
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Estimate>> chart = new LinkedHashMap<>();
        for (Analysis.JvmSet set : sets) {
            Analysis.Scheme any = set.perJvm().stream().filter(Objects::nonNull).findFirst().orElseThrow();
            List<String> r = new ArrayList<>(List.of(Charts.shortName(any), String.valueOf(any.threads()),
                    JmhRow.modeName(set.mode())));
            List<Estimate> ns = new ArrayList<>();
            for (Analysis.Scheme x : set.perJvm()) {
                ns.add(x == null ? null : x.byMode().get(set.mode()).nsPerOp());
                r.add(x == null ? "—" : Fmt.pm(ns.get(ns.size() - 1)));
            }
            for (int j = 0; j < ns.size(); j++) {
                if (j == ref) {
                    continue;
                }
                Estimate ratio = ns.get(j) == null || ns.get(ref) == null ? null : ns.get(j).over(ns.get(ref));
                r.add(Fmt.times(ratio));
                if (ratio != null) {
                    chart.computeIfAbsent(a.jvms().get(j) + " ÷ " + a.primaryJvm(), k -> new LinkedHashMap<>())
                            .put(r.get(0) + (any.threads() > 1 ? " ×" + any.threads() : ""), ratio);
                }
            }
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        if (!chart.isEmpty()) {
            s.blocks().add(new Doc.Chart("jdk-comparison.png", "Cost on each JVM relative to " + a.primaryJvm()
                    + " (99.9% CI whiskers)", Charts.ratios("Cost relative to " + a.primaryJvm(), chart)));
        }
    }
}
