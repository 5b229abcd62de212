package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import org.authbench.runfiles.Estimate;

/**
 * Verifiers whose measured cost came out below their JWS floor, each with its ratio and why that is possible,
 * so a reader of the ranking does not take "0.99× floor" for a library that beats the primitive. Nothing when
 * every verifier sits at or above its floor.
 */
final class BelowFloorSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        List<List<String>> rows = new ArrayList<>();
        for (String alg : a.algorithms()) {
            for (MeasuredScheme v : a.ranking(alg)) {
                Estimate r = a.floorFor(v);
                if (r != null && r.value() < 1) {
                    rows.add(List.of(Charts.shortLabel(v), Fmt.pm(v.ns()), Fmt.times(r), r.upper() >= 1
                            ? "interval reaches 1×: " + Claims.NOT_RESOLVED : "below 1× beyond its interval"));
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("below-floor", "Verifiers measured below their floor");
        Doc.para(s, "No verifier can skip the primitive its floor measures, so a ratio under 1× is not a faster "
                + "verification. The floor and each verifier run in forks of their own, and fork-to-fork differences (JIT "
                + "inlining and code layout, CPU frequency, other tenants of a shared host) move a cost by a few percent. "
                + "Where the primitive is nearly all of the work, as for ES256 and RS256, that is more than what a library "
                + "adds around it: compare such libraries with each other (they are tied in the decision's groups), not "
                + "with the floor.");
        s.blocks().add(new Doc.Table(List.of("verifier", "ns/op ± CI", "× floor", "reading"), rows));
    }
}
