package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.LatencySummary;
import org.authbench.runfiles.RunFolder;

/**
 * The decision, first: one table of scenarios (where the key lives; which JWT algorithm) with what each costs per
 * request, in cores and in core-seconds, how it scales and whether its verifier accepts forgeries; then the answers
 * ({@link Decision}), each printed beside the rule that derived it.
 */
final class DecisionSection implements Section {

    static final double RATE = CapacitySection.CAPACITY_RATE;

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        RunFolder run = in.run();
        Doc.Section s = doc.section("decision", "Decision");
        Decision d = new Decision(a, run.conformance());
        List<Decision.Scenario> scenarios = d.scenarios(run.storeCatalogue());
        if (scenarios.isEmpty()) {
            Doc.para(s, "This run has neither API-key lookups nor JWT verifications: nothing to decide from.");
            return;
        }
        boolean scaled = scenarios.stream().anyMatch(x -> x.efficiency() != null);
        boolean checked = run.conformance() != null;
        Map<Decision.Scenario, Double> p99 = new LinkedHashMap<>();
        double rate = commonRate(run.latency(), scenarios, p99);
        Doc.para(s, "Where the key lives, or which JWT algorithm verifies it, on " + platform(a) + ". Cost = one "
                + "thread's mean time per authentication ± its interval. Cores per " + Fmt.num(RATE) + " req/s and "
                + "core-seconds per million requests divide that cost by the scaling efficiency measured at 2 threads "
                + "(an efficiency at or above 100% counts as linear)"
                + (scaled ? "; \"assumed linear\" marks rows whose scaling this run did not measure" : " (not measured in "
                + "this run: assumed linear)") + ". For tiers with a server the time includes waiting on it: busy "
                + "threads, not CPU. False accepts count the code path each benchmark times"
                + (checked ? "" : " (not checked in this run: column left out)") + ".");
        List<String> header = new ArrayList<>(List.of("scenario", "cost per request ns ± CI"));
        if (!Double.isNaN(rate)) {
            header.add("p99 µs at " + Fmt.num(rate) + " req/s");
        }
        header.addAll(List.of("cores per " + Fmt.num(RATE) + " req/s", "core-seconds per million requests"));
        if (scaled) {
            header.add("scaling at 2 threads");
        }
        if (checked) {
            header.add("false accepts (benchmarked path)");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Decision.Scenario x : scenarios) {
            Estimate ns = x.scheme().ns();
            Estimate eff = x.efficiency();
            Estimate perRequest = Decision.atScaling(ns, eff);
            String linear = eff == null && scaled ? " (assumed linear)" : "";
            List<String> r = new ArrayList<>(List.of(x.label(), Fmt.pm(ns)));
            if (!Double.isNaN(rate)) {
                Double v = p99.get(x);
                r.add(v == null ? "not measured" : Fmt.num(v));
            }
            r.add(Fmt.pm(perRequest.times(RATE / 1e9)) + linear);
            r.add(Fmt.pm(perRequest.times(1e6 / 1e9)) + linear);
            if (scaled) {
                r.add(eff == null ? "not measured" : Fmt.percent(eff));
            }
            if (checked) {
                r.add(x.key() ? "n/a (exact lookup)" : FalseAccepts.cell(x.falseAccepts()));
            }
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        if (run.latency() != null && Double.isNaN(rate)) {
            Doc.para(s, "The latency run measured each scheme at rates of its own (fractions of its maximum), so no "
                    + "common request rate exists for a p99 column; \"Latency under load\" has them per scheme.");
        }
        s.blocks().add(new Doc.Bullets(answers(a, d, scenarios)));
        standings(s, d);
        breakEven(s, new RoundTrips(a, run.network()));
    }

