package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * The run's rows grouped into schemes (one benchmark method with one set of parameters, one thread count and
 * one JVM, possibly measured in several modes), and the comparisons every section shares: the libraries of an
 * algorithm ranked, the fastest library, the floor each scheme is divided by, thread scaling, the
 * denylist cost, and schemes measured on several JVMs. A run made with several {@code --jvm} holds rows of
 * several (jdkVersion, vmVersion); the main tables then rank within the JVM with most rows (the first on a tie).
 * Likewise a run over several JCA providers ({@code provider} parameter; rows without it ran on {@code DEFAULT})
 * ranks within {@code DEFAULT} (else the provider with most rows) and compares providers in a section of its own.
 *
 * <p>Benchmarks are recognised by name from the run files alone (the report never loads benchmark classes).
 */
final class Analysis {

    static final String VERIFY = "VerifyBenchmark.verify_valid";
    static final String LOOKUP = "ApiKeyLookupBenchmark.lookup_hit";
    static final String FLOOR_JWS = "CryptoFloorBenchmark.floor_jwsSignature";
    static final String FLOOR_KEY = "CryptoFloorBenchmark.floor_sha256MapGet";
    /** base64url and JSON of an HS256 pool token, no crypto: the rest of what a JWT verifier cannot avoid. */
    static final String FLOOR_PARSE = "CryptoFloorBenchmark.floor_jwsParse";
    static final String REV_VERIFY = "RevocationBenchmark.jwt_verify";
    static final String REV_ACCEPTED = "RevocationBenchmark.jwt_verifyDenylist_accepted";
    static final String REV_REFUSED = "RevocationBenchmark.jwt_verifyDenylist_refused";
    static final String REV_KEY = "RevocationBenchmark.apikey_revokeThenRefuse";
    static final String ISSUE = "IssueBenchmark.issue";
    static final String CACHED_LOOKUP = "CachedLookupBenchmark.lookup_hit";
    /** The round-trip setting of a remote-store row; rows without it (older runs, local tiers) ran direct. */
    static final String RTT = "rtt";
    static final String DIRECT = "direct";
    /** The suite's order of algorithms in tables. */
    static final List<String> ALG_ORDER = List.of("HS256", "RS256", "ES256", "PS256", "ES384", "HS512", "EdDSA");
    static final String CACHED_VERIFY = "CachedVerificationBenchmark.verify";
    /** Our own minimal JCA verifier: shown in rankings, but "fastest library" means a real library. */
    static final String REFERENCE = "REFERENCE";
    /** The JDK's own JCA providers: what rows without a {@code provider} parameter ran on. */
    static final String DEFAULT_PROVIDER = "DEFAULT";
    /** Mode preference for a scheme's cost: AverageTime has no per-call timer overhead, SampleTime next. */
    static final List<String> MODE_ORDER = List.of("avgt", "sample", "thrpt", "ss");

    private final List<MeasuredScheme> all = new ArrayList<>();
    /** Schemes of the primary JVM at the lowest thread count of their method and parameters: the main tables. */
    private final List<MeasuredScheme> base = new ArrayList<>();
    /** Labels of the run's JVMs (distinct jdkVersion and vmVersion) in order of first appearance. */
    private final List<String> jvms = new ArrayList<>();
    /** The JVM the main tables rank within: the one with most rows, the first on a tie; null with one JVM. */
    private final String primaryJvm;
    /** JCA providers of the run, DEFAULT first, then in order of appearance. */
    private final List<String> providers = new ArrayList<>();
    /** The provider the main tables rank within: DEFAULT when the run has it, else the one with most rows. */
    private final String primaryProvider;

    /**
     * Rows measured on another version of a library than the suite ships ({@link JmhRow#libraryVersion}): kept out of
     * every table but the version comparison, which sets each beside the shipped row of the same scheme.
     */
    private final List<MeasuredScheme> otherVersions = new ArrayList<>();

