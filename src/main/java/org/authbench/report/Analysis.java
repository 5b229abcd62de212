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

/**
 * The run's rows grouped into schemes (one benchmark method with one set of parameters and one thread count,
 * possibly measured in several modes), and the comparisons every section shares: the libraries of an
 * algorithm ranked, the best and median library, the floor each scheme is divided by, thread scaling.
 *
 * <p>Benchmarks are recognised by name from the run files alone (the report never loads benchmark classes).
 */
final class Analysis {

    static final String VERIFY = "VerifyBenchmark.verify_valid";
    static final String LOOKUP = "ApiKeyLookupBenchmark.lookup_hit";
    static final String FLOOR_JWS = "CryptoFloorBenchmark.floor_jwsSignature";
    static final String FLOOR_KEY = "CryptoFloorBenchmark.floor_sha256MapGet";
    static final String REVOCATION_CLASS = "RevocationBenchmark";
    /** Our own minimal JCA verifier: shown in rankings, but "best/median library" means a real library. */
    static final String REFERENCE = "REFERENCE";
    /** Mode preference for a scheme's cost: AverageTime has no per-call timer overhead, SampleTime next. */
    private static final List<String> MODE_ORDER = List.of("avgt", "sample", "thrpt", "ss");

    /** One benchmark method, one parameter set, one thread count; one row per mode measured. */
    record Scheme(String method, Map<String, String> params, int threads, Map<String, Row> byMode, String label) {

        Row cost() {
            for (String m : MODE_ORDER) {
                if (byMode.containsKey(m)) {
                    return byMode.get(m);
                }
            }
            return byMode.values().iterator().next();
        }

        Estimate ns() {
            return cost().nsPerOp();
        }

        /** Throughput of one thread (or all threads): measured when a Throughput row exists, else derived. */
        Estimate ops() {
            Row t = byMode.get("thrpt");
            return t != null ? t.opsPerSecond() : cost().opsPerSecond();
        }

        boolean opsDerived() {
            return !byMode.containsKey("thrpt");
        }

        Row sample() {
            return byMode.get("sample");
        }

        Estimate bytes() {
            for (String m : MODE_ORDER) {
                Row r = byMode.get(m);
                if (r != null && r.bytesPerOp() != null) {
                    return r.bytesPerOp();
                }
            }
            return null;
        }

        String param(String name) {
            return params.get(name);
        }
    }

    private final List<Scheme> all = new ArrayList<>();
    /** Schemes at the lowest thread count of their method and parameters: what the main tables use. */
    private final List<Scheme> base = new ArrayList<>();