    /**
     * Across a network round trip (a run with {@code rtt} rows): per remote store, the round trip at which its lookup
     * costs one verification of each algorithm's fastest group, and the chart of cost against round trip.
     */
    private static void breakEven(Doc.Section s, RoundTrips rt) {
        if (!rt.measured()) {
            return;
        }
        List<BreakEven.Crossing> crossings = BreakEven.crossings(rt);
        if (crossings.isEmpty()) {
            Doc.para(s, "Break-even round trip: not decided; this run has no remote lookup at two calibrated, held "
                    + "round trips with a verification at the same thread count to set it against"
                    + (rt.network() == null ? " (no network.json)" : "") + ".");
            return;
        }
        Doc.para(s, "Break-even round trip: where a remote API-key lookup costs as much as one JWT verification. Each "
                + "store's lookup_hit cost is fitted by least squares against the round trip its settings achieved (the "
                + "calibrated added p50, direct = 0; flagged settings left out), and the line solved for the cost of "
                + "the algorithm's fastest group (its leader's row, same thread count and mode). Interval: "
                + Estimate.CONFIDENCE_PERCENT + "% percentile interval of " + Fmt.num(BreakEven.RESAMPLES, 0)
                + " hierarchical bootstrap draws (forks, then iterations) of every row in the fit and the verification. "
                + "Nothing is extrapolated outside the round trips measured.");
        List<List<String>> rows = new ArrayList<>();
        for (BreakEven.Crossing c : crossings) {
            BreakEven.Point lo = c.line().lowest();
            rows.add(List.of(c.line().store(), String.valueOf(c.line().threads()),
                    c.alg() + " (" + BreakEven.groupName(c.group()) + ")", Fmt.pm(c.verify()),
                    Fmt.pm(lo.ns()) + " (" + lo.setting() + ")", Fmt.num(BreakEven.slope(c.line())),
                    c.text()));
        }
        s.blocks().add(new Doc.Table(List.of("remote store", "threads", "JWT algorithm (fastest group)",
                "verification ns ± CI", "lookup at the lowest round trip ns ± CI", "ns per µs of round trip (fit)",
                "break-even round trip"), rows));
        List<BreakEven.Line> lines = BreakEven.lines(rt);
        int threads = lines.stream().mapToInt(BreakEven.Line::threads).min().orElse(1);
        Map<String, Estimate> jwt = new LinkedHashMap<>();
        for (BreakEven.Crossing c : crossings) {
            if (c.line().threads() == threads && c.kind() != BreakEven.Kind.NOT_COMPARABLE) {
                jwt.putIfAbsent(c.alg() + " " + c.group().get(0).param("library"), c.verify());
            }
        }
        s.blocks().add(new Doc.Chart("break-even.png", "Cost against round trip: remote lookups per store (whiskers = "
                + "interval) and each algorithm's fastest verification (band = interval), " + threads + " thread"
                + (threads == 1 ? "" : "s"), Charts.breakEven("Remote lookup against JWT verification, by round trip",
                BreakEven.series(lines, threads), jwt)));
    }

    private static String platform(Analysis a) {
        String jvm = a.primaryJvm() != null ? a.primaryJvm() : a.base(Analysis.VERIFY).stream().findFirst()
                .map(x -> "JDK " + x.cost().jdkVersion()).orElse("this run's JDK");
        return jvm + " with the " + (a.primaryProvider().equals(Analysis.DEFAULT_PROVIDER) ? "JDK's own JCA providers"
                : a.primaryProvider() + " JCA provider");
    }

    private static List<String> answers(Analysis a, Decision d, List<Decision.Scenario> scenarios) {
        List<String> out = new ArrayList<>();
        out.add(withRule(libraryAnswer(d), "among libraries with zero false accepts on the benchmarked path and ≥ "
                + Fmt.num(100 * Decision.SCALES, 0) + "% scaling efficiency at 2 threads (where measured), the one in "
                + "the fastest rank group (intervals overlap or within " + Fmt.num(100 * RankGroups.MARGIN, 0)
                + "%) for most algorithms, then the smallest geometric mean of cost ÷ fastest."));
        out.add(withRule(algorithmAnswer(d, a), "the algorithms' verifications above ranked into groups the same way; "
                + "HS* algorithms make every verifier hold the signing secret, so the cheapest public-key algorithm "
                + "is named too."));
        out.add(withRule(crossoverAnswer(d, a, scenarios), "a tier is dearer than an algorithm when the lookup's "
                + "interval lies entirely above the verification's."));
        return out;
    }

    /** An answer and the rule that derived it; an undecided answer needs no rule. */
    private static String withRule(String answer, String rule) {
        return answer.contains(": not decided") ? answer : answer + " Rule: " + rule;
    }

