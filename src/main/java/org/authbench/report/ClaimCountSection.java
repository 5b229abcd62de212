package org.authbench.report;

import java.util.List;

/** Verification cost by the number of claims a token carries (when the run has TokenShapeBenchmark rows). */
final class ClaimCountSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        List<MeasuredScheme> shapes = a.base(ShapeTables.CLAIMS);
        if (shapes.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("claim-count", "Claim count");
        Doc.para(s, "Verification of valid tokens carrying N top-level claims (flat strings, numbers, booleans and "
                + "string arrays; 5 is the minimum the policy reads), same key and principal as `verify_valid`. "
                + "ns/op ± " + Fmt.CI + "; the last column divides the most claims by the fewest.");
        ShapeTables.sizeTables(a, s, shapes, "claims", "claims");
    }
}
