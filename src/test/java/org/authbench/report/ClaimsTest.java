package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.report.DecisionTest.key;
import static org.authbench.report.DecisionTest.row;
import static org.authbench.report.DecisionTest.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.FormatOne;
import org.authbench.runfiles.JmhRow;
import org.junit.jupiter.api.Test;

/** Verdicts that read in the data's direction, scaling judged per library, unresolved differences said so. */
class ClaimsTest {

    private static Map<String, String> verdicts(List<JmhRow> rows) {
        Map<String, String> out = new LinkedHashMap<>();
        for (List<String> r : new Claims(new Analysis(rows), null, FormatOne.STORE_CATALOGUE, 2).rows()) {
            out.put(r.get(0), r.get(2));
        }
        return out;
    }

    @Test
    void aJwtCheaperThanANetworkedLookupIsSaidToBeCheaperNotToHoldWithQualification() {
        Map<String, String> v = verdicts(List.of(key("HASHED", 130, 2), key("REDIS", 60_000, 500),
                verify("A", "HS256", 2_000, 20)));
        assertThat(v.get("JWT verification adds only slightly higher overhead (HS256)"))
                .startsWith(Claims.FAILS + " against an in-process key: 15.38× its cost")
                .contains("against a key in Redis (0.03333×").endsWith("the verification is cheaper, not dearer");
        assertThat(v.get("API-key validation is faster than JWT verification (Redis, `REDIS`)"))
                .isEqualTo(Claims.FAILS + " — the lookup is slower than HS256 verification");
        assertThat(verdicts(List.of(key("HASHED", 130, 2), key("H2", 2_000, 100), verify("A", "HS256", 2_000, 20)))
                .get("API-key validation is faster than JWT verification (embedded SQL, `H2`)"))
                .isEqualTo(Claims.NOT_RESOLVED + " — against HS256 " + Claims.NOT_RESOLVED + " (intervals overlap)");
    }

    @Test
    void scalingIsJudgedPerLibraryAndTheOutliersAreNamed() {
        List<JmhRow> rows = new ArrayList<>();
        for (String lib : List.of("AUTH0", "NIMBUS", "VERTX")) {
            rows.add(verify(lib, "HS256", 2_000, 20));
            double eff = lib.equals("VERTX") ? 0.45 : 0.95;
            rows.add(row(Analysis.VERIFY, Map.of("library", lib, "alg", "HS256"), 2, 2_000 / eff, 20));
        }
        assertThat(verdicts(rows).get("Stateless JWT verification scales without server storage"))
                .isEqualTo(Claims.QUALIFIED + " — holds for AUTH0 95%, NIMBUS 95%; not for VERTX 45%");
    }

    @Test
    void aDenylistCostWhoseIntervalCrossesZeroIsNotResolved() {
        List<JmhRow> rows = List.of(row(Analysis.REV_VERIFY, Map.of("alg", "ES256", "library", "REFERENCE"), 1, 929_348, 439_802),
                row(Analysis.REV_ACCEPTED, Map.of("alg", "ES256", "library", "REFERENCE", "denylist", "IN_PROCESS"), 1,
                        882_196, 100_000),
                row(Analysis.REV_KEY, Map.of("store", "HASHED"), 1, 390, 70));
        String v = verdicts(rows).get("API keys revoke immediately; JWT revocation needs a denylist");
        assertThat(v).contains("whose cost of IN_PROCESS (ES256) is " + Claims.NOT_RESOLVED).doesNotContain("-47");
        assertThat(Claims.crossesZero(new Estimate(-47_152, 466_331))).isTrue();
        assertThat(Claims.crossesZero(new Estimate(830, 183))).isFalse();
    }
}
