package org.authbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns a {@link RunFolder} into the report {@link Doc}: summary, ranking per algorithm, API keys versus
 * JWTs, claims checked, capacity, latency, conformance, environment and every row. Each number is printed
 * with its error (99.9% CI half-width); ratios carry the errors of both sides.
 */
final class ReportBuilder {

    static final double CAPACITY_RATE = 10_000;
    private static final String[][] PCT = {{"50.0", "p50"}, {"99.0", "p99"}, {"99.9", "p99.9"}};

    private final RunFolder run;
    private final Analysis a;
    private final JsonNode m;
    private final Doc doc;

    private ReportBuilder(RunFolder run) {
        this.run = run;
        this.a = new Analysis(run.rows());
        this.m = run.manifest();
        this.doc = new Doc("authbench report: " + run.dir().toAbsolutePath().normalize().getFileName());
    }

    static Doc build(RunFolder run) {
        ReportBuilder b = new ReportBuilder(run);
        b.preface();
        b.summary();
        b.ranking();
        b.keysVersusJwts();
        b.claims();
        b.capacity();
        b.latency();
        b.conformance();
        b.environment();
        b.allRows();
        return b.doc;
    }

    private void preface() {
        StringBuilder p = new StringBuilder();
        if (m != null) {
            p.append("Profile `").append(m.path("profile").asText("?")).append("`, status `")
                    .append(m.path("status").asText("?")).append("`, started ").append(m.path("startedAt").asText("?"))
                    .append(", ended ").append(m.path("endedAt").asText("not recorded")).append(", commit `")
                    .append(m.path("git").path("shortCommit").asText("?"))
                    .append(m.path("git").path("dirty").asBoolean() ? " (dirty)" : "").append("`. ");
        } else {
            p.append("This folder has no manifest.json: environment facts are unknown. ");
        }
        p.append(run.rows().size()).append(" result rows. Every number is mean ± the half-width of JMH's 99.9% confidence"
                + " interval; ratios propagate both errors (relative errors in quadrature).");
        doc.preface.add(new Doc.Para(p.toString()));
        if (m != null && !"finished".equals(m.path("status").asText())) {
            doc.preface.add(new Doc.Para("WARNING: this run did not finish (status `" + m.path("status").asText()
                    + "`); the report covers the rows that completed."));
        }
        if (m != null && m.path("failedRows").size() > 0) {
            doc.preface.add(new Doc.Para("WARNING: " + m.path("failedRows").size()
                    + " benchmark rows failed and are missing (see Environment and jmh.log)."));
        }
        if (m != null && m.has("selftest")) {
            doc.preface.add(new Doc.Para("SELF-TEST RUN: a slowdown was injected on purpose (" + m.get("selftest")
                    + "); these numbers are not real results."));
        }
    }

    private void summary() {
        Doc.Section s = doc.section("summary", "Summary");
        Analysis.Scheme key = a.keyBaseline();
        List<String> items = new ArrayList<>();
        for (String alg : a.algorithms()) {
            Analysis.Scheme med = a.median(alg);
            Analysis.Scheme best = a.best(alg);
            if (med == null) {
                continue;
            }
            if (key == null) {
                items.add(alg + " verification costs " + Fmt.pm(med.ns()) + " ns (median library, " + med.label() + ")");
                continue;
            }
            items.add(alg + " verify costs " + Fmt.times(med.ns().over(key.ns())) + " an in-memory " + key.label()
                    + " key lookup (median library " + med.label() + ", " + Fmt.pm(med.ns()) + " ns; fastest "
                    + best.label() + " " + Fmt.times(best.ns().over(key.ns())) + ")");
        }
        if (key != null) {
            items.add("the " + key.label() + " API-key lookup itself: " + Fmt.pm(key.ns()) + " ns ("
                    + Row.modeName(key.cost().mode()) + ")");
        }
        if (items.isEmpty()) {
            Doc.para(s, "This run has neither JWT verification nor API-key lookup rows to compare.");
        } else {
            s.blocks().add(new Doc.Bullets(items));
        }
        Doc.para(s, "\"Median library\" is the lower median of the JWT libraries measured (the `REFERENCE` verifier, "
                + "our plain-JCA floor, is ranked but not counted); each ratio divides mean costs per operation.");
        List<Analysis.Scheme> all = new ArrayList<>(a.keyTiers());
        for (String alg : a.algorithms()) {
            all.addAll(a.ranking(alg));
        }
        all.addAll(a.base(Analysis.FLOOR_JWS));
        all.addAll(a.base(Analysis.FLOOR_KEY));
        all.addAll(a.revocation());
        if (!all.isEmpty()) {
            s.blocks().add(new Doc.Chart("schemes.png", "Every scheme on one log-scale axis (ns/op, 99.9% CI caps)",
                    Charts.schemes(all)));
        }
    }

