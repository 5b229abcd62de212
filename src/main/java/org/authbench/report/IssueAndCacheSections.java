package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * Two report sections built from run rows alone: "Issuance" ({@code IssueBenchmark.issue}: what signing costs per
 * library and algorithm, beside verifying the same token shape) and "Cached verification"
 * ({@code CachedVerificationBenchmark.verify}: a verified-token cache at each hit ratio, beside the uncached
 * {@code VerifyBenchmark.verify_valid} of the same library and algorithm). Numbers are ns/op ± 99.9% CI; ratios
 * compare the same JMH mode when both rows have it and carry both errors.
 */
final class IssueAndCacheSections {

    private IssueAndCacheSections() {
    }

    static void issuance(Doc doc, Analysis a) {
        Doc.Section s = doc.section("issuance", "Issuance");
        List<Analysis.Scheme> sign = sorted(a.base(Analysis.ISSUE), Comparator.comparingDouble(x -> x.ns().value()));
        if (sign.isEmpty()) {
            Doc.para(s, "Not measured in this run (no `IssueBenchmark` rows; the `full` profile runs them).");
            return;
        }
        Doc.para(s, "Signing one claim set (the verified tokens' claims, distinct `sub` and `jti` per call) into a compact "
                + "JWS through each library's issuing API, next to verifying the same shape of token "
                + "(`VerifyBenchmark.verify_valid`, same library and algorithm, same mode when measured in it). ns/op ± "
                + "99.9% CI; sign ÷ verify below 1× means signing is cheaper.");
        List<List<String>> rows = new ArrayList<>();
        for (Analysis.Scheme x : sign) {
            Estimate verify = sameMode(x, verifyOf(a, x));
            rows.add(List.of(x.param("alg"), x.param("library"), Fmt.pm(x.ns()), JmhRow.modeName(x.cost().mode()),
                    verify == null ? "—" : Fmt.pm(verify), verify == null ? "—" : Fmt.times(x.ns().over(verify)),
                    x.bytes() == null ? "—" : Fmt.pm(x.bytes())));
        }
        s.blocks().add(new Doc.Table(List.of("alg", "library", "sign ns/op ± 99.9% CI", "mode", "verify ns/op",
                "sign ÷ verify", "sign B/op"), rows));
    }

    static void cachedVerification(Doc doc, Analysis a) {
        Doc.Section s = doc.section("cached-verification", "Cached verification");
        List<Analysis.Scheme> cached = sorted(a.base(Analysis.CACHED_VERIFY),
                Comparator.comparingDouble(x -> -ratio(x)));
        if (cached.isEmpty()) {
            Doc.para(s, "Not measured in this run (no `CachedVerificationBenchmark` rows; the `full` profile runs them).");
            return;
        }
        Doc.para(s, "A verified-token cache (SHA-256 of the token → principal, each entry expiring at the token's `exp`, "
                + "refusals never cached) in front of a library. The cache holds exactly the stated share of the presented "
                + "tokens; the others are verified in full every time. Uncached: `VerifyBenchmark.verify_valid` of the same "
                + "library and algorithm (same mode when measured in it); a hit ratio of 0 shows what the cache adds to a "
                + "miss. ns/op ± 99.9% CI; cached ÷ uncached below 1× means the cache pays off.");
        List<List<String>> rows = new ArrayList<>();
        for (Analysis.Scheme x : cached) {
            Estimate uncached = sameMode(x, verifyOf(a, x));
            rows.add(List.of(x.param("alg"), x.param("library"), x.param("cacheHitRatio"), Fmt.pm(x.ns()),
                    JmhRow.modeName(x.cost().mode()), uncached == null ? "—" : Fmt.pm(uncached),
                    uncached == null ? "—" : Fmt.times(x.ns().over(uncached))));
        }
        s.blocks().add(new Doc.Table(List.of("alg", "library", "hit ratio", "cached ns/op ± 99.9% CI", "mode",
                "uncached ns/op", "cached ÷ uncached"), rows));
    }

    /** By algorithm (the suite's order, then others), library, then {@code within}. */
    private static List<Analysis.Scheme> sorted(List<Analysis.Scheme> in, Comparator<Analysis.Scheme> within) {
        List<String> algOrder = Analysis.ALG_ORDER;
        Comparator<Analysis.Scheme> byAlg = Comparator.comparingInt(x -> {
            int i = algOrder.indexOf(x.param("alg"));
            return i < 0 ? algOrder.size() : i;
        });
        List<Analysis.Scheme> out = new ArrayList<>(in);
        out.sort(byAlg.thenComparing(x -> String.valueOf(x.param("alg")))
                .thenComparing(x -> String.valueOf(x.param("library"))).thenComparing(within));
        return out;
    }

    private static double ratio(Analysis.Scheme x) {
        try {
            return Double.parseDouble(x.param("cacheHitRatio"));
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    /**
     * The uncached verification of the same library and algorithm; when several rows qualify (verification measured
     * under another parameter too), the first whose every parameter shared with {@code x} has {@code x}'s value.
     */
    private static Analysis.Scheme verifyOf(Analysis a, Analysis.Scheme x) {
        List<Analysis.Scheme> same = a.base(Analysis.VERIFY).stream()
                .filter(v -> Objects.equals(v.param("library"), x.param("library"))
                        && Objects.equals(v.param("alg"), x.param("alg")))
                .toList();
        return same.stream()
                .filter(v -> v.params().entrySet().stream().allMatch(e -> !x.params().containsKey(e.getKey())
                        || Objects.equals(x.param(e.getKey()), e.getValue())))
                .findFirst().orElse(same.isEmpty() ? null : same.get(0));
    }

    /** {@code other}'s cost in {@code x}'s mode when measured in it, else its preferred mode; null when absent. */
    private static Estimate sameMode(Analysis.Scheme x, Analysis.Scheme other) {
        if (other == null) {
            return null;
        }
        JmhRow same = other.byMode().get(x.cost().mode());
        return same != null ? same.nsPerOp() : other.ns();
    }
}