    private static String libraryAnswer(Decision d) {
        if (d.standings().isEmpty()) {
            return "Default JWT library: not decided, no JWT verification in this run.";
        }
        if (d.conformance() == null) {
            return "Default JWT library: not decided, conformance was not checked in this run (the rule needs false "
                    + "accepts).";
        }
        if (d.library() == null) {
            return "Default JWT library: none qualifies; every library measured accepts a forged token on its "
                    + "benchmarked path or scales below " + Fmt.num(100 * Decision.SCALES, 0) + "%.";
        }
        Decision.Standing st = d.standings().stream().filter(x -> x.library().equals(d.library())).findFirst()
                .orElseThrow();
        List<String> behind = new ArrayList<>();
        st.overFastest().forEach((alg, r) -> {
            if (!st.fastestIn().contains(alg)) {
                MeasuredScheme f = d.groups(alg).ordered().get(0);
                Integer fa = FalseAccepts.benchmarked(d.conformance(), f.param("library"));
                behind.add(alg + " at " + Fmt.num(r) + "× the fastest (" + f.param("library") + ": "
                        + (fa == null ? "not checked" : fa + " false accept" + (fa == 1 ? "" : "s")) + ")");
            }
        });
        return "Default JWT library: " + d.library() + " (0 false accepts"
                + (st.worstEfficiency() == null ? "" : ", scaling ≥ " + Fmt.num(100 * st.worstEfficiency().value(), 0)
                + "%") + (st.fastestIn().isEmpty() ? "" : "; fastest group for " + String.join(", ", st.fastestIn()))
                + (behind.isEmpty() ? "" : "; " + String.join("; ", behind)) + ").";
    }

    private static String algorithmAnswer(Decision d, Analysis a) {
        List<MeasuredScheme> v = new ArrayList<>();
        for (String alg : a.algorithms()) {
            if (d.verifier(alg) != null) {
                v.add(d.verifier(alg));
            }
        }
        if (v.isEmpty()) {
            return "Algorithm: not decided, no JWT verification in this run.";
        }
        RankGroups g = new RankGroups(v);
        List<String> cheapest = g.fastest().stream().map(x -> x.param("alg") + " " + Fmt.pm(x.ns()) + " ns").toList();
        StringBuilder b = new StringBuilder("Algorithm on this platform: " + String.join(", tied with ", cheapest)
                + " is cheapest to verify.");
        List<MeasuredScheme> pub = g.ordered().stream().filter(x -> Decision.publicKey(x.param("alg"))).toList();
        if (!pub.isEmpty() && !Decision.publicKey(g.fastest().get(0).param("alg"))) {
            MeasuredScheme p = pub.get(0);
            b.append(" Cheapest public-key algorithm: ").append(p.param("alg")).append(' ').append(Fmt.pm(p.ns()))
                    .append(" ns");
            for (MeasuredScheme o : pub.subList(1, pub.size())) {
                b.append("; ").append(o.param("alg")).append(' ')
                        .append(RankGroups.tied(p.ns(), o.ns()) ? "tied" : Fmt.times(o.ns().over(p.ns())) + " of it");
            }
            b.append('.');
        }
        return b.toString();
    }