    private void ranking() {
        Doc.Section s = doc.section("ranking", "Ranking per algorithm");
        if (a.algorithms().isEmpty()) {
            Doc.para(s, "No JWT verification rows in this run.");
            return;
        }
        Doc.para(s, "ns/op is one thread's mean time per verification of a valid token; ops/s is measured in "
                + "Throughput mode when the run has it, otherwise derived as 1e9 / (ns/op) and marked \"derived\". "
                + "× floor divides by the raw JCA primitive on the same signing input (`floor_jwsSignature`), "
                + "measured in the same mode. Percentiles come from SampleTime rows; B/op from `-prof gc`.");
        for (String alg : a.algorithms()) {
            List<Analysis.Scheme> rank = a.ranking(alg);
            Analysis.Scheme floorScheme = a.base(Analysis.FLOOR_JWS).stream().filter(f -> alg.equals(f.param("alg")))
                    .findFirst().orElse(null);
            List<List<String>> rows = new ArrayList<>();
            int i = 1;
            for (Analysis.Scheme v : rank) {
                rows.add(schemeRow(String.valueOf(i++), v));
            }
            if (floorScheme != null) {
                rows.add(schemeRow("floor", floorScheme));
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(List.of("#", "library", "ns/op ± 99.9% CI", "mode", "ops/s", "× floor", "p50 ns",
                    "p99 ns", "p99.9 ns", "B/op"), rows));
            if (!rank.isEmpty()) {
                s.blocks().add(new Doc.Chart("verify-" + alg + ".png", alg + " verification by library (µs, 99.9% CI)",
                        Charts.libraryBars(alg, rank, floorScheme == null ? null : floorScheme.ns())));
            }
            Map<String, Map<Double, Double>> pct = new LinkedHashMap<>();
            for (Analysis.Scheme v : rank) {
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
    }

    private List<String> schemeRow(String rank, Analysis.Scheme v) {
        Estimate floor = a.floorFor(v);
        Row sample = v.sample();
        List<String> r = new ArrayList<>(List.of(rank, v.label(), Fmt.pm(v.ns()), Row.modeName(v.cost().mode()),
                Fmt.pm(v.ops()) + (v.opsDerived() ? " (derived)" : ""), floor == null ? "—" : Fmt.times(floor)));
        for (String[] p : PCT) {
            Double ns = sample == null ? null : sample.percentileNs(p[0]);
            r.add(ns == null ? "—" : Fmt.num(ns));
        }
        r.add(v.bytes() == null ? "—" : Fmt.pm(v.bytes()));
        return r;
    }

    private static Map<Double, Double> percentiles(Row sample) {
        Map<Double, Double> out = new TreeMap<>();
        for (String k : sample.percentiles().keySet()) {
            out.put(Double.parseDouble(k), sample.percentileNs(k));
        }
        return out;
    }

    private void keysVersusJwts() {
        Doc.Section s = doc.section("keys-vs-jwts", "API keys versus JWTs");
        List<Analysis.Scheme> tiers = a.keyTiers();
        if (tiers.isEmpty()) {
            Doc.para(s, "No API-key lookup (`lookup_hit`) rows in this run.");
            return;
        }
        Doc.para(s, "Each cell divides a JWT verification by the store tier's successful lookup (`lookup_hit`): "
                + "how many times more a request costs with that JWT library than with that key store.");
        List<String> header = new ArrayList<>(List.of("store tier", "lookup ns/op ± 99.9% CI", "mode", "× floor"));
        List<Analysis.Scheme[]> cols = new ArrayList<>();
        for (String alg : a.algorithms()) {
            Analysis.Scheme best = a.best(alg);
            Analysis.Scheme med = a.median(alg);
            if (best == null) {
                continue;
            }
            header.add(alg + " best (" + best.label() + ")");
            header.add(alg + " median (" + med.label() + ")");
            cols.add(new Analysis.Scheme[] {best, med});
        }
        List<List<String>> rows = new ArrayList<>();
        for (Analysis.Scheme t : tiers) {
            Estimate floor = a.floorFor(t);
            List<String> r = new ArrayList<>(List.of(t.label(), Fmt.pm(t.ns()), Row.modeName(t.cost().mode()),
                    floor == null ? "—" : Fmt.times(floor)));
            for (Analysis.Scheme[] c : cols) {
                r.add(Fmt.times(c[0].ns().over(t.ns())));
                r.add(Fmt.times(c[1].ns().over(t.ns())));
            }
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        List<String> refusalMethods = List.of("lookup_miss", "lookup_badChecksum", "lookup_revoked");
        List<List<String>> refusals = new ArrayList<>();
        for (Analysis.Scheme t : tiers) {
            List<String> r = new ArrayList<>(List.of(t.label()));
            boolean any = false;
            for (String method : refusalMethods) {
                Analysis.Scheme x = a.base("ApiKeyLookupBenchmark." + method).stream()
                        .filter(o -> o.params().equals(t.params())).findFirst().orElse(null);
                r.add(x == null ? "—" : Fmt.pm(x.ns()));
                any |= x != null;
            }
            if (any) {
                refusals.add(r);
            }
        }
        if (!refusals.isEmpty()) {
            Doc.para(s, "Refusals (ns/op ± 99.9% CI): an unknown key, a key whose checksum fails (refused before any "
                    + "lookup), a revoked key.");
            s.blocks().add(new Doc.Table(List.of("store tier", "miss", "bad checksum", "revoked"), refusals));
        }
        if (m != null && m.path("stores").path("skipped").size() > 0) {
            List<String> skipped = new ArrayList<>();
            m.path("stores").path("skipped").fields().forEachRemaining(e -> skipped.add("`" + e.getKey() + "` skipped: "
                    + e.getValue().asText()));
            s.blocks().add(new Doc.Bullets(skipped));
        }
    }

    private void claims() {
        Doc.Section s = doc.section("claims", "Claims checked");
        Doc.para(s, "Verdicts compare 99.9% confidence intervals: a claim holds only where the intervals separate; "
                + "overlap, or a claim true for some algorithms or tiers only, is \"holds with qualification\". A claim "
                + "whose evidence this run lacks says \"" + Claims.NO_EVIDENCE + "\" instead of guessing.");
        s.blocks().add(new Doc.Table(List.of("claim", "evidence from this run", "verdict"),
                new Claims(a, m, logicalCores()).rows()));
    }

    private void capacity() {
        Doc.Section s = doc.section("capacity", "Capacity");
        Doc.para(s, "Cores needed per " + Fmt.num(CAPACITY_RATE) + " requests/s = " + Fmt.num(CAPACITY_RATE)
                + " / per-core ops/s, from one thread's measured cost (authentication only, no request handling). "
                + "For tiers with a server (H2, Redis, PostgreSQL) the time includes waiting on it, so the figure counts "
                + "busy threads rather than CPU.");
        List<Analysis.Scheme> schemes = new ArrayList<>(a.keyTiers());
        for (String alg : a.algorithms()) {
            Analysis.Scheme best = a.best(alg);
            Analysis.Scheme med = a.median(alg);
            if (best != null) {
                schemes.add(best);
            }
            if (med != null && med != best) {
                schemes.add(med);
            }
        }
        schemes.addAll(a.revocation());
        if (schemes.isEmpty()) {
            Doc.para(s, "No scheme in this run to size.");
            return;
        }
        Map<Analysis.Scheme, Analysis.Scaling> scaled = new LinkedHashMap<>();
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
        for (Analysis.Scheme sc : schemes) {
            Estimate perCore = sc.ops().times(1.0 / sc.threads());
            List<String> r = new ArrayList<>(List.of(Charts.shortLabel(sc), Fmt.pm(perCore)
                    + (sc.opsDerived() ? " (derived)" : ""), Fmt.pm(perCore.reciprocal(CAPACITY_RATE))));
            if (anyScaling) {
                Analysis.Scaling sg = scaled.get(sc);
                if (sg == null) {
                    r.add("—");
                } else {
                    Analysis.Scheme top = sg.points().get(sg.points().size() - 1);
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

    private void latency() {
        Doc.Section s = doc.section("latency", "Latency under load");
        JsonNode l = run.latency();
        if (l == null) {
            Doc.para(s, "Not measured in this run (no `" + RunFolder.LATENCY_FILE + "`; run `authbench latency` to add "
                    + "open-loop latency). SampleTime percentiles of single-thread runs are in the ranking above.");
            return;
        }
        String unit = l.path("unit").asText("us");
        Doc.para(s, "Open-loop (fixed-rate) load, latencies measured from each request's intended start, so queueing "
                + "is counted (no coordinated omission). Values in " + unit + ".");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<Double, Double>> chart = new LinkedHashMap<>();
        for (JsonNode r : l.path("runs")) {
            Map<Double, Double> pct = new TreeMap<>();
            r.path("percentiles").fields().forEachRemaining(e -> pct.put(Double.parseDouble(e.getKey()), e.getValue().asDouble()));
            chart.put(r.path("scheme").asText() + " @" + Fmt.num(r.path("targetRatePerSecond").asDouble()) + "/s", pct);
            rows.add(List.of(r.path("scheme").asText(), Fmt.num(r.path("targetRatePerSecond").asDouble()),
                    Fmt.num(r.path("achievedRatePerSecond").asDouble()), r.path("threads").asText("—"),
                    r.path("count").asText("—"), r.path("errors").asText("0"), pct(pct, 50), pct(pct, 90), pct(pct, 99),
                    pct(pct, 99.9), pct(pct, 99.99), pct(pct, 100), r.path("histogram").isTextual()
                            ? "`latency/" + r.path("histogram").asText() + "`" : "—"));
        }
        s.blocks().add(new Doc.Table(List.of("scheme", "target req/s", "achieved req/s", "threads", "requests", "errors",
                "p50", "p90", "p99", "p99.9", "p99.99", "max", "histogram"), rows));
        if (!chart.isEmpty()) {
            s.blocks().add(new Doc.Chart("latency.png", "Latency percentiles under fixed-rate load (" + unit + ", log scale)",
                    Charts.percentiles("Latency under fixed-rate load", chart, unit)));
        }
    }

    private static String pct(Map<Double, Double> p, double k) {
        Double v = p.get(k);
        return v == null ? "—" : Fmt.num(v);
    }

    private void conformance() {
        Doc.Section s = doc.section("conformance", "Conformance");
        JsonNode c = run.conformance();
        if (c == null) {
            Doc.para(s, "Not checked in this run (no `" + RunFolder.CONFORMANCE_FILE + "`; run `authbench conformance`).");
            return;
        }
        Doc.para(s, "Every library against the hostile-token corpus and external vectors"
                + (c.has("cases") ? " (" + c.get("cases").asText() + " cases)" : "")
                + ". A false accept is a token that must be refused and was accepted: a security defect.");
        List<List<String>> rows = new ArrayList<>();
        long falseAccepts = 0;
        for (JsonNode l : c.path("libraries")) {
            falseAccepts += l.path("falseAccepts").asLong();
            rows.add(List.of(l.path("library").asText(), l.path("correct").asText("0"), l.path("falseAccepts").asText("0"),
                    l.path("falseRejects").asText("0"), l.path("notApplicable").asText("0"), l.path("errors").asText("0")));
        }
        s.blocks().add(new Doc.Table(List.of("library", "correct", "false accepts", "false rejects", "n.a.", "errors"), rows));
        if (falseAccepts > 0) {
            Doc.para(s, "WARNING: " + falseAccepts + " false accepts in total.");
        }
    }

    private void environment() {
        Doc.Section s = doc.section("environment", "Environment");
        if (m == null) {
            Doc.para(s, "No manifest.json in this run folder.");
        } else {
            List<List<String>> facts = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> it = m.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("libraries") && !e.getKey().equals("jca")) {
                    flatten(e.getKey(), e.getValue(), facts);
                }
            }
            s.blocks().add(new Doc.Table(List.of("fact", "value"), facts));
            if (m.path("jca").size() > 0) {
                List<List<String>> jca = new ArrayList<>();
                m.get("jca").fields().forEachRemaining(e -> jca.add(List.of(e.getKey(),
                        e.getValue().path("algorithm").asText(""), e.getValue().path("provider").asText(e.getValue().asText()))));
                Doc.para(s, "JCA provider per algorithm (checked in the JVM that started the run):");
                s.blocks().add(new Doc.Table(List.of("algorithm", "JCA name", "provider"), jca));
            }
            if (m.path("libraries").size() > 0) {
                List<List<String>> libs = new ArrayList<>();
                m.get("libraries").fields().forEachRemaining(e -> libs.add(List.of("`" + e.getKey() + "`", e.getValue().asText())));
                Doc.para(s, "Library versions, read from the classpath:");
                s.blocks().add(new Doc.Table(List.of("artifact", "version"), libs));
            }
        }
        Set<String> forkJvms = new LinkedHashSet<>();
        for (Row r : run.rows()) {
            forkJvms.add(r.vmName() + " " + r.vmVersion() + " (JDK " + r.jdkVersion() + "), flags: "
                    + (r.jvmArgs().isEmpty() ? "none" : String.join(" ", r.jvmArgs())));
        }
        if (!forkJvms.isEmpty()) {
            Doc.para(s, "Benchmark JVMs (the forks, from the JMH results):");
            s.blocks().add(new Doc.Bullets(new ArrayList<>(forkJvms)));
        }
    }

    private static void flatten(String key, JsonNode v, List<List<String>> out) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                out.add(List.of(key, "—"));
            }
            v.fields().forEachRemaining(e -> flatten(key + "." + e.getKey(), e.getValue(), out));
        } else if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) {
                parts.add(x.isValueNode() ? x.asText() : x.toString());
            }
            out.add(List.of(key, parts.isEmpty() ? "—" : String.join(" ", parts)));
        } else {
            out.add(List.of(key, v.isNull() ? "—" : v.asText()));
        }
    }