    Analysis(List<JmhRow> allRows) {
        List<JmhRow> rows = allRows.stream().filter(r -> r.libraryVersion() == null).toList();
        Map<String, String> jvmLabels = jvmLabels(rows);
        Map<String, Integer> rowsPerJvm = new LinkedHashMap<>();
        rows.forEach(r -> rowsPerJvm.merge(jvmKey(r), 1, Integer::sum));
        boolean several = jvmLabels.size() > 1;
        jvms.addAll(jvmLabels.values());
        String top = null;
        for (Map.Entry<String, Integer> e : rowsPerJvm.entrySet()) {
            if (top == null || e.getValue() > rowsPerJvm.get(top)) {
                top = e.getKey();
            }
        }
        primaryJvm = several ? jvmLabels.get(top) : null;
        Map<String, Integer> rowsPerProvider = new LinkedHashMap<>();
        rows.forEach(r -> rowsPerProvider.merge(provider(r.params()), 1, Integer::sum));
        if (rowsPerProvider.containsKey(DEFAULT_PROVIDER)) {
            providers.add(DEFAULT_PROVIDER);
        }
        rowsPerProvider.keySet().stream().filter(k -> !k.equals(DEFAULT_PROVIDER)).forEach(providers::add);
        String topProvider = DEFAULT_PROVIDER;
        if (!rowsPerProvider.containsKey(DEFAULT_PROVIDER)) {
            for (Map.Entry<String, Integer> e : rowsPerProvider.entrySet()) {
                if (topProvider.equals(DEFAULT_PROVIDER) || e.getValue() > rowsPerProvider.get(topProvider)) {
                    topProvider = e.getKey();
                }
            }
        }
        primaryProvider = topProvider;
        Map<String, Map<String, JmhRow>> groups = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            groups.computeIfAbsent(identity(r) + "|" + r.threads(), k -> new LinkedHashMap<>()).putIfAbsent(r.mode(), r);
        }
        Map<String, Set<String>> varying = varyingParams(rows);
        Map<String, Integer> minThreads = new LinkedHashMap<>();
        for (Map<String, JmhRow> g : groups.values()) {
            JmhRow r = g.values().iterator().next();
            MeasuredScheme s = new MeasuredScheme(r.method(), r.params(), r.threads(), g, name(r, varying.getOrDefault(r.method(), Set.of())),
                    several ? jvmLabels.get(jvmKey(r)) : null);
            all.add(s);
            minThreads.merge(identity(r), r.threads(), Math::min);
        }
        for (MeasuredScheme s : all) {
            // A row through an injected round trip is not the tier as the main tables know it: the network section has it.
            if (Objects.equals(s.jvm(), primaryJvm) && minThreads.get(identity(s.cost())) == s.threads()
                    && s.provider().equals(primaryProvider) && DIRECT.equals(rtt(s.params()))) {
                base.add(s);
            }
        }
        Map<String, Map<String, JmhRow>> other = new LinkedHashMap<>();
        for (JmhRow r : allRows) {
            if (r.libraryVersion() != null) {
                other.computeIfAbsent(r.libraryVersion() + "|" + identity(r) + "|" + r.threads(), k -> new LinkedHashMap<>())
                        .putIfAbsent(r.mode(), r);
            }
        }
        for (Map<String, JmhRow> g : other.values()) {
            JmhRow r = g.values().iterator().next();
            otherVersions.add(new MeasuredScheme(r.method(), r.params(), r.threads(), g,
                    name(r, varying.getOrDefault(r.method(), Set.of())), several ? jvmLabels.get(jvmKey(r)) : null));
        }
    }

    /** Schemes measured on another library version than the shipped one (kept out of every other table). */
    List<MeasuredScheme> otherVersions() {
        return otherVersions;
    }

    /** Every scheme of the shipped versions, at every JVM, provider, thread count and round trip. */
    List<MeasuredScheme> all() {
        return all;
    }

    private static String jvmKey(JmhRow r) {
        return r.jdkVersion() + "|" + r.vmVersion();
    }

    /** A row's scheme identity apart from its thread count: JVM, method, parameters. */
    private static String identity(JmhRow r) {
        return jvmKey(r) + "|" + r.method() + "|" + new TreeMap<>(r.params());
    }

    /** "JDK 21.0.5", with the VM version where two JVMs share a JDK version. */
    private static Map<String, String> jvmLabels(List<JmhRow> rows) {
        Map<String, JmhRow> first = new LinkedHashMap<>();
        Map<String, Integer> perJdk = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            if (first.putIfAbsent(jvmKey(r), r) == null) {
                perJdk.merge(String.valueOf(r.jdkVersion()), 1, Integer::sum);
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        first.forEach((k, r) -> out.put(k, "JDK " + r.jdkVersion()
                + (perJdk.get(String.valueOf(r.jdkVersion())) > 1 ? " " + r.vmVersion() : "")));
        return out;
    }

    /** A row's JCA provider: its {@code provider} parameter, or DEFAULT for benchmarks and runs without one. */
    static String provider(Map<String, String> params) {
        return params.getOrDefault("provider", DEFAULT_PROVIDER);
    }

    /** A row's round-trip setting: its {@code rtt} parameter, or direct when it has none. */
    static String rtt(Map<String, String> params) {
        return params.getOrDefault(RTT, DIRECT);
    }

    /** JCA providers of the run, DEFAULT first (one entry, DEFAULT, for a run without the parameter). */
    List<String> providers() {
        return providers;
    }

    /** The provider the main tables rank within. */
    String primaryProvider() {
        return primaryProvider;
    }

    /** JVM labels of the run, in order of appearance (one entry when the run holds one JVM). */
    List<String> jvms() {
        return jvms;
    }

    /** The JVM the main tables rank within, or null when the run holds one JVM. */
    String primaryJvm() {
        return primaryJvm;
    }

    /** Parameters that take more than one value among a method's rows (they must appear in its labels). */
    private static Map<String, Set<String>> varyingParams(List<JmhRow> rows) {
        Map<String, Map<String, Set<String>>> values = new LinkedHashMap<>();
        for (JmhRow r : rows) {
            r.params().forEach((k, v) -> values.computeIfAbsent(r.method(), m -> new LinkedHashMap<>())
                    .computeIfAbsent(k, x -> new LinkedHashSet<>()).add(v));
        }
        Map<String, Set<String>> out = new LinkedHashMap<>();
        values.forEach((m, ps) -> {
            Set<String> v = new LinkedHashSet<>();
            ps.forEach((k, vals) -> {
                if (vals.size() > 1) {
                    v.add(k);
                }
            });
            out.put(m, v);
        });
        return out;
    }

    /** The name a reader knows a scheme by: the library, the store, or the floor's primitive, plus varying params. */
    private static String name(JmhRow r, Set<String> varying) {
        String head = switch (r.method()) {
            case VERIFY -> r.param("library");
            case LOOKUP -> r.param("store");
            case FLOOR_JWS -> "floor " + r.param("alg");
            case FLOOR_KEY -> "floor SHA-256+map";
            case FLOOR_PARSE -> "floor base64url+JSON";
            case REV_VERIFY -> "verify " + r.param("alg") + " " + r.param("library");
            case REV_ACCEPTED -> "denylist " + r.param("denylist") + " " + r.param("alg") + " " + r.param("library");
            case REV_REFUSED -> "denylist refusal " + r.param("denylist") + " " + r.param("alg") + " " + r.param("library");
            case REV_KEY -> "revoke→refuse " + r.param("store");
            case ISSUE -> "sign " + r.param("alg") + " " + r.param("library");
            case CACHED_VERIFY -> "cached " + r.param("alg") + " " + r.param("library") + " hits " + r.param("cacheHitRatio");
            default -> r.method();
        };
        List<String> inHead = switch (r.method()) {
            case VERIFY -> List.of("library", "alg");
            case LOOKUP, REV_KEY -> List.of("store");
            case FLOOR_JWS -> List.of("alg");
            case REV_VERIFY -> List.of("alg", "library");
            case REV_ACCEPTED, REV_REFUSED -> List.of("alg", "library", "denylist");
            case ISSUE -> List.of("alg", "library");
            case CACHED_VERIFY -> List.of("alg", "library", "cacheHitRatio");
            default -> List.of();
        };
        StringBuilder b = new StringBuilder(head);
        for (String p : varying) {
            // direct is how a tier has always been measured, so its name stays the one it had before round trips.
            if (!inHead.contains(p) && !p.equals("provider") && !(p.equals(RTT) && DIRECT.equals(rtt(r.params())))) {
                b.append(' ').append(p).append('=').append(r.param(p));
            }
        }
        // A row on the JDK's own providers keeps the name it has always had; any other provider is named.
        if (!provider(r.params()).equals(DEFAULT_PROVIDER)) {
            b.append(" on ").append(provider(r.params()));
        }
        return b.toString();
    }

    List<MeasuredScheme> base(String method) {
        return base.stream().filter(s -> s.method().equals(method)).toList();
    }

    /** Algorithms in the run, in the suite's order (HS256, RS256, ES256, PS256, ES384, HS512, EdDSA), then any others. */
    List<String> algorithms() {
        Set<String> found = new LinkedHashSet<>();
        for (MeasuredScheme s : base) {
            if ((s.method().equals(VERIFY) || s.method().equals(FLOOR_JWS)) && s.param("alg") != null) {
                found.add(s.param("alg"));
            }
        }
        List<String> out = new ArrayList<>();
        for (String a : ALG_ORDER) {
            if (found.remove(a)) {
                out.add(a);
            }
        }
        out.addAll(found);
        return out;
    }

    /** Verify schemes of one algorithm, fastest first. */
    List<MeasuredScheme> ranking(String alg) {
        return base(VERIFY).stream().filter(s -> alg.equals(s.param("alg")))
                .sorted(Comparator.comparingDouble(s -> s.ns().value())).toList();
    }

    /** Real libraries (not the reference verifier) of an algorithm, fastest first; all if only the reference ran. */
    List<MeasuredScheme> libraries(String alg) {
        List<MeasuredScheme> r = ranking(alg);
        List<MeasuredScheme> real = r.stream().filter(s -> !REFERENCE.equals(s.param("library"))).toList();
        return real.isEmpty() ? r : real;
    }

    MeasuredScheme best(String alg) {
        List<MeasuredScheme> l = libraries(alg);
        return l.isEmpty() ? null : l.get(0);
    }

    /** API-key tiers (lookup_hit), in the order they appear in the run. */
    List<MeasuredScheme> keyTiers() {
        return base(LOOKUP);
    }

    /** The in-memory hashed lookup, the baseline of the summary (PLAIN when HASHED did not run). */
    MeasuredScheme keyBaseline() {
        List<MeasuredScheme> tiers = keyTiers();
        for (String store : List.of("HASHED", "PLAIN")) {
            for (MeasuredScheme s : tiers) {
                if (store.equals(s.param("store"))) {
                    return s;
                }
            }
        }
        return null;
    }

    MeasuredScheme tier(String store) {
        return keyTiers().stream().filter(s -> store.equals(s.param("store"))).findFirst().orElse(null);
    }

    /**
     * The parse floor beside an algorithm's ranking, or null: it is measured on the HS256 pool only, where parsing
     * weighs most against the crypto, so only HS256 gets it.
     */
    MeasuredScheme parseFloorFor(String alg) {
        return "HS256".equals(alg) ? base(FLOOR_PARSE).stream().findFirst().orElse(null) : null;
    }

    /**
     * A scheme's cost over its floor, the floor taken in the scheme's mode when the run has it; a floor measured
     * only in another mode, warmup or thread count gives a refused ratio that says so.
     */
    Estimate floorFor(MeasuredScheme s) {
        MeasuredScheme floor = null;
        if (s.method().equals(VERIFY)) {
            floor = base(FLOOR_JWS).stream().filter(f -> Objects.equals(f.param("alg"), s.param("alg"))
                    && f.provider().equals(s.provider())).findFirst().orElse(null);
        } else if (s.method().equals(LOOKUP)) {
            floor = base(FLOOR_KEY).stream().filter(f -> Objects.equals(f.param("size"), s.param("size"))).findFirst()
                    .orElse(base(FLOOR_KEY).stream().findFirst().orElse(null));
        }
        if (floor == null) {
            return null;
        }
        return s.ns().over(floor.nsIn(s.cost().mode()));
    }

    /**
     * What a denylist adds to a JWT verification: {@code jwt_verifyDenylist_accepted} minus {@code jwt_verify} of
     * the same algorithm and library (same mode when measured in it), the two rows' half-widths over forks in
     * quadrature (refused when the rows were measured differently); {@code refused} is the revoked-token row of the
     * same parameters, or null.
     */
    record DenylistCost(MeasuredScheme accepted, MeasuredScheme plain, MeasuredScheme refused, Estimate cost) {
    }

    List<DenylistCost> denylistCosts() {
        List<DenylistCost> out = new ArrayList<>();
        for (MeasuredScheme d : base(REV_ACCEPTED)) {
            MeasuredScheme plain = base(REV_VERIFY).stream().filter(v -> Objects.equals(v.param("alg"), d.param("alg"))
                    && Objects.equals(v.param("library"), d.param("library"))).findFirst().orElse(null);
            if (plain == null) {
                continue;
            }
            JmhRow same = plain.byMode().get(d.cost().mode());
            MeasuredScheme refused = base(REV_REFUSED).stream().filter(r -> r.params().equals(d.params())).findFirst()
                    .orElse(null);
            out.add(new DenylistCost(d, plain, refused, d.ns().minus(same != null ? same.nsPerOp() : plain.ns())));
        }
        return out;
    }

    /** API-key revoke-then-refuse per store tier. */
    List<MeasuredScheme> revokeToRefusal() {
        return base(REV_KEY);
    }

    /** Denylisted verifications: a request path, so they join the schemes chart and the capacity table. */
    List<MeasuredScheme> denylisted() {
        return base(REV_ACCEPTED);
    }

    /**
     * Schemes of the primary JVM and provider at every thread count and round-trip setting (a row without {@code rtt}
     * ran direct): what the network section picks its remote-store rows from.
     */
    List<MeasuredScheme> primary() {
        return all.stream().filter(s -> Objects.equals(s.jvm(), primaryJvm) && s.provider().equals(primaryProvider))
                .toList();
    }

    /** Verifications of the primary JVM and provider at {@code threads}. */
    List<MeasuredScheme> verifications(int threads) {
        return all.stream().filter(s -> s.method().equals(VERIFY) && s.threads() == threads
                && Objects.equals(s.jvm(), primaryJvm) && s.provider().equals(primaryProvider)).toList();
    }

    /** Measured thread scaling: a scheme measured at several thread counts, aggregate ops/s per count. */
    record Scaling(MeasuredScheme one, List<MeasuredScheme> points, String mode) {
    }

    List<Scaling> scaling() {
        Map<String, List<MeasuredScheme>> byKey = new LinkedHashMap<>();
        for (MeasuredScheme s : all) {
            if (Objects.equals(s.jvm(), primaryJvm) && DIRECT.equals(rtt(s.params()))) {
                byKey.computeIfAbsent(s.method() + "|" + new TreeMap<>(s.params()), k -> new ArrayList<>()).add(s);
            }
        }
        List<Scaling> out = new ArrayList<>();
        for (List<MeasuredScheme> l : byKey.values()) {
            if (l.size() < 2) {
                continue;
            }
            l.sort(Comparator.comparingInt(MeasuredScheme::threads));
            for (String m : MODE_ORDER) {
                if (l.stream().allMatch(s -> s.byMode().containsKey(m))) {
                    out.add(new Scaling(l.get(0), l, m));
                    break;
                }
            }
        }
        return out;
    }
}