    private static String crossoverAnswer(Decision d, Analysis a, List<Decision.Scenario> scenarios) {
        List<String> cheaperThanAll = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        List<String> dearer = new ArrayList<>();
        for (Decision.Scenario sc : scenarios) {
            if (!sc.key()) {
                continue;
            }
            List<String> algs = new ArrayList<>();
            boolean undecided = false;
            for (String alg : a.algorithms()) {
                MeasuredScheme v = d.verifier(alg);
                if (v != null && v.ns().clearlyBelow(sc.scheme().ns())) {
                    algs.add(alg + " (" + Fmt.times(sc.scheme().ns().over(v.ns())) + ")");
                } else if (v != null && !(v.ns().hasInterval() && sc.scheme().ns().hasInterval())) {
                    undecided = true;
                }
            }
            String tier = sc.tier();
            if (algs.isEmpty() && undecided) {
                unresolved.add(tier);
            } else if (algs.isEmpty()) {
                cheaperThanAll.add(tier);
            } else {
                dearer.add((tier.matches("(?i)[aeiou].*") ? "an " : "a ") + tier + " lookup costs more than verifying "
                        + String.join(", ", algs));
            }
        }
        if (cheaperThanAll.isEmpty() && dearer.isEmpty() && unresolved.isEmpty()) {
            return "Where API keys stop being cheaper: not decided, no API-key lookup in this run.";
        }
        if (a.algorithms().isEmpty()) {
            return "Where API keys stop being cheaper: not decided, no JWT verification in this run.";
        }
        List<String> parts = new ArrayList<>();
        if (!cheaperThanAll.isEmpty()) {
            parts.add("a key in the " + String.join(", ", cheaperThanAll) + " tier" + (cheaperThanAll.size() > 1 ? "s" : "")
                    + " is not dearer than any algorithm's verification.");
        }
        if (!dearer.isEmpty()) {
            String sentence = String.join("; ", dearer) + ".";
            parts.add(Character.toUpperCase(sentence.charAt(0)) + sentence.substring(1));
        }
        if (!unresolved.isEmpty()) {
            parts.add("Not resolved for the " + String.join(", ", unresolved) + " tier" + (unresolved.size() > 1 ? "s" : "")
                    + ": a row it would be set against has no interval.");
        }
        return "Where API keys stop being cheaper: " + String.join(" ", parts);
    }

    /** Each library against the rule, so a reader sees why the default is the default. */
    private static void standings(Doc.Section s, Decision d) {
        if (d.standings().isEmpty()) {
            return;
        }
        boolean checked = d.conformance() != null;
        boolean scaled = d.standings().stream().anyMatch(x -> x.worstEfficiency() != null);
        List<String> header = new ArrayList<>(List.of("library", "fastest group for", "cost ÷ fastest"));
        if (checked) {
            header.addAll(List.of("false accepts (benchmarked path)", "raw signature API"));
        }
        if (scaled) {
            header.add("lowest scaling at 2 threads");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Decision.Standing st : d.standings()) {
            List<String> over = new ArrayList<>();
            st.overFastest().forEach((alg, r) -> over.add(alg + " " + Fmt.num(r) + "×"));
            List<String> r = new ArrayList<>(List.of(st.library(), st.fastestIn().isEmpty() ? "none"
                    : String.join(", ", st.fastestIn()), String.join(", ", over)));
            if (checked) {
                r.add(FalseAccepts.cell(st.falseAccepts()));
                r.add(FalseAccepts.cell(FalseAccepts.rawApi(d.conformance(), st.library())));
            }
            if (scaled) {
                r.add(st.worstEfficiency() == null ? "not measured" : Fmt.percent(st.worstEfficiency()));
            }
            rows.add(r);
        }
        Doc.para(s, "Every library against the rule (the REFERENCE verifier is the suite's own floor, not a choice):");
        s.blocks().add(new Doc.Table(header, rows));
    }

    /**
     * The one request rate every scenario with latency data was measured at (within 1%), filling {@code p99} (µs)
     * per scenario; NaN when the latency run has no rate in common.
     */
    static double commonRate(LatencySummary l, List<Decision.Scenario> scenarios, Map<Decision.Scenario, Double> p99) {
        if (l == null) {
            return Double.NaN;
        }
        Map<Decision.Scenario, LatencySummary.SchemeRuns> runs = new LinkedHashMap<>();
        for (Decision.Scenario sc : scenarios) {
            String name = sc.key() ? "apikey:" + sc.scheme().param("store")
                    : "jwt:" + sc.scheme().param("library") + ":" + sc.scheme().param("alg");
            l.schemes().stream().filter(r -> r.scheme().equalsIgnoreCase(name)).findFirst()
                    .ifPresent(r -> runs.put(sc, r));
        }
        if (runs.size() < 2) {
            return Double.NaN;
        }
        for (LatencySummary.RateRun candidate : runs.values().iterator().next().rates()) {
            double rate = candidate.intendedRate();
            Map<Decision.Scenario, Double> found = new LinkedHashMap<>();
            runs.forEach((sc, r) -> r.rates().stream().filter(x -> Math.abs(x.intendedRate() - rate) <= 0.01 * rate)
                    .findFirst().ifPresent(x -> found.put(sc, x.response().get("p99"))));
            if (found.size() == runs.size()) {
                p99.putAll(found);
                return rate;
            }
        }
        return Double.NaN;
    }
}
