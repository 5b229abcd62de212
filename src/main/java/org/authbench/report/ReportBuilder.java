package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.authbench.runfiles.Conformance;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.LatencySummary;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;

/**
 * Turns a {@link RunFolder} into the report {@link Doc}: summary, ranking per algorithm, API keys versus
 * JWTs, revocation, reject paths and token shapes (when measured, {@link ShapeSections}), issuance and cached
 * verification ({@link IssueAndCacheSections}), claims checked, capacity, JDK comparison (when the run holds
 * several JVMs), JCA providers (when the run holds several, or a provider was skipped), latency, conformance,
 * environment and every row. Each number is printed
 * with its error (99.9% CI half-width); ratios carry the errors of both sides.
 */
final class ReportBuilder {

    static final double CAPACITY_RATE = 10_000;
    private static final String[][] PCT = {{"50.0", "p50"}, {"99.0", "p99"}, {"99.9", "p99.9"}};

    private final RunFolder run;
    private final Analysis a;
    private final Manifest m;
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
        b.revocation();
        ShapeSections.addTo(b.doc, b.a);
        IssueAndCacheSections.issuance(b.doc, b.a);
        IssueAndCacheSections.cachedVerification(b.doc, b.a);
        b.claims();
        b.capacity();
        b.jdkComparison();
        b.providers();
        b.latency();
        b.conformance();
        b.environment();
        b.allRows();
        return b.doc;
    }

    private void preface() {
        StringBuilder p = new StringBuilder();
        if (m != null) {
            p.append("Profile `").append(Objects.toString(m.profile(), "?")).append("`, status `")
                    .append(Objects.toString(m.status(), "?")).append("`, started ")
                    .append(Objects.toString(m.startedAt(), "?")).append(", ended ")
                    .append(Objects.toString(m.endedAt(), "not recorded")).append(", commit `")
                    .append(Objects.toString(m.shortCommit(), "?"))
                    .append(Boolean.TRUE.equals(m.dirty()) ? " (dirty)" : "").append("`. ");
        } else {
            p.append("This folder has no manifest.json: environment facts are unknown. ");
        }
        p.append(run.rows().size()).append(" result rows. Every number is mean ± the half-width of JMH's 99.9% confidence"
                + " interval; ratios propagate both errors (relative errors in quadrature).");
        doc.preface.add(new Doc.Para(p.toString()));
        if (a.primaryJvm() != null) {
            doc.preface.add(new Doc.Para("This run holds " + a.jvms().size() + " JVMs (" + String.join(", ", a.jvms())
                    + "); labels name the JVM. Summary, rankings, claims and capacity use " + a.primaryJvm()
                    + " (the JVM with most rows); \"JDK comparison\" sets the JVMs side by side."));
        }
        if (!a.primaryProvider().equals(Analysis.DEFAULT_PROVIDER) || a.providers().size() > 1) {
            doc.preface.add(new Doc.Para("JCA providers in this run: " + String.join(", ", a.providers())
                    + ". Summary, rankings, claims and capacity use " + a.primaryProvider()
                    + (a.primaryProvider().equals(Analysis.DEFAULT_PROVIDER) ? " (the JDK's own providers)" : "")
                    + "; \"JCA providers\" compares them."));
        }
        if (m != null && !m.finished()) {
            doc.preface.add(new Doc.Para("WARNING: this run did not finish (status `" + Objects.toString(m.status(), "")
                    + "`); the report covers the rows that completed."));
        }
        if (m != null && m.failedRows() > 0) {
            doc.preface.add(new Doc.Para("WARNING: " + m.failedRows()
                    + " benchmark rows failed and are missing (see Environment and jmh.log)."));
        }
        if (m != null && m.selftest() != null) {
            doc.preface.add(new Doc.Para("SELF-TEST RUN: a slowdown was injected on purpose (" + m.selftest()
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
                    + JmhRow.modeName(key.cost().mode()) + ")");
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
        all.addAll(a.base(Analysis.FLOOR_PARSE));
        all.addAll(a.base(Analysis.FLOOR_KEY));
        all.addAll(a.denylisted());
        all.addAll(a.revokeToRefusal());
        if (!all.isEmpty()) {
            s.blocks().add(new Doc.Chart("schemes.png", "Every scheme on one log-scale axis (ns/op, 99.9% CI caps)",
                    Charts.schemes(all)));
        }
    }

    private void ranking() {
        Doc.Section s = doc.section("ranking", "Ranking per algorithm");
        if (a.algorithms().isEmpty()) {
            Doc.para(s, "No JWT verification rows in this run.");
            notSupportedMatrix(s);
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
            Analysis.Scheme parseFloor = a.parseFloorFor(alg);
            if (parseFloor != null) {
                rows.add(schemeRow("floor", parseFloor));
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(List.of("#", "library", "ns/op ± 99.9% CI", "mode", "ops/s", "× floor", "p50 ns",
                    "p99 ns", "p99.9 ns", "B/op", "false accepts"), rows));
            Analysis.Scheme reference = rank.stream().filter(v -> Analysis.REFERENCE.equals(v.param("library"))).findFirst()
                    .orElse(null);
            if (parseFloor != null && floorScheme != null && reference != null) {
                Estimate both = floorScheme.nsIn(reference.cost().mode()).plus(parseFloor.nsIn(reference.cost().mode()));
                Doc.para(s, "The two floors: `floor_jwsSignature` is the " + alg + " primitive alone; `floor_jwsParse` is "
                        + "the rest no verifier avoids (base64url of the three segments, one Jackson streaming pass over "
                        + "header and claims, no checks). Together " + Fmt.pm(both) + " ns: REFERENCE costs "
                        + Fmt.times(reference.ns().over(both)) + " of their sum, " + Fmt.times(a.floorFor(reference))
                        + " of the primitive alone.");
            }
            List<String> without = notSupported().getOrDefault(alg, List.of());
            if (!without.isEmpty()) {
                Doc.para(s, alg + " not supported by " + String.join(", ", without) + " (not run; reasons below).");
            }
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
        notSupportedMatrix(s);
    }

    /**
     * The pairs {@code run} left out because the library does not support the algorithm, from the manifest:
     * a library missing from a ranking is explained, never silently absent.
     */
    private void notSupportedMatrix(Doc.Section s) {
        Map<String, List<String>> byAlg = notSupported();
        if (byAlg.isEmpty()) {
            return;
        }
        Doc.para(s, "Not supported (library × algorithm pairs the library cannot verify; never run, from manifest.json):");
        List<String> items = new ArrayList<>();
        m.notSupported().forEach((pair, why) -> items.add("`" + pair + "`: " + why));
        s.blocks().add(new Doc.Bullets(items));
    }

    /** Algorithm → libraries (lower case) that do not support it, from the manifest's {@code notSupported}. */
    private Map<String, List<String>> notSupported() {
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

    private List<String> schemeRow(String rank, Analysis.Scheme v) {
        Estimate floor = a.floorFor(v);
        JmhRow sample = v.sample();
        List<String> r = new ArrayList<>(List.of(rank, v.label(), Fmt.pm(v.ns()), JmhRow.modeName(v.cost().mode()),
                Fmt.pm(v.ops()) + (v.opsDerived() ? " (derived)" : ""), floor == null ? "—" : Fmt.times(floor)));
        for (String[] p : PCT) {
            Double ns = sample == null ? null : sample.percentileNs(p[0]);
            r.add(ns == null ? "—" : Fmt.num(ns));
        }
        r.add(v.bytes() == null ? "—" : Fmt.pm(v.bytes()));
        // Every ranking shows each library's conformance next to its speed: a fast verifier that accepts
        // forgeries is marked, never hidden.
        String fa = falseAccepts(v.param("library"));
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
            List<String> r = new ArrayList<>(List.of(t.label(), Fmt.pm(t.ns()), JmhRow.modeName(t.cost().mode()),
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
        if (m != null && !m.storesSkipped().isEmpty()) {
            List<String> skipped = new ArrayList<>();
            m.storesSkipped().forEach((store, why) -> skipped.add("`" + store + "` skipped: " + why));
            s.blocks().add(new Doc.Bullets(skipped));
        }
    }

    private void revocation() {
        Doc.Section s = doc.section("revocation", "Revocation");
        List<Analysis.DenylistCost> deny = a.denylistCosts();
        List<Analysis.Scheme> keys = a.revokeToRefusal();
        if (deny.isEmpty() && keys.isEmpty()) {
            Doc.para(s, "Not measured in this run (no `RevocationBenchmark` rows).");
            return;
        }
        if (deny.isEmpty()) {
            Doc.para(s, "JWT denylist: not measured in this run.");
        } else {
            Doc.para(s, "JWT denylist: the cost of checking the verified token's `jti` against a denylist is "
                    + "`jwt_verifyDenylist_accepted` minus `jwt_verify` (same algorithm, library and tokens), errors in "
                    + "quadrature. ns/op ± 99.9% CI.");
            List<List<String>> rows = new ArrayList<>();
            for (Analysis.DenylistCost d : deny) {
                rows.add(List.of(d.accepted().param("denylist"), d.accepted().param("denylistSize") == null ? "—"
                                : d.accepted().param("denylistSize"), d.plain().param("alg"), d.plain().param("library"),
                        Fmt.pm(d.plain().ns()), Fmt.pm(d.accepted().ns()), Fmt.pm(d.cost()),
                        Fmt.num(100 * d.cost().value() / d.plain().ns().value(), 1) + "%",
                        d.refused() == null ? "—" : Fmt.pm(d.refused().ns())));
            }
            s.blocks().add(new Doc.Table(List.of("denylist", "revoked ids", "alg", "library", "verify", "verify + denylist",
                    "denylist cost", "cost / verify", "revoked token refused"), rows));
        }
        if (keys.isEmpty()) {
            Doc.para(s, "API-key revoke → refusal: not measured in this run.");
        } else {
            Doc.para(s, "API-key revoke → refusal: one operation revokes a key and presents it, which must be refused "
                    + "(the benchmark fails otherwise); `lookup_hit` of the same tier for comparison. ns/op ± 99.9% CI.");
            List<List<String>> rows = new ArrayList<>();
            for (Analysis.Scheme k : keys) {
                Analysis.Scheme hit = a.tier(k.param("store"));
                rows.add(List.of(k.param("store"), k.param("size") == null ? "—" : k.param("size"), Fmt.pm(k.ns()),
                        hit == null ? "—" : Fmt.pm(hit.ns())));
            }
            s.blocks().add(new Doc.Table(List.of("store tier", "keys", "revoke → refusal", "lookup_hit"), rows));
        }
    }

    private void jdkComparison() {
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

    /**
     * What the JCA provider changes: each verification and JWS floor measured on several providers, side by side
     * (per JVM when the run holds several), with each provider's cost divided by DEFAULT's; then which provider
     * really served each algorithm, as the forks checked it, and providers that could not run.
     */
    private void providers() {
        List<Analysis.ProviderSet> sets = a.acrossProviders();
        boolean skipped = m != null && (!m.providersSkipped().isEmpty() || !notOk().isEmpty());
        if (a.providers().size() < 2 && a.primaryProvider().equals(Analysis.DEFAULT_PROVIDER) && !skipped) {
            return;
        }
        Doc.Section s = doc.section("providers", "JCA providers");
        List<String> ps = a.providers();
        int ref = ps.indexOf(Analysis.DEFAULT_PROVIDER);
        if (sets.isEmpty()) {
            Doc.para(s, "No verification or floor ran on more than one of " + String.join(", ", ps) + ".");
        } else {
            Doc.para(s, "Each provider is installed at JCA position 1 in its own forks (DEFAULT: the JDK's own, nothing "
                    + "installed); the tokens and keys are the same. ns/op ± 99.9% CI on each provider (same mode)"
                    + (ref < 0 ? "." : ", and each provider's cost divided by DEFAULT's (below 1× = faster than the JDK's "
                    + "own)."));
            boolean jvmCol = a.primaryJvm() != null;
            List<String> header = new ArrayList<>(List.of("scheme"));
            if (jvmCol) {
                header.add("JVM");
            }
            header.add("mode");
            for (String p : ps) {
                header.add(p + " ns/op");
            }
            if (ref >= 0) {
                for (String p : ps) {
                    if (!p.equals(Analysis.DEFAULT_PROVIDER)) {
                        header.add(p + " ÷ DEFAULT");
                    }
                }
            }
            List<List<String>> rows = new ArrayList<>();
            Map<String, Map<String, Estimate>> chart = new LinkedHashMap<>();
            for (Analysis.ProviderSet set : sets) {
                Analysis.Scheme any = set.perProvider().stream().filter(Objects::nonNull).findFirst().orElseThrow();
                String name = any.method().equals(Analysis.FLOOR_JWS) ? "floor " + any.param("alg")
                        : any.param("alg") + " " + any.param("library");
                name += any.threads() > 1 ? " ×" + any.threads() : "";
                List<String> r = new ArrayList<>(List.of(name));
                if (jvmCol) {
                    r.add(any.jvm());
                }
                r.add(JmhRow.modeName(set.mode()));
                List<Estimate> ns = new ArrayList<>();
                for (Analysis.Scheme x : set.perProvider()) {
                    ns.add(x == null ? null : x.byMode().get(set.mode()).nsPerOp());
                    r.add(x == null ? "—" : Fmt.pm(ns.get(ns.size() - 1)));
                }
                if (ref >= 0) {
                    for (int j = 0; j < ns.size(); j++) {
                        if (j == ref) {
                            continue;
                        }
                        Estimate ratio = ns.get(j) == null || ns.get(ref) == null ? null : ns.get(j).over(ns.get(ref));
                        r.add(Fmt.times(ratio));
                        if (ratio != null) {
                            chart.computeIfAbsent(ps.get(j) + " ÷ DEFAULT", k -> new LinkedHashMap<>())
                                    .put(name + (jvmCol ? " [" + any.jvm() + "]" : ""), ratio);
                        }
                    }
                }
                rows.add(r);
            }
            s.blocks().add(new Doc.Table(header, rows));
            if (!chart.isEmpty()) {
                s.blocks().add(new Doc.Chart("providers.png", "Cost on each JCA provider relative to DEFAULT (99.9% CI "
                        + "whiskers)", Charts.ratios("Cost relative to the JDK's own providers", chart)));
            }
        }
        served(s);
        if (m != null) {
            List<String> out = new ArrayList<>();
            m.providersSkipped().forEach((provider, why) -> out.add("`" + provider
                    + "` unavailable in the JVM that started the run, its rows skipped: " + why));
            for (Manifest.ProviderCheck c : notOk()) {
                out.add("`" + c.provider() + "` " + c.status() + " for " + c.alg() + " " + c.benchmark()
                        + (c.library() != null ? " " + c.library() : "") + " on JDK " + c.jdkVersion()
                        + ", its row failed: " + c.reason());
            }
            if (!out.isEmpty()) {
                s.blocks().add(new Doc.Bullets(out));
            }
        }
    }

    /** Fork records whose provider could not load or did not serve the algorithm itself. */
    private List<Manifest.ProviderCheck> notOk() {
        return m == null ? List.of() : m.providersChecked().stream().filter(c -> !c.ok()).toList();
    }

    /**
     * Which provider served each algorithm, as every fork checked it after installing its provider (JCA asked with
     * the trial's own key, so the answer is the provider that verifies): one line per JVM, provider, algorithm and
     * JCA name, with the benchmarks that saw it. Nothing when the run's forks recorded nothing (older runs).
     */
    private void served(Doc.Section s) {
        if (m == null || m.providersChecked().isEmpty()) {
            return;
        }
        Map<String, Set<String>> seenBy = new LinkedHashMap<>();
        Map<String, Integer> forks = new LinkedHashMap<>();
        for (Manifest.ProviderCheck c : m.providersChecked()) {
            if (!c.ok()) {
                continue;
            }
            String who = c.benchmark().equals("CryptoFloorBenchmark") ? "floor" : Objects.toString(c.library(), "?");
            c.served().forEach((jcaName, provider) -> {
                String key = c.jdkVersion() + "|" + c.provider() + "|" + c.alg() + "|" + jcaName + "|" + provider;
                seenBy.computeIfAbsent(key, k -> new TreeSet<>()).add(who);
                forks.merge(key, c.forks(), Integer::sum);
            });
        }
        List<List<String>> rows = new ArrayList<>();
        seenBy.forEach((k, who) -> {
            String[] f = k.split("\\|", -1);
            rows.add(List.of("JDK " + f[0], f[1], f[2], f[3], f[4], String.join(", ", who), String.valueOf(forks.get(k))));
        });
        Doc.para(s, "Which JCA provider served each algorithm, checked in every benchmark fork after installing its "
                + "provider (JCA asked with the trial's own key; `SHA256withECDSA` is the DER form most libraries call "
                + "for ES256 before converting the signature):");
        s.blocks().add(new Doc.Table(List.of("JVM", "provider", "algorithm", "JCA name", "served by", "rows", "forks"),
                rows));
    }

    private void claims() {
        Doc.Section s = doc.section("claims", "Claims checked");
        Doc.para(s, "Verdicts compare 99.9% confidence intervals: a claim holds only where the intervals separate; "
                + "overlap, or a claim true for some algorithms or tiers only, is \"holds with qualification\". A claim "
                + "whose evidence this run lacks says \"" + Claims.NO_EVIDENCE + "\" instead of guessing.");
        s.blocks().add(new Doc.Table(List.of("claim", "evidence from this run", "verdict"),
                new Claims(a, m, run.storeCatalogue(), m == null ? 0 : m.cores()).rows()));
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
        schemes.addAll(a.denylisted());
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
                fromSummary |= r.distribution().isEmpty();
                chart.put(sc.scheme() + " @ " + Fmt.num(r.intendedRate()) + "/s", nines(r));
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
        if (!chart.isEmpty()) {
            s.blocks().add(new Doc.Chart("latency.png", "Response time by percentile (µs, log scale; x-axis in nines, "
                    + "max drawn one decade right of the last percentile" + (fromSummary
                    ? "; rates without a .hgrm file drawn from the summary percentiles" : "") + ")",
                    Charts.latencyByPercentile(chart)));
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

    /**
     * {@code conformance.json} as {@code authbench conformance} (and the end of {@code run}) writes it: per
     * library, a tally per case family and the robustness result; every false accept listed with its case.
     */
    private void conformance() {
        Doc.Section s = doc.section("conformance", "Conformance");
        Conformance c = run.conformance();
        if (c == null) {
            Doc.para(s, "Not checked in this run (no `" + RunFiles.CONFORMANCE + "`; run `authbench conformance`).");
            return;
        }
        List<String> families = c.families();
        Doc.para(s, "Every library against external vectors (Project Wycheproof, RFC 7515), the project's hostile "
                + "tokens (fresh keys, seed " + c.seed() + ") and " + c.fuzzCases()
                + " random and mutated tokens each. Cells: correct / false accepts / false rejects / not applicable / "
                + "errors. A false accept is a token that must be refused and was accepted: a security finding. The "
                + "raw-signature families go through each library's own signature API, not the benchmarked adapter.");
        List<String> header = new ArrayList<>(List.of("library", "version"));
        header.addAll(families);
        header.add("robustness (false accepts / errors / timeouts; slowest rejection)");
        header.add("total false accepts");
        List<List<String>> rows = new ArrayList<>();
        for (Conformance.Library l : c.libraries()) {
            List<String> r = new ArrayList<>(List.of(l.library(), l.version()));
            for (String f : families) {
                Conformance.Tally t = l.families().get(f);
                r.add(t == null ? "—" : t.correct() + " / " + t.falseAccepts() + " / " + t.falseRejects() + " / "
                        + t.notApplicable() + " / " + t.errors());
            }
            Conformance.Robustness rb = l.robustness();
            r.add(rb == null ? "not run" : rb.falseAccepts() + " / " + rb.errors() + " / " + rb.timeouts() + "; "
                    + Fmt.num(rb.slowestRejectionMillis()) + " ms");
            r.add(l.totalFalseAccepts());
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        List<Conformance.FalseAccept> fa = c.falseAccepts();
        if (!fa.isEmpty()) {
            Doc.para(s, "False accepts (" + fa.size() + "):");
            List<List<String>> list = new ArrayList<>();
            for (Conformance.FalseAccept f : fa) {
                list.add(List.of(f.library(), f.version(), f.family(), f.caseId(), f.comment()));
            }
            s.blocks().add(new Doc.Table(List.of("library", "version", "family", "case", "comment"), list));
        } else {
            Doc.para(s, "No false accepts.");
        }
    }

    /** Total false accepts of a library from {@code conformance.json}, or null when the run has none. */
    private String falseAccepts(String library) {
        Conformance c = run.conformance();
        return c == null || library == null ? null : c.totalFalseAccepts(library);
    }

    private void environment() {
        Doc.Section s = doc.section("environment", "Environment");
        if (m == null) {
            Doc.para(s, "No manifest.json in this run folder.");
        } else {
            List<List<String>> facts = new ArrayList<>();
            m.facts().forEach(f -> facts.add(List.of(f.key(), f.value())));
            s.blocks().add(new Doc.Table(List.of("fact", "value"), facts));
            if (!m.jca().isEmpty()) {
                List<List<String>> jca = new ArrayList<>();
                m.jca().forEach(e -> jca.add(List.of(e.name(), e.algorithm(), e.provider())));
                Doc.para(s, "JCA provider per algorithm (checked in the JVM that started the run):");
                s.blocks().add(new Doc.Table(List.of("algorithm", "JCA name", "provider"), jca));
            }
            if (doc.sections.stream().noneMatch(x -> x.id().equals("providers"))) {
                served(s);
            }
            if (!m.libraries().isEmpty()) {
                List<List<String>> libs = new ArrayList<>();
                m.libraries().forEach((artifact, version) -> libs.add(List.of("`" + artifact + "`", version)));
                Doc.para(s, "Library versions, read from the classpath:");
                s.blocks().add(new Doc.Table(List.of("artifact", "version"), libs));
            }
        }
        Set<String> forkJvms = new LinkedHashSet<>();
        for (JmhRow r : run.rows()) {
            List<String> flags = r.jvmFlags();
            forkJvms.add(r.vmName() + " " + r.vmVersion() + " (JDK " + r.jdkVersion() + "), flags: "
                    + (flags.isEmpty() ? "none" : String.join(" ", flags)));
        }
        if (!forkJvms.isEmpty()) {
            Doc.para(s, "Benchmark JVMs (the forks, from the JMH results):");
            s.blocks().add(new Doc.Bullets(new ArrayList<>(forkJvms)));
        }
    }

    private void allRows() {
        Doc.Section s = doc.section("all-results", "All results");
        Doc.para(s, "Every row of `" + RunFiles.RESULT + "`, score as JMH wrote it and normalised; also in "
                + "`summary.csv`.");
        List<List<String>> rows = new ArrayList<>();
        for (JmhRow r : run.rows()) {
            StringBuilder params = new StringBuilder();
            new TreeMap<>(r.params()).forEach((k, v) -> params.append(params.length() == 0 ? "" : " ").append(k)
                    .append('=').append(v));
            List<String> row = new ArrayList<>(List.of(r.method(), params.length() == 0 ? "—" : params.toString(),
                    String.valueOf(r.threads()), JmhRow.modeName(r.mode()), Fmt.pm(new Estimate(r.score(), r.error())) + " "
                            + r.unit(), Fmt.pm(r.nsPerOp()), Fmt.pm(r.opsPerSecond()) + (r.opsDerived() ? " (derived)" : "")));
            if (a.primaryJvm() != null) {
                row.add(r.vmName() + " " + r.vmVersion() + " (JDK " + r.jdkVersion() + ")");
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("benchmark", "params", "threads", "mode", "score ± 99.9% CI",
                "ns/op", "ops/s"));
        if (a.primaryJvm() != null) {
            header.add("JVM");
        }
        s.blocks().add(new Doc.Table(header, rows));
    }
}
