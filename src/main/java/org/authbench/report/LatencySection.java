package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.LatencySummary;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;

/** Open-loop latency under load from {@code latency/summary.json}: response and service time per rate. */
final class LatencySection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        RunFolder run = in.run();
        Doc.Section s = doc.section("latency", "Latency under load");
        LatencySummary l = run.latency();
        if (l == null) {
            Doc.para(s, "Not measured in this run (no `" + RunFiles.LATENCY_SUMMARY + "`; run `authbench latency` to add "
                    + "open-loop latency). SampleTime percentiles of single-thread runs are in the ranking above.");
            return;
        }
        Doc.para(s, "Open-loop (fixed-rate) load on " + l.threads() + " thread(s), each rate measured for "
                + Fmt.plain(l.durationSeconds()) + " s after " + Fmt.plain(l.warmupSeconds()) + " s of warmup. Response time "
                + "= completion − when the request was due (coordinated omission corrected); service time = completion − "
                + "actual start. Times in µs. \"Unstarted\" counts requests that were due but never started before the "
                + "end (the scheme could not keep up). Stated bound: response p99 ≤ " + Fmt.plain(l.boundMs()) + " ms.");
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> bound = new ArrayList<>();
        Map<String, List<double[]>> chart = new LinkedHashMap<>();
        boolean fromSummary = false;
        for (LatencySummary.SchemeRuns sc : l.schemes()) {
            for (LatencySummary.RateRun r : sc.rates()) {
                Double fraction = r.fraction() != null ? r.fraction()
                        : sc.calibratedMaxRate() != null ? r.intendedRate() / sc.calibratedMaxRate() : null;
                List<String> row = new ArrayList<>(List.of(sc.scheme(), Fmt.num(r.intendedRate()),
                        Fmt.num(r.achievedRate()), fraction == null ? "—" : Fmt.num(100 * fraction, 100 * fraction == Math.rint(100 * fraction) ? 0 : 1) + "%"));
                for (String[] k : LatencySummary.KEYS) {
                    row.add(Fmt.num(r.response().get(k[0])));
                }
                row.add(Fmt.num(r.service().get("p99")));
                row.add(String.valueOf(r.unstarted()));
                rows.add(row);
            }
            bound.add(List.of(sc.scheme(), sc.calibratedMaxRate() == null ? "— (rates given)"
                    : Fmt.num(sc.calibratedMaxRate()), sc.maxRateUnderBound() == null
                    ? "none of the measured rates" : Fmt.num(sc.maxRateUnderBound())));
        }
        List<String> header = new ArrayList<>(List.of("scheme", "intended req/s", "achieved req/s", "of calibrated max"));
        for (String[] k : LatencySummary.KEYS) {
            header.add("response " + k[1]);
        }
        header.addAll(List.of("service p99", "unstarted"));
        s.blocks().add(new Doc.Table(header, rows));
        Doc.para(s, "Highest measured rate whose response p99 stayed ≤ " + Fmt.plain(l.boundMs()) + " ms (calibrated max: "
                + "closed-loop maximum in the latency JVM, when rates were given as fractions of it):");
        s.blocks().add(new Doc.Table(List.of("scheme", "calibrated max req/s", "highest req/s with response p99 ≤ "
                + Fmt.plain(l.boundMs()) + " ms"), bound));
        Double common = commonRate(l);
        for (LatencySummary.SchemeRuns sc : l.schemes()) {
            LatencySummary.RateRun r = sc.rates().stream().filter(x -> common == null
                    || Math.abs(x.intendedRate() - common) <= 0.01 * common).min((x, y) -> Double.compare(x.intendedRate(),
                    y.intendedRate())).orElse(null);
            if (r != null) {
                fromSummary |= r.distribution().isEmpty();
                chart.put(sc.scheme() + " @ " + Fmt.num(r.intendedRate()) + "/s", nines(r));
            }
        }
        if (!chart.isEmpty()) {
            String at = common != null ? "every scheme at " + Fmt.num(common) + " req/s"
                    : "no rate common to every scheme was measured, so each at its lowest rate (a fraction of its own "
                    + "maximum): compare shapes, not levels";
            s.blocks().add(new Doc.Chart("latency.png", "Response time by percentile (µs, log scale; " + at + "; x-axis "
                    + "in nines, max drawn one decade right of the last percentile" + (fromSummary
                    ? "; rates without a .hgrm file drawn from the summary percentiles" : "") + ")",
                    Charts.latencyByPercentile(common != null ? "Latency by percentile at " + Fmt.num(common) + " req/s"
                            : "Latency by percentile, each scheme at its lowest measured rate", chart)));
        }
    }

    /**
     * One rate's response times as (1/(1-p), µs) points: every row of its .hgrm distribution, or the summary
     * percentiles when the file is absent; the max (p = 1, infinitely far on this axis) one decade right of the rest.
     */
    static List<double[]> nines(LatencySummary.RateRun r) {
        List<double[]> out = new ArrayList<>();
        double max;
        if (r.distribution().isEmpty()) {
            double[] xs = {2, 10, 100, 1000, 10000}; // 1/(1-p) of p50, p90, p99, p99.9, p99.99
            for (int i = 0; i < xs.length; i++) {
                out.add(new double[] {xs[i], r.response().get(LatencySummary.KEYS[i][0])});
            }
            max = r.response().get("max");
        } else {
            max = 0;
            for (double[] d : r.distribution()) {
                if (d[0] < 1) {
                    out.add(new double[] {1 / (1 - d[0]), d[1]});
                }
                max = Math.max(max, d[1]);
            }
        }
        double lastX = out.isEmpty() ? 1 : out.get(out.size() - 1)[0];
        out.add(new double[] {lastX * 10, max});
        return out;
    }

    /** A rate (within 1%) every scheme was measured at, the lowest such; null when there is none. */
    static Double commonRate(LatencySummary l) {
        if (l.schemes().isEmpty()) {
            return null;
        }
        return l.schemes().get(0).rates().stream().map(LatencySummary.RateRun::intendedRate).sorted()
                .filter(rate -> l.schemes().stream().allMatch(sc -> sc.rates().stream()
                        .anyMatch(x -> Math.abs(x.intendedRate() - rate) <= 0.01 * rate)))
                .findFirst().orElse(null);
    }
}