    private void allRows() {
        Doc.Section s = doc.section("all-results", "All results");
        Doc.para(s, "Every row of `" + RunFolder.RESULT_FILE + "`, score as JMH wrote it and normalised; also in "
                + "`summary.csv`.");
        List<List<String>> rows = new ArrayList<>();
        for (Row r : run.rows()) {
            StringBuilder params = new StringBuilder();
            new TreeMap<>(r.params()).forEach((k, v) -> params.append(params.length() == 0 ? "" : " ").append(k)
                    .append('=').append(v));
            rows.add(List.of(r.method(), params.length() == 0 ? "—" : params.toString(), String.valueOf(r.threads()),
                    Row.modeName(r.mode()), Fmt.pm(new Estimate(r.score(), r.error())) + " " + r.unit(),
                    Fmt.pm(r.nsPerOp()), Fmt.pm(r.opsPerSecond()) + (r.opsDerived() ? " (derived)" : "")));
        }
        s.blocks().add(new Doc.Table(List.of("benchmark", "params", "threads", "mode", "score ± 99.9% CI", "ns/op",
                "ops/s"), rows));
    }

    /** Logical cores of the run's machine from the manifest, or 0 when unknown. */
    private int logicalCores() {
        if (m == null) {
            return 0;
        }
        int c = m.path("cpu").path("logicalCores").asInt(0);
        return c > 0 ? c : m.path("os").path("availableProcessors").asInt(0);
    }
}
