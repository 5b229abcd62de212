package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;

/**
 * The libraries of each algorithm ranked by verification cost, beside the JWS floors, percentiles, allocation and
 * conformance; and the library × algorithm pairs the run left out because a library does not support them.
 */
final class RankingSection implements Section {

    private static final String[][] PCT = {{"50.0", "p50"}, {"99.0", "p99"}, {"99.9", "p99.9"}};

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Manifest m = in.manifest();
        RunFolder run = in.run();
        Doc.Section s = doc.section("ranking", "Ranking per algorithm");
        if (a.algorithms().isEmpty()) {
            Doc.para(s, "No JWT verification rows in this run.");
            notSupportedMatrix(s, m);
            return;
        }
        Doc.para(s, "ns/op is one thread's mean time per verification of a valid token; ops/s is measured in "
                + "Throughput mode when the run has it, otherwise derived as 1e9 / (ns/op) and marked \"derived\". "
                + "× floor divides by the raw JCA primitive on the same signing input (`floor_jwsSignature`) "
                + "measured in the same mode and warmup (else the cell says why not), with its " + Fmt.CI + ". "
                + "Percentiles come from SampleTime rows; B/op from `-prof gc`. " + PrecisionSection.UNSETTLED
                + " marks a row that did not settle (see \"Precision\").");
        for (String alg : a.algorithms()) {
            List<MeasuredScheme> rank = a.ranking(alg);
            MeasuredScheme floorScheme = a.base(Analysis.FLOOR_JWS).stream().filter(f -> alg.equals(f.param("alg")))
                    .findFirst().orElse(null);
            List<List<String>> rows = new ArrayList<>();
            // Rank groups, not ranks: rows whose intervals overlap or differ by under RankGroups.MARGIN are tied.
            RankGroups groups = new RankGroups(rank.stream().filter(v -> !Analysis.REFERENCE.equals(v.param("library")))
                    .toList());
            for (MeasuredScheme v : rank) {
                rows.add(schemeRow(a, run, groups.ordered().contains(v) ? groups.label(v) : "ref", v));
            }
            if (floorScheme != null) {
                rows.add(schemeRow(a, run, "floor", floorScheme));
            }
            MeasuredScheme parseFloor = a.parseFloorFor(alg);
            if (parseFloor != null) {
                rows.add(schemeRow(a, run, "floor", parseFloor));
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(List.of("group", "library", "ns/op ± " + Fmt.CI, "mode", "ops/s", "× floor", "p50 ns",
                    "p99 ns", "p99.9 ns", "B/op", "false accepts"), rows));
            MeasuredScheme reference = rank.stream().filter(v -> Analysis.REFERENCE.equals(v.param("library"))).findFirst()
                    .orElse(null);
            if (parseFloor != null && floorScheme != null && reference != null) {
                Estimate both = floorScheme.nsIn(reference.cost().mode()).plus(parseFloor.nsIn(reference.cost().mode()));
                Doc.para(s, "The two floors: `floor_jwsSignature` is the " + alg + " primitive alone; `floor_jwsParse` is "
                        + "the rest no verifier avoids (base64url of the three segments, one Jackson streaming pass over "
                        + "header and claims, no checks). Together " + Fmt.pm(both) + " ns: REFERENCE costs "
                        + Fmt.times(reference.ns().over(both)) + " of their sum, " + Fmt.times(a.floorFor(reference))
                        + " of the primitive alone.");
            }
            List<String> without = notSupported(m).getOrDefault(alg, List.of());
            if (!without.isEmpty()) {
                Doc.para(s, alg + " not supported by " + String.join(", ", without) + " (not run; reasons below).");
            }
            if (!rank.isEmpty()) {
                s.blocks().add(new Doc.Chart("verify-" + alg + ".png", alg + " verification by library (µs, " + Fmt.CI + ")",
                        Charts.libraryBars(alg, rank, floorScheme == null ? null : floorScheme.ns())));
            }
            Map<String, Map<Double, Double>> pct = new LinkedHashMap<>();
            for (MeasuredScheme v : rank) {
                if (v.sample() != null) {
                    pct.put(v.label(), percentiles(v.sample()));
                }
            }
            if (!pct.isEmpty()) {
                s.blocks().add(new Doc.Chart("percentiles-" + alg + ".png", alg + " verification latency percentiles "
                        + "(SampleTime, ns, log scale)", Charts.percentiles(alg + " verification: SampleTime percentiles",
                        pct, "ns per operation")));
            }
        }
        notSupportedMatrix(s, m);
    }

    /**
     * The pairs {@code run} left out because the library does not support the algorithm, from the manifest:
     * a library missing from a ranking is explained, never silently absent.
     */
    private static void notSupportedMatrix(Doc.Section s, Manifest m) {
        Map<String, List<String>> byAlg = notSupported(m);
        if (byAlg.isEmpty()) {
            return;
        }
        Doc.para(s, "Not supported (library × algorithm pairs the library cannot verify; never run, from manifest.json):");
        List<String> items = new ArrayList<>();
        m.notSupported().forEach((pair, why) -> items.add("`" + pair + "`: " + why));
        s.blocks().add(new Doc.Bullets(items));
    }

    /** Algorithm → libraries (lower case) that do not support it, from the manifest's {@code notSupported}. */
    private static Map<String, List<String>> notSupported(Manifest m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (m == null) {
            return out;
        }
        for (String pair : m.notSupported().keySet()) {
            String[] p = pair.split(" ", 2);
            if (p.length == 2) {
                out.computeIfAbsent(p[1], k -> new ArrayList<>()).add(p[0].toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static List<String> schemeRow(Analysis a, RunFolder run, String rank, MeasuredScheme v) {
        Estimate floor = a.floorFor(v);
        JmhRow sample = v.sample();
        String mark = v.cost().settlingFlags().isEmpty() ? "" : " " + PrecisionSection.UNSETTLED;
        List<String> r = new ArrayList<>(List.of(rank, v.label() + mark, Fmt.pm(v.ns()), JmhRow.modeName(v.cost().mode()),
                Fmt.pm(v.ops()) + (v.opsDerived() ? " (derived)" : ""), floor == null ? "—" : Fmt.times(floor)));
        for (String[] p : PCT) {
            Double ns = sample == null ? null : sample.percentileNs(p[0]);
            r.add(ns == null ? "—" : Fmt.num(ns));
        }
        r.add(v.bytes() == null ? "—" : Fmt.pm(v.bytes()));
        // Every ranking shows each library's conformance next to its speed: a fast verifier that accepts
        // forgeries is marked, never hidden.
        String fa = falseAccepts(run, v.param("library"));
        r.add(fa == null ? "not checked" : "0".equals(fa) ? "0" : "⚠ " + fa);
        return r;
    }

    private static Map<Double, Double> percentiles(JmhRow sample) {
        Map<Double, Double> out = new TreeMap<>();
        for (String k : sample.percentiles().keySet()) {
            out.put(Double.parseDouble(k), sample.percentileNs(k));
        }
        return out;
    }

    /** False accepts on the library's benchmarked path from {@code conformance.json}, or null when unchecked. */
    private static String falseAccepts(RunFolder run, String library) {
        Integer n = FalseAccepts.benchmarked(run.conformance(), library);
        return n == null ? null : String.valueOf(n);
    }
}
