package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.authbench.runfiles.Conformance;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Manifest;

/**
 * The answers a reader came for, each derived by a stated rule from the run: the default JWT library, the
 * algorithm, and where API keys stop being cheaper; and the scenarios (key tiers, one verification per algorithm)
 * they rest on. Nothing here is typed in: a run with other numbers gives other answers.
 */
final class Decision {

    /** Scaling efficiency at 2 threads read as "scales" (the same reading the claims use). */
    static final double SCALES = Claims.SCALES;

    /**
     * One row of the scenario table; {@code tier} the store tier's label (null for JWTs); {@code falseAccepts} null
     * for key tiers or unchecked libraries.
     */
    record Scenario(String label, String tier, MeasuredScheme scheme, Estimate efficiency, Integer falseAccepts,
            boolean key) {
    }

    /** A library's standing: algorithms where it is in the fastest group, cost ÷ fastest per algorithm. */
    record Standing(String library, Integer falseAccepts, Estimate worstEfficiency, List<String> fastestIn,
            Map<String, Double> overFastest) {

        boolean eligible() {
            return falseAccepts != null && falseAccepts == 0
                    && (worstEfficiency == null || worstEfficiency.value() >= SCALES);
        }

        double geoMean() {
            return Math.exp(overFastest.values().stream().mapToDouble(Math::log).average().orElse(0));
        }
    }

    private final Analysis a;
    private final Conformance conformance;
    private final Map<MeasuredScheme, Analysis.Scaling> scaling = new LinkedHashMap<>();
    private final Map<String, RankGroups> groups = new LinkedHashMap<>();
    private final List<Standing> standings = new ArrayList<>();
    private final String library;

    Decision(Analysis a, Conformance conformance) {
        this.a = a;
        this.conformance = conformance;
        for (Analysis.Scaling s : a.scaling()) {
            scaling.put(s.one(), s);
        }
        Set<String> libs = new LinkedHashSet<>();
        for (String alg : a.algorithms()) {
            List<MeasuredScheme> real = a.ranking(alg).stream()
                    .filter(s -> !Analysis.REFERENCE.equals(s.param("library"))).toList();
            if (!real.isEmpty()) {
                groups.put(alg, new RankGroups(real));
                real.forEach(s -> libs.add(s.param("library")));
            }
        }
        for (String lib : libs) {
            List<String> fastestIn = new ArrayList<>();
            Map<String, Double> over = new LinkedHashMap<>();
            Estimate worst = null;
            for (Map.Entry<String, RankGroups> g : groups.entrySet()) {
                MeasuredScheme s = scheme(g.getKey(), lib);
                if (s == null) {
                    continue;
                }
                if (g.getValue().groupOf(s) == 1) {
                    fastestIn.add(g.getKey());
                }
                over.put(g.getKey(), s.ns().value() / g.getValue().ordered().get(0).ns().value());
                Estimate e = efficiency(s);
                if (e != null && (worst == null || e.value() < worst.value())) {
                    worst = e;
                }
            }
            standings.add(new Standing(lib, FalseAccepts.benchmarked(conformance, lib), worst, fastestIn, over));
        }
        library = standings.stream().filter(Standing::eligible)
                .min(Comparator.comparingInt((Standing s) -> -s.fastestIn().size())
                        .thenComparingInt(s -> -s.overFastest().size()).thenComparingDouble(Standing::geoMean))
                .map(Standing::library).orElse(null);
    }

    /** The default library by the rule, or null when no library is eligible (or conformance was not checked). */
    String library() {
        return library;
    }

    List<Standing> standings() {
        return standings;
    }

    RankGroups groups(String alg) {
        return groups.get(alg);
    }

    Conformance conformance() {
        return conformance;
    }

    MeasuredScheme scheme(String alg, String lib) {
        return a.ranking(alg).stream().filter(s -> lib.equals(s.param("library"))).findFirst().orElse(null);
    }

    /** Aggregate throughput at 2 threads ÷ (2 × one thread's), when the run measured both; else null. */
    Estimate efficiency(MeasuredScheme s) {
        Analysis.Scaling sc = scaling.get(s);
        if (sc == null) {
            return null;
        }
        JmhRow one = sc.one().byMode().get(sc.mode());
        for (MeasuredScheme p : sc.points()) {
            if (p.threads() == 2 * sc.one().threads()) {
                return p.byMode().get(sc.mode()).efficiencyOver(one);
            }
        }
        return null;
    }

    /**
     * The scenarios: each key tier the run measured (in process, Caffeine, H2, Redis, PostgreSQL: the run's
     * catalogue order, which names the unhashed map too), then each algorithm verified by the default library, or by the
     * fastest library of that algorithm when the default did not run it.
     */
    List<Scenario> scenarios(List<Manifest.StoreTier> catalogue) {
        List<Scenario> out = new ArrayList<>();
        for (Manifest.StoreTier t : catalogue) {
            MeasuredScheme s = a.tier(t.store());
            if (s != null) {
                out.add(new Scenario("API key: " + t.label() + " `" + t.store() + "`", t.label(), s, efficiency(s), null,
                        true));
            }
        }
        for (String alg : a.algorithms()) {
            MeasuredScheme s = verifier(alg);
            if (s != null) {
                String lib = s.param("library");
                out.add(new Scenario("JWT " + alg + " (" + lib + ")", null, s, efficiency(s),
                        FalseAccepts.benchmarked(conformance, lib), false));
            }
        }
        return out;
    }

    /** The verification a scenario uses for {@code alg}: the default library's, else the fastest real library's. */
    MeasuredScheme verifier(String alg) {
        MeasuredScheme s = library == null ? null : scheme(alg, library);
        if (s != null) {
            return s;
        }
        RankGroups g = groups.get(alg);
        return g == null ? null : g.ordered().get(0);
    }

    /**
     * A one-thread cost (time or cores) at the measured scaling: divided by the efficiency, or unchanged when it was
     * not measured or came out at or above 100% (more than linear is noise, not capacity to count on).
     */
    static Estimate atScaling(Estimate oneThread, Estimate efficiency) {
        return efficiency == null || efficiency.value() >= 1 ? oneThread : oneThread.over(efficiency);
    }

    /** Public-key algorithms: the verifier holds no secret that could mint tokens. */
    static boolean publicKey(String alg) {
        return !Objects.requireNonNullElse(alg, "").startsWith("HS");
    }
}
