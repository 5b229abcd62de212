package org.authbench.report;

import java.util.List;

/** Verification cost by the size of the JWK set the key is selected from (when the run has verify_kid rows). */
final class JwkSetSizeSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        List<MeasuredScheme> shapes = a.base(ShapeTables.KID);
        if (shapes.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("jwk-set-size", "JWK set size");
        Doc.para(s, "Verification of valid tokens carrying a `kid`, whose key each library selects from a JWK set of "
                + "N keys through its own mechanism (see the README). ns/op ± " + Fmt.CI + "; \"largest ÷ smallest\" shows "
                + "what a bigger set costs, \"1-key set ÷ verify_valid\" what selecting by kid costs over one pinned "
                + "key.");
        ShapeTables.sizeTables(a, s, shapes, "jwkSetSize", "keys");
    }
}