    Analysis(List<Row> rows) {
        Map<String, Map<String, Row>> groups = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.method() + "|" + new TreeMap<>(r.params()) + "|" + r.threads();
            groups.computeIfAbsent(key, k -> new LinkedHashMap<>()).putIfAbsent(r.mode(), r);
        }
        Map<String, Set<String>> varying = varyingParams(rows);
        Map<String, Integer> minThreads = new LinkedHashMap<>();
        for (Map<String, Row> g : groups.values()) {
            Row r = g.values().iterator().next();
            Scheme s = new Scheme(r.method(), r.params(), r.threads(), g, label(r, varying.get(r.method())));
            all.add(s);
            minThreads.merge(r.method() + "|" + new TreeMap<>(r.params()), r.threads(), Math::min);
        }
        for (Scheme s : all) {
            if (minThreads.get(s.method() + "|" + new TreeMap<>(s.params())) == s.threads()) {
                base.add(s);
            }
        }
    }

    /** Parameters that take more than one value among a method's rows (they must appear in its labels). */
    private static Map<String, Set<String>> varyingParams(List<Row> rows) {
        Map<String, Map<String, Set<String>>> values = new LinkedHashMap<>();
        for (Row r : rows) {
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
    private static String label(Row r, Set<String> varying) {
        String head = switch (r.method()) {
            case VERIFY -> r.param("library");
            case LOOKUP -> r.param("store");
            case FLOOR_JWS -> "floor " + r.param("alg");
            case FLOOR_KEY -> "floor SHA-256+map";
            default -> r.method();
        };
        StringBuilder b = new StringBuilder(head == null ? r.method() : head);
        for (String p : varying) {
            if (!(r.method().equals(VERIFY) && (p.equals("library") || p.equals("alg")))
                    && !(r.method().equals(LOOKUP) && p.equals("store"))
                    && !(r.method().equals(FLOOR_JWS) && p.equals("alg"))) {
                b.append(' ').append(p).append('=').append(r.param(p));
            }
        }
        return b.toString();
    }

    List<Scheme> base(String method) {
        return base.stream().filter(s -> s.method().equals(method)).toList();
    }

    /** Algorithms in the run, in the order HS256, RS256, ES256, then any others. */
    List<String> algorithms() {
        Set<String> found = new LinkedHashSet<>();
        for (Scheme s : base) {
            if ((s.method().equals(VERIFY) || s.method().equals(FLOOR_JWS)) && s.param("alg") != null) {
                found.add(s.param("alg"));
            }
        }
        List<String> out = new ArrayList<>();
        for (String a : List.of("HS256", "RS256", "ES256")) {
            if (found.remove(a)) {
                out.add(a);
            }
        }
        out.addAll(found);
        return out;
    }

    /** Verify schemes of one algorithm, fastest first. */
    List<Scheme> ranking(String alg) {
        return base(VERIFY).stream().filter(s -> alg.equals(s.param("alg")))
                .sorted(Comparator.comparingDouble(s -> s.ns().value())).toList();
    }

    /** Real libraries (not the reference verifier) of an algorithm, fastest first; all if only the reference ran. */
    private List<Scheme> libraries(String alg) {
        List<Scheme> r = ranking(alg);
        List<Scheme> real = r.stream().filter(s -> !REFERENCE.equals(s.param("library"))).toList();
        return real.isEmpty() ? r : real;
    }

    Scheme best(String alg) {
        List<Scheme> l = libraries(alg);
        return l.isEmpty() ? null : l.get(0);
    }

    /** The lower median, so the median is an actual library with its own error. */
    Scheme median(String alg) {
        List<Scheme> l = libraries(alg);
        return l.isEmpty() ? null : l.get((l.size() - 1) / 2);
    }

    /** API-key tiers (lookup_hit), in the order they appear in the run. */
    List<Scheme> keyTiers() {
        return base(LOOKUP);
    }

    /** The in-memory hashed lookup, the baseline of the summary (PLAIN when HASHED did not run). */
    Scheme keyBaseline() {
        List<Scheme> tiers = keyTiers();
        for (String store : List.of("HASHED", "PLAIN")) {
            for (Scheme s : tiers) {
                if (store.equals(s.param("store"))) {
                    return s;
                }
            }
        }
        return null;
    }

    Scheme tier(String store) {
        return keyTiers().stream().filter(s -> store.equals(s.param("store"))).findFirst().orElse(null);
    }

    /** The floor of a scheme, measured in the same mode as the scheme's cost when the run has it. */
    Estimate floorFor(Scheme s) {
        Scheme floor = null;
        if (s.method().equals(VERIFY)) {
            floor = base(FLOOR_JWS).stream().filter(f -> Objects.equals(f.param("alg"), s.param("alg"))).findFirst()
                    .orElse(null);
        } else if (s.method().equals(LOOKUP)) {
            floor = base(FLOOR_KEY).stream().filter(f -> Objects.equals(f.param("size"), s.param("size"))).findFirst()
                    .orElse(base(FLOOR_KEY).stream().findFirst().orElse(null));
        }
        if (floor == null) {
            return null;
        }
        Row same = floor.byMode().get(s.cost().mode());
        return s.ns().over(same != null ? same.nsPerOp() : floor.ns());
    }

    /** Rows of the revocation benchmark (denylist), if another part of the suite ran it. */
    List<Scheme> revocation() {
        return base.stream().filter(s -> s.method().startsWith(REVOCATION_CLASS + ".")).toList();
    }

    /** Measured thread scaling: a scheme measured at several thread counts, aggregate ops/s per count. */
    record Scaling(Scheme one, List<Scheme> points, String mode) {
    }

    List<Scaling> scaling() {
        Map<String, List<Scheme>> byKey = new LinkedHashMap<>();
        for (Scheme s : all) {
            byKey.computeIfAbsent(s.method() + "|" + new TreeMap<>(s.params()), k -> new ArrayList<>()).add(s);
        }
        List<Scaling> out = new ArrayList<>();
        for (List<Scheme> l : byKey.values()) {
            if (l.size() < 2) {
                continue;
            }
            l.sort(Comparator.comparingInt(Scheme::threads));
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
