package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;

/** Cores needed per 10,000 requests/s for each key tier, the best and median library, and denylisted verification. */
final class CapacitySection implements Section {

    static final double CAPACITY_RATE = 10_000;

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Doc.Section s = doc.section("capacity", "Capacity");
        Doc.para(s, "Cores needed per " + Fmt.num(CAPACITY_RATE) + " requests/s = " + Fmt.num(CAPACITY_RATE)
                + " / per-core ops/s, from one thread's measured cost (authentication only, no request handling). "
                + "For tiers with a server (H2, Redis, PostgreSQL) the time includes waiting on it, so the figure counts "
                + "busy threads rather than CPU.");
        List<MeasuredScheme> schemes = new ArrayList<>(a.keyTiers());
        for (String alg : a.algorithms()) {
            MeasuredScheme best = a.best(alg);
            MeasuredScheme med = a.median(alg);
            if (best != null) {
                schemes.add(best);
            }
            if (med != null && med != best) {
                schemes.add(med);
            }
        }
        schemes.addAll(a.denylisted());
        if (schemes.isEmpty()) {
            Doc.para(s, "No scheme in this run to size.");
            return;
        }
        Map<MeasuredScheme, Analysis.Scaling> scaled = new LinkedHashMap<>();
        for (Analysis.Scaling sc : a.scaling()) {
            scaled.put(sc.one(), sc);
        }
        boolean anyScaling = schemes.stream().anyMatch(scaled::containsKey);
        List<String> header = new ArrayList<>(List.of("scheme", "per-core ops/s", "cores per " + Fmt.num(CAPACITY_RATE)
                + " req/s"));
        if (anyScaling) {
            header.add("cores per " + Fmt.num(CAPACITY_RATE) + " req/s at measured threads");
        }
        List<List<String>> rows = new ArrayList<>();
        for (MeasuredScheme sc : schemes) {
            Estimate perCore = sc.ops().times(1.0 / sc.threads());
            List<String> r = new ArrayList<>(List.of(Charts.shortLabel(sc), Fmt.pm(perCore)
                    + (sc.opsDerived() ? " (derived)" : ""), Fmt.pm(perCore.reciprocal(CAPACITY_RATE))));
            if (anyScaling) {
                Analysis.Scaling sg = scaled.get(sc);
                if (sg == null) {
                    r.add("—");
                } else {
                    MeasuredScheme top = sg.points().get(sg.points().size() - 1);
                    Estimate agg = top.byMode().get(sg.mode()).opsPerSecond();
                    r.add(Fmt.pm(agg.reciprocal(CAPACITY_RATE * top.threads())) + " (" + top.threads() + " threads)");
                }
            }
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        if (!a.scaling().isEmpty()) {
            s.blocks().add(new Doc.Chart("scaling.png", "Thread scaling: aggregate throughput per thread count",
                    Charts.scaling(a.scaling())));
        }
    }
}
