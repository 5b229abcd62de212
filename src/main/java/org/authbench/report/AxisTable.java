package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * The table and ratio chart of a comparison across an {@link Axis} (JVMs, JCA providers): per compared set, lead
 * cells naming the scheme, its mode, ns/op ± 95% CI over forks at each value of the axis, then each value's cost divided by
 * the reference value's (ratios resample both rows; refused when the two were measured differently).
 *
 * @param ratios per row, its ratios in the order of the ratio columns (null where a value was not measured)
 * @param chart  ratio series ("value ÷ reference") → point label → ratio
 */
record AxisTable(List<String> header, List<List<String>> rows, List<List<Estimate>> ratios,
        Map<String, Map<String, Estimate>> chart) {

    /**
     * @param ref        index of the reference value in the axis, or -1 for no ratio columns
     * @param refLabel   the reference as headers name it
     * @param leadHeader the header cells before "mode"
     * @param leadCells  a set's cells before its mode, from any of its schemes
     * @param point      a set's label on the chart, from any of its schemes
     */
    static AxisTable of(Axis axis, List<Axis.Set> sets, int ref, String refLabel, List<String> leadHeader,
            Function<MeasuredScheme, List<String>> leadCells, Function<MeasuredScheme, String> point) {
        List<String> values = axis.values();
        List<String> header = new ArrayList<>(leadHeader);
        header.add("mode");
        for (String v : values) {
            header.add(v + " ns/op");
        }
        for (int j = 0; ref >= 0 && j < values.size(); j++) {
            if (j != ref) {
                header.add(values.get(j) + " ÷ " + refLabel);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<Estimate>> ratios = new ArrayList<>();
        Map<String, Map<String, Estimate>> chart = new LinkedHashMap<>();
        for (Axis.Set set : sets) {
            MeasuredScheme any = set.any();
            List<String> r = new ArrayList<>(leadCells.apply(any));
            r.add(JmhRow.modeName(set.mode()));
            List<Estimate> ns = new ArrayList<>();
            List<Estimate> rowRatios = new ArrayList<>();
            for (MeasuredScheme x : set.perValue()) {
                ns.add(x == null ? null : x.byMode().get(set.mode()).nsPerOp());
                r.add(x == null ? "—" : Fmt.pm(ns.get(ns.size() - 1)));
            }
            for (int j = 0; ref >= 0 && j < ns.size(); j++) {
                if (j == ref) {
                    continue;
                }
                Estimate ratio = ns.get(j) == null || ns.get(ref) == null ? null : ns.get(j).over(ns.get(ref));
                r.add(Fmt.times(ratio));
                rowRatios.add(ratio);
                if (ratio != null) {
                    chart.computeIfAbsent(values.get(j) + " ÷ " + refLabel, k -> new LinkedHashMap<>())
                            .put(point.apply(any), ratio);
                }
            }
            rows.add(r);
            ratios.add(rowRatios);
        }
        return new AxisTable(header, rows, ratios, chart);
    }
}
