package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.Manifest;

/**
 * The "Claims checked" table: popular statements about API keys and JWTs, the evidence this run measured
 * for each, and a verdict. Verdicts compare 99.9% confidence intervals; where they overlap, or where the
 * claim holds only for some algorithms or tiers, the verdict is "holds with qualification". A claim whose
 * evidence this run does not contain says so and gives no verdict.
 */
final class Claims {

    static final String HOLDS = "holds";
    static final String QUALIFIED = "holds with qualification";
    static final String FAILS = "does not hold";
    static final String NO_EVIDENCE = "no evidence in this run";
    /** "Slightly higher overhead" is read as at most this factor over an in-process hashed key lookup. */
    static final double SLIGHTLY = 2.0;
    /** Scaling efficiency (throughput at T threads / (T × one thread)) read as "scales". */
    static final double SCALES = 0.8;

    /** The plain map is an extra lower bound of the in-process tier, not a tier the claims name. */
    private static final String PLAIN = "PLAIN";

    private final Analysis a;
    private final Manifest manifest;
    /** Store tiers of the claim "API-key validation is faster", with their labels, as the run describes them. */
    private final List<Manifest.StoreTier> tiers;
    private final int cores;

    Claims(Analysis a, Manifest manifest, List<Manifest.StoreTier> tiers, int cores) {
        this.a = a;
        this.manifest = manifest;
        this.tiers = tiers;
        this.cores = cores;
    }

    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        fasterPerTier(rows);
        slightlyHigher(rows);
        rows.add(revocation());
        rows.add(scaling());
        rows.add(rs256());
        return rows;
    }

    private void fasterPerTier(List<List<String>> rows) {
        for (Manifest.StoreTier t : tiers) {
            String claim = "API-key validation is faster than JWT verification (" + t.label() + ", `" + t.store() + "`)";
            MeasuredScheme tier = a.tier(t.store());
            if (tier == null) {
                if (t.store().equals(PLAIN)) {
                    continue;
                }
                String skipped = manifest == null ? null : manifest.storesSkipped().get(t.store());
                rows.add(List.of(claim, skipped != null ? "tier skipped in this run: " + skipped
                        : "tier `" + t.store() + "` not measured in this run", NO_EVIDENCE));
                continue;
            }
            List<String> faster = new ArrayList<>();
            List<String> notFaster = new ArrayList<>();
            StringBuilder ev = new StringBuilder(t.store() + " lookup " + Fmt.pm(tier.ns()) + " ns; fastest verify:");
            for (String alg : a.algorithms()) {
                MeasuredScheme best = a.best(alg);
                if (best == null) {
                    continue;
                }
                ev.append(' ').append(alg).append(' ').append(Fmt.pm(best.ns())).append(" ns (").append(best.label())
                        .append("),");
                (tier.ns().clearlyBelow(best.ns()) ? faster : notFaster).add(alg);
            }
            if (faster.isEmpty() && notFaster.isEmpty()) {
                rows.add(List.of(claim, "no JWT verification measured in this run", NO_EVIDENCE));
                continue;
            }
            String evidence = ev.substring(0, ev.length() - 1);
            String verdict;
            if (notFaster.isEmpty()) {
                verdict = HOLDS;
            } else if (faster.isEmpty()) {
                verdict = FAILS + " — not faster than " + String.join(", ", notFaster) + " verification";
            } else {
                verdict = QUALIFIED + " — faster than " + String.join(", ", faster) + ", not than "
                        + String.join(", ", notFaster);
            }
            rows.add(List.of(claim, evidence, verdict));
        }
    }

    private void slightlyHigher(List<List<String>> rows) {
        MeasuredScheme key = a.keyBaseline();
        for (String alg : a.algorithms()) {
            String claim = "JWT verification adds only slightly higher overhead (" + alg + ")";
            MeasuredScheme med = a.median(alg);
            if (med == null || key == null) {
                rows.add(List.of(claim, key == null ? "no in-process API-key lookup in this run"
                        : "no " + alg + " verification in this run", NO_EVIDENCE));
                continue;
            }
            Estimate ratio = med.ns().over(key.ns());
            Estimate added = med.ns().minus(key.ns());
            String evidence = "median library (" + med.label() + ") " + Fmt.pm(med.ns()) + " ns = " + Fmt.times(ratio)
                    + " the " + key.label() + " lookup, " + Fmt.pm(added) + " ns added per request (\"slightly\" read as ≤ "
                    + Fmt.num(SLIGHTLY, 0) + "×)";
            List<String> slowerTiers = new ArrayList<>();
            for (Manifest.StoreTier n : tiers) {
                MeasuredScheme t = n.database() ? a.tier(n.store()) : null;
                if (t != null && med.ns().clearlyBelow(t.ns())) {
                    slowerTiers.add(n.store() + " " + Fmt.pm(t.ns()) + " ns");
                }
            }
            String verdict;
            if (ratio.upper() <= SLIGHTLY) {
                verdict = HOLDS;
            } else if (ratio.lower() > SLIGHTLY && slowerTiers.isEmpty()) {
                verdict = FAILS + " — " + Fmt.num(ratio.value()) + "× an in-process lookup";
            } else if (ratio.lower() > SLIGHTLY) {
                verdict = QUALIFIED + " — only against networked key stores (" + String.join(", ", slowerTiers)
                        + "); " + Fmt.num(ratio.value()) + "× an in-process lookup";
            } else {
                verdict = QUALIFIED + " — the ratio's interval straddles " + Fmt.num(SLIGHTLY, 0) + "×";
            }
            rows.add(List.of(claim, evidence, verdict));
        }
    }

    private List<String> revocation() {
        String claim = "API keys revoke immediately; JWT revocation needs a denylist";
        List<Analysis.DenylistCost> deny = a.denylistCosts();
        List<MeasuredScheme> keys = a.revokeToRefusal();
        if (deny.isEmpty() && keys.isEmpty()) {
            return List.of(claim, "no `RevocationBenchmark` rows (denylist cost, revoke → refusal) in this run", NO_EVIDENCE);
        }
        List<String> ev = new ArrayList<>();
        double minCost = Double.MAX_VALUE;
        double maxCost = -Double.MAX_VALUE;
        for (Analysis.DenylistCost d : deny) {
            ev.add("denylist " + d.accepted().param("denylist") + " adds " + Fmt.pm(d.cost()) + " ns to "
                    + d.plain().param("alg") + " " + d.plain().param("library") + " verification (" + Fmt.pm(d.plain().ns())
                    + " ns)");
            minCost = Math.min(minCost, d.cost().value());
            maxCost = Math.max(maxCost, d.cost().value());
        }
        double maxRevoke = 0;
        for (MeasuredScheme k : keys) {
            ev.add("API key " + k.param("store") + " revoke → refusal " + Fmt.pm(k.ns()) + " ns");
            maxRevoke = Math.max(maxRevoke, k.ns().value());
        }
        String evidence = String.join("; ", ev);
        String keySide = "every key tier measured refused a key on the first lookup after revoking it (the benchmark "
                + "fails otherwise), revoke plus refusal within " + Fmt.num(maxRevoke) + " ns";
        String jwtSide = "a JWT stays valid until it expires unless each verification also checks a denylist, which "
                + "added " + Fmt.num(minCost) + (minCost == maxCost ? "" : " to " + Fmt.num(maxCost))
                + " ns per request here and is server-side state again";
        if (deny.isEmpty()) {
            return List.of(claim, evidence, QUALIFIED + " — " + keySide + "; the denylist side was not measured");
        }
        if (keys.isEmpty()) {
            return List.of(claim, evidence, QUALIFIED + " — " + jwtSide + "; API-key revocation was not measured");
        }
        return List.of(claim, evidence, HOLDS + " — " + keySide + "; " + jwtSide);
    }

    private List<String> scaling() {
        String claim = "Stateless JWT verification scales without server storage";
        List<Analysis.Scaling> verify = a.scaling().stream().filter(s -> s.one().method().equals(Analysis.VERIFY)).toList();
        if (verify.isEmpty()) {
            return List.of(claim, "every verification row ran at one thread count; no thread scaling measured", NO_EVIDENCE);
        }
        StringBuilder ev = new StringBuilder();
        double minEff = Double.MAX_VALUE;
        for (Analysis.Scaling s : verify) {
            MeasuredScheme top = null;
            for (MeasuredScheme p : s.points()) {
                if (cores <= 0 || p.threads() <= cores) {
                    top = p;
                }
            }
            if (top == null || top == s.points().get(0)) {
                continue;
            }
            double one = s.points().get(0).byMode().get(s.mode()).opsPerSecond().value() / s.points().get(0).threads();
            double eff = top.byMode().get(s.mode()).opsPerSecond().value() / (top.threads() * one);
            minEff = Math.min(minEff, eff);
            ev.append(ev.length() == 0 ? "" : "; ").append(Charts.shortLabel(s.one())).append(": ")
                    .append(Fmt.num(100 * eff)).append("% efficiency at ").append(top.threads()).append(" threads");
        }
        if (ev.length() == 0) {
            return List.of(claim, "thread counts measured exceed the " + cores + " cores of this machine", NO_EVIDENCE);
        }
        String verdict = minEff >= SCALES ? HOLDS : minEff >= 0.5 ? QUALIFIED + " — efficiency falls to "
                + Fmt.num(100 * minEff) + "%" : FAILS + " — efficiency falls to " + Fmt.num(100 * minEff) + "%";
        return List.of(claim, ev + " (efficiency = throughput / (threads × one-thread throughput); ≥ "
                + Fmt.num(100 * SCALES, 0) + "% read as scaling)", verdict);
    }

    private List<String> rs256() {
        String claim = "RS256 is the recommended algorithm";
        MeasuredScheme rs = a.median("RS256");
        MeasuredScheme hs = a.median("HS256");
        MeasuredScheme es = a.median("ES256");
        if (rs == null || (hs == null && es == null)) {
            return List.of(claim, "RS256 and another algorithm were not both measured in this run", NO_EVIDENCE);
        }
        List<String> parts = new ArrayList<>();
        boolean cheaperThanAll = true;
        boolean dearerThanAll = true;
        for (MeasuredScheme o : new MeasuredScheme[] {hs, es}) {
            if (o == null) {
                continue;
            }
            parts.add(Fmt.times(rs.ns().over(o.ns())) + " " + o.param("alg"));
            cheaperThanAll &= rs.ns().clearlyBelow(o.ns());
            dearerThanAll &= o.ns().clearlyBelow(rs.ns());
        }
        String evidence = "median RS256 library (" + rs.label() + ") " + Fmt.pm(rs.ns()) + " ns = "
                + String.join(", ", parts) + " (median libraries)";
        String verdict;
        if (cheaperThanAll) {
            verdict = HOLDS + " on cost — the cheapest algorithm to verify here";
        } else if (dearerThanAll) {
            verdict = FAILS + " on cost — RS256 verifies slower than the alternatives measured; choose it for"
                    + " public-key distribution, not speed";
        } else {
            verdict = QUALIFIED + " — RS256 sits between the others on cost; its case is public-key distribution"
                    + " (verifiers hold no signing secret), not speed";
        }
        return List.of(claim, evidence, verdict);
    }
}
