package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * "Cached verification": a verified-token cache at each hit ratio ({@code CachedVerificationBenchmark.verify}),
 * beside the uncached {@code VerifyBenchmark.verify_valid} of the same library and algorithm.
 */
final class CachedVerificationSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Doc.Section s = doc.section("cached-verification", "Cached verification");
        List<MeasuredScheme> cached = IssuanceSection.sorted(a.base(Analysis.CACHED_VERIFY),
                Comparator.comparingDouble(x -> -IssuanceSection.ratio(x)));
        if (cached.isEmpty()) {
            Doc.para(s, "Not measured in this run (no `CachedVerificationBenchmark` rows; the `full` profile runs them).");
            return;
        }
        Doc.para(s, "A verified-token cache (SHA-256 of the token → principal, each entry expiring at the token's `exp`, "
                + "refusals never cached) in front of a library. The cache holds exactly the stated share of the presented "
                + "tokens; the others are verified in full every time. Uncached: `VerifyBenchmark.verify_valid` of the same "
                + "library and algorithm (same mode when measured in it); a hit ratio of 0 shows what the cache adds to a "
                + "miss. ns/op ± " + Fmt.CI + "; cached ÷ uncached below 1× means the cache pays off.");
        List<List<String>> rows = new ArrayList<>();
        for (MeasuredScheme x : cached) {
            Estimate uncached = IssuanceSection.sameMode(x, IssuanceSection.verifyOf(a, x));
            rows.add(List.of(x.param("alg"), x.param("library"), x.param("cacheHitRatio"), Fmt.pm(x.ns()),
                    JmhRow.modeName(x.cost().mode()), uncached == null ? "—" : Fmt.pm(uncached),
                    uncached == null ? "—" : Fmt.times(x.ns().over(uncached))));
        }
        s.blocks().add(new Doc.Table(List.of("alg", "library", "hit ratio", "cached ns/op ± " + Fmt.CI, "mode",
                "uncached ns/op", "cached ÷ uncached"), rows));
    }
}
