package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    static final String NOT_RESOLVED = "not resolved at this precision";
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
            List<String> slower = new ArrayList<>();
            StringBuilder ev = new StringBuilder(t.store() + " lookup " + Fmt.pm(tier.ns()) + " ns; fastest verify:");
            for (String alg : a.algorithms()) {
                MeasuredScheme best = a.best(alg);
                if (best == null) {
                    continue;
                }
                ev.append(' ').append(alg).append(' ').append(Fmt.pm(best.ns())).append(" ns (").append(best.label())
                        .append("),");
                (tier.ns().clearlyBelow(best.ns()) ? faster : best.ns().clearlyBelow(tier.ns()) ? slower : notFaster)
                        .add(alg);
            }
            if (faster.isEmpty() && notFaster.isEmpty() && slower.isEmpty()) {
                rows.add(List.of(claim, "no JWT verification measured in this run", NO_EVIDENCE));
                continue;
            }
            String evidence = ev.substring(0, ev.length() - 1);
            String verdict;
            List<String> parts = new ArrayList<>();
            if (!slower.isEmpty()) {
                parts.add("the lookup is slower than " + String.join(", ", slower) + " verification");
            }
            if (!notFaster.isEmpty()) {
                parts.add("against " + String.join(", ", notFaster) + " " + NOT_RESOLVED + " (intervals overlap)");
            }
            if (parts.isEmpty()) {
                verdict = HOLDS;
            } else if (faster.isEmpty()) {
                verdict = (slower.isEmpty() ? NOT_RESOLVED : FAILS) + " — " + String.join("; ", parts);
            } else {
                verdict = QUALIFIED + " — faster than " + String.join(", ", faster) + " verification; "
                        + String.join("; ", parts);
            }
            rows.add(List.of(claim, evidence, verdict));
        }
    }

    /**
     * "Slightly higher" is judged against the in-process key, in the direction the data point: where a key store's
     * lookup costs more than the verification, the claim's direction is wrong there, and the verdict says so.
     */
    private void slightlyHigher(List<List<String>> rows) {
        MeasuredScheme key = a.keyBaseline();
        Decision d = new Decision(a, null);
        for (String alg : a.algorithms()) {
            String claim = "JWT verification adds only slightly higher overhead (" + alg + ")";
            MeasuredScheme v = d.verifier(alg);
            if (v == null || key == null) {
                rows.add(List.of(claim, key == null ? "no in-process API-key lookup in this run"
                        : "no " + alg + " verification in this run", NO_EVIDENCE));
                continue;
            }
            Estimate ratio = v.ns().over(key.ns());
            Estimate added = v.ns().minus(key.ns());
            String evidence = "fastest library (" + v.label() + ") " + Fmt.pm(v.ns()) + " ns = " + Fmt.times(ratio)
                    + " the " + key.label() + " lookup, " + Fmt.pm(added) + " ns added per request (\"slightly\" read as ≤ "
                    + Fmt.num(SLIGHTLY, 0) + "×)";
            List<String> cheaperThan = new ArrayList<>();
            for (Manifest.StoreTier n : tiers) {
                MeasuredScheme t = n.database() ? a.tier(n.store()) : null;
                if (t != null && v.ns().clearlyBelow(t.ns())) {
                    cheaperThan.add(n.label() + " (" + Fmt.times(v.ns().over(t.ns())) + " its lookup)");
                }
            }
            String reversed = cheaperThan.isEmpty() ? "" : "; against a key in " + String.join(", ", cheaperThan)
                    + " the verification is cheaper, not dearer";
            String verdict;
            if (ratio.upper() <= SLIGHTLY) {
                verdict = HOLDS + " against an in-process key (" + Fmt.num(ratio.value()) + "×)" + reversed;
            } else if (ratio.lower() > SLIGHTLY) {
                verdict = FAILS + " against an in-process key: " + Fmt.num(ratio.value()) + "× its cost" + reversed;
            } else {
                verdict = NOT_RESOLVED + ": the ratio's interval straddles " + Fmt.num(SLIGHTLY, 0) + "×" + reversed;
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
        Map<String, List<String>> unresolved = new LinkedHashMap<>();
        for (Analysis.DenylistCost d : deny) {
            ev.add("denylist " + d.accepted().param("denylist") + " adds " + Fmt.pm(d.cost()) + " ns to "
                    + d.plain().param("alg") + " " + d.plain().param("library") + " verification (" + Fmt.pm(d.plain().ns())
                    + " ns)");
            if (crossesZero(d.cost())) {
                unresolved.computeIfAbsent(d.accepted().param("denylist"), k -> new ArrayList<>()).add(d.plain().param("alg"));
                continue;
            }
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
        String resolved = minCost > maxCost ? "" : ", which added " + Fmt.num(minCost)
                + (minCost == maxCost ? "" : " to " + Fmt.num(maxCost)) + " ns per request here";
        String jwtSide = "a JWT stays valid until it expires unless each verification also checks a denylist" + resolved
                + (unresolved.isEmpty() ? "" : (resolved.isEmpty() ? ", whose" : "; the") + " cost of "
                + String.join(", ", unresolved.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ",
                        e.getValue()) + ")").toList()) + " is " + NOT_RESOLVED + " (its interval crosses zero)")
                + "; the denylist is server-side state again";
        if (deny.isEmpty()) {
            return List.of(claim, evidence, QUALIFIED + " — " + keySide + "; the denylist side was not measured");
        }
        if (keys.isEmpty()) {
            return List.of(claim, evidence, QUALIFIED + " — " + jwtSide + "; API-key revocation was not measured");
        }
        return List.of(claim, evidence, HOLDS + " — " + keySide + "; " + jwtSide);
    }

    /** Scaling judged per library: the claim holds for the libraries that scale, the outliers are named. */
    private List<String> scaling() {
        String claim = "Stateless JWT verification scales without server storage";
        List<Analysis.Scaling> verify = a.scaling().stream().filter(s -> s.one().method().equals(Analysis.VERIFY)).toList();
        if (verify.isEmpty()) {
            return List.of(claim, "every verification row ran at one thread count; no thread scaling measured", NO_EVIDENCE);
        }
        StringBuilder ev = new StringBuilder();
        Map<String, double[]> byLibrary = new TreeMap<>();
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
            byLibrary.merge(s.one().param("library"), new double[] {eff, eff},
                    (x, y) -> new double[] {Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            ev.append(ev.length() == 0 ? "" : "; ").append(Charts.shortLabel(s.one())).append(": ")
                    .append(Fmt.num(100 * eff)).append("% efficiency at ").append(top.threads()).append(" threads");
        }
        if (ev.length() == 0) {
            return List.of(claim, "thread counts measured exceed the " + cores + " cores of this machine", NO_EVIDENCE);
        }
        List<String> scale = new ArrayList<>();
        List<String> outliers = new ArrayList<>();
        byLibrary.forEach((lib, r) -> (r[0] >= SCALES ? scale : outliers).add(lib + " " + range(r)));
        String verdict;
        if (outliers.isEmpty()) {
            verdict = HOLDS + " for every library measured (" + String.join(", ", scale) + ")";
        } else if (scale.isEmpty()) {
            verdict = FAILS + " for any library measured (" + String.join(", ", outliers) + ")";
        } else {
            verdict = QUALIFIED + " — holds for " + String.join(", ", scale) + "; not for " + String.join(", ", outliers);
        }
        return List.of(claim, ev + " (efficiency = throughput / (threads × one-thread throughput); ≥ "
                + Fmt.num(100 * SCALES, 0) + "% read as scaling)", verdict);
    }

    private static String range(double[] r) {
        return Math.round(100 * r[0]) == Math.round(100 * r[1]) ? Fmt.num(100 * r[0], 0) + "%"
                : Fmt.num(100 * r[0], 0) + "–" + Fmt.num(100 * r[1], 0) + "%";
    }

    /** An interval that contains zero: the sign of the difference is not known. */
    static boolean crossesZero(Estimate e) {
        return !Double.isNaN(e.error()) && e.lower() <= 0 && e.upper() >= 0 || Double.isNaN(e.error());
    }

    private List<String> rs256() {
        String claim = "RS256 is the recommended algorithm";
        Decision d = new Decision(a, null);
        MeasuredScheme rs = d.verifier("RS256");
        MeasuredScheme hs = d.verifier("HS256");
        MeasuredScheme es = d.verifier("ES256");
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
        String evidence = "fastest RS256 library (" + rs.label() + ") " + Fmt.pm(rs.ns()) + " ns = "
                + String.join(", ", parts) + " (fastest library of each)";
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
