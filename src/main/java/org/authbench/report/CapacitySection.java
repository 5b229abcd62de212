package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import org.authbench.runfiles.Estimate;

/**
 * Cores needed per 10,000 requests/s for each key tier, each algorithm's fastest and default library, and
 * denylisted verification, at the scaling efficiency the run measured at 2 threads (linear where it did not).
 */
final class CapacitySection implements Section {

    static final double CAPACITY_RATE = 10_000;

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Doc.Section s = doc.section("capacity", "Capacity");
        Decision d = new Decision(a, in.run().conformance());
        List<MeasuredScheme> schemes = new ArrayList<>(a.keyTiers());
        for (String alg : a.algorithms()) {
            MeasuredScheme best = a.best(alg);
            MeasuredScheme chosen = d.verifier(alg);
            if (best != null) {
                schemes.add(best);
            }
            if (chosen != null && chosen != best) {
                schemes.add(chosen);
            }
        }
        schemes.addAll(a.denylisted());
        if (schemes.isEmpty()) {
            Doc.para(s, "No scheme in this run to size.");
            return;
        }
        boolean anyScaling = schemes.stream().anyMatch(x -> d.efficiency(x) != null);
        Doc.para(s, "Cores needed per " + Fmt.num(CAPACITY_RATE) + " requests/s = " + Fmt.num(CAPACITY_RATE)
                + " / (one thread's ops/s × scaling efficiency at 2 threads, counted as at most 100%), authentication "
                + "only, no request handling. "
                + (anyScaling ? "Rows this run did not measure at 2 threads are marked \"assumed linear\". "
                : "This run measured no scheme at 2 threads: every row assumes linear scaling, which a lock or a "
                + "connection pool can break (run `--profile stores` or `full` to measure it). ")
                + "For tiers with a server (H2, Redis, PostgreSQL) the time includes waiting on it, so the figure counts "
                + "busy threads rather than CPU.");
        List<String> header = new ArrayList<>(List.of("scheme", "one thread's ops/s"));
        if (anyScaling) {
            header.add("scaling at 2 threads");
        }
        header.add("cores per " + Fmt.num(CAPACITY_RATE) + " req/s");
        List<List<String>> rows = new ArrayList<>();
        for (MeasuredScheme sc : schemes) {
            Estimate perCore = sc.ops().times(1.0 / sc.threads());
            Estimate eff = d.efficiency(sc);
            List<String> r = new ArrayList<>(List.of(Charts.shortLabel(sc), Fmt.pm(perCore)
                    + (sc.opsDerived() ? " (derived)" : "")));
            if (anyScaling) {
                r.add(eff == null ? "not measured" : Fmt.percent(eff));
            }
            Estimate cores = perCore.reciprocal(CAPACITY_RATE);
            r.add(Fmt.pm(Decision.atScaling(cores, eff)) + (eff == null && anyScaling ? " (assumed linear)" : ""));
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        if (a.scaling().stream().anyMatch(x -> Charts.charted(x.one()))) {
            s.blocks().add(new Doc.Chart("scaling.png", "Thread scaling: efficiency per thread count against the "
                    + "ideal (100%), one panel per family", Charts.scaling(a.scaling())));
        }
    }
}
