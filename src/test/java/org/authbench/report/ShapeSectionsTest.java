package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.report.ReportTest.assertClose;
import static org.authbench.report.ReportTest.assertEstimate;
import static org.authbench.report.ReportTest.report;
import static org.authbench.report.ReportTest.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.authbench.support.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reject-path, claim-count and JWK-set-size sections, from {@code src/test/resources/report/shapes-run}: a
 * synthetic {@code rejects}-profile result (NIMBUS and REFERENCE at RS256, every reject kind, 5/100 claims,
 * 1/100 keys) without a manifest.
 */
class ShapeSectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path run;
    JsonNode rows;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        run = ReportTest.copyFixtureRun(tmp, "shapes-run");
        rows = JSON.readTree(run.resolve("jmh-result.json").toFile());
    }

    private String generate() throws IOException {
        return ReportTest.reportMarkdown(run);
    }

    private static double ratio(JsonNode a, JsonNode b) {
        return ReportTest.score(a) / ReportTest.score(b);
    }

    /**
     * "ns ± err (r× …)": the estimate equals the row, the ratio equals row ÷ base with its resampled interval; a row
     * of one fork reads "ns† (r×)", its figure and ratio without an interval (the † note under the table says so).
     */
    private static void assertCellWithRatio(String cell, JsonNode x, JsonNode base) {
        if (Double.isNaN(ForkIntervals.of(x)[1])) {
            assertThat(cell).as(cell).matches("[0-9.,]+† \\([0-9.,]+×\\)");
            ReportTest.assertClose(cell.substring(0, cell.indexOf('†')), ForkIntervals.of(x)[0]);
            ReportTest.assertClose(cell.substring(cell.indexOf('(') + 1, cell.indexOf('×')),
                    ForkIntervals.of(x)[0] / ForkIntervals.of(base)[0]);
            return;
        }
        int open = cell.lastIndexOf(" (", cell.indexOf('×'));
        assertEstimate(cell.substring(0, open), x);
        ReportTest.assertRatio(cell.substring(open + 2, cell.length() - 1), x, base);
    }

    @Test
    void rejectTableSetsEveryKindBesideVerifyValidInReadingOrder() throws IOException {
        String md = generate();
        assertThat(md).contains("\n## Reject paths\n").contains("| library | verify_valid | bad signature | garbage | "
                + "not three parts | broken json | alg none | unknown kid | expired |");
        List<List<String>> t = table(md, "## Reject paths");
        assertThat(md).containsPattern("† no fork-level interval \\([a-z -]+\\): neither the figure nor its ratio");
        assertThat(t).extracting(l -> l.get(0)).containsExactly("NIMBUS", "REFERENCE");
        String[] kinds = {"GARBAGE", "NOT_THREE_PARTS", "BROKEN_JSON", "ALG_NONE", "UNKNOWN_KID", "EXPIRED"};
        for (List<String> line : t) {
            String lib = line.get(0);
            JsonNode valid = Rows.find(rows, "verify_valid", Map.of("library", lib));
            assertEstimate(line.get(1), valid);
            assertCellWithRatio(line.get(2), Rows.find(rows, "verify_badSignature", Map.of("library", lib)), valid);
            for (int k = 0; k < kinds.length; k++) {
                assertCellWithRatio(line.get(3 + k), Rows.find(rows, "reject", Map.of("library", lib, "kind", kinds[k])), valid);
            }
        }
    }

    @Test
    void claimCountAndJwkSetTablesGiveEachSizeAndTheRatios() throws IOException {
        String md = generate();
        assertThat(md).contains("| library | 5 claims | 100 claims | 100 ÷ 5 |")
                .contains("| library | 1 key | 100 keys | 100 ÷ 1 | 1-key set ÷ verify_valid |");
        List<List<String>> claims = table(md, "## Claim count");
        List<List<String>> keys = table(md, "## JWK set size");
        for (int i = 0; i < 2; i++) {
            String lib = claims.get(i).get(0);
            JsonNode five = Rows.find(rows, "verify_claims", Map.of("library", lib, "claims", "5"));
            JsonNode hundred = Rows.find(rows, "verify_claims", Map.of("library", lib, "claims", "100"));
            assertEstimate(claims.get(i).get(1), five);
            assertEstimate(claims.get(i).get(2), hundred);
            assertClose(claims.get(i).get(3).split("×")[0], ratio(hundred, five));
            assertThat(keys.get(i).get(0)).isEqualTo(lib);
            JsonNode one = Rows.find(rows, "verify_kid", Map.of("library", lib, "jwkSetSize", "1"));
            JsonNode many = Rows.find(rows, "verify_kid", Map.of("library", lib, "jwkSetSize", "100"));
            assertEstimate(keys.get(i).get(1), one);
            assertEstimate(keys.get(i).get(2), many);
            assertClose(keys.get(i).get(3).split("×")[0], ratio(many, one));
            assertClose(keys.get(i).get(4).split("×")[0], ratio(one, Rows.find(rows, "verify_valid", Map.of("library", lib))));
        }
    }

    @Test
    void aRunWithoutTheseRowsHasNoSuchSections() throws IOException, URISyntaxException {
        Path standard = Path.of(ShapeSectionsTest.class.getResource("/report/standard-run/jmh-result.json").toURI())
                .getParent();
        Path other = tmp.resolve("standard");
        ReportTest.copyTree(standard, other);
        assertThat(report(other)[0]).isEqualTo("0");
        assertThat(Files.readString(other.resolve("report.md"))).doesNotContain("## Reject paths")
                .doesNotContain("## Claim count").doesNotContain("## JWK set size");
    }
}
