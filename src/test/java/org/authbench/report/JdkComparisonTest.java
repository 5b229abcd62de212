package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.report.ReportTest.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.authbench.support.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with rows from two JVMs ({@code run --jvm A --jvm B}), from {@code src/test/resources/report/two-jvm-run}:
 * JDK 17 has four rows, JDK 21 three (no floor), so JDK 17 is the one the main tables rank within.
 */
class JdkComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String J17 = "JDK 17.0.15";
    private static final String J21 = "JDK 21.0.5";

    @TempDir
    Path tmp;
    Path run;
    JsonNode rows;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        run = ReportTest.copyFixtureRun(tmp, "two-jvm-run");
        rows = JSON.readTree(run.resolve("jmh-result.json").toFile());
    }

    private String generate() throws IOException {
        return ReportTest.reportMarkdown(run);
    }

    @Test
    void eachRowOnBothJvmsIsComparedWithItsRatio() throws IOException {
        String md = generate();
        List<List<String>> cmp = table(md, "## JDK comparison");
        assertThat(cmp).extracting(l -> l.get(0)).containsExactly("HS256 JJWT", "HS256 NIMBUS", "key HASHED");
        String[][] ids = {{"verify_valid", "library", "JJWT"}, {"verify_valid", "library", "NIMBUS"},
                {"lookup_hit", "store", "HASHED"}};
        for (int i = 0; i < ids.length; i++) {
            JsonNode a = Rows.find(rows, ids[i][0], Map.of(ids[i][1], ids[i][2]), "17.0.15");
            JsonNode b = Rows.find(rows, ids[i][0], Map.of(ids[i][1], ids[i][2]), "21.0.5");
            List<String> line = cmp.get(i);
            ReportTest.assertEstimate(line.get(3), a);
            ReportTest.assertEstimate(line.get(4), b);
            ReportTest.assertRatio(line.get(5), b, a);
        }
        assertThat(md).contains("| " + J17 + " ns/op | " + J21 + " ns/op | " + J21 + " ÷ " + J17 + " |");
        assertThat(run.resolve("charts/jdk-comparison.png")).isNotEmptyFile();
    }

    @Test
    void aLongComparisonLeadsWithTheRowsTheJdkChangesLargestChangeFirst() {
        List<JmhRow> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // On JDK 25: L3 at 0.5×, L7 at 3×, L11 at 1.3×, L5 3% slower (within the margin), the rest the same.
            double on25 = switch (i) {
                case 3 -> 500;
                case 7 -> 3000;
                case 11 -> 1300;
                case 5 -> 1030;
                default -> 1000;
            };
            rows.add(DecisionTest.row(Analysis.VERIFY, Map.of("library", "L" + i, "alg", "HS256"), 1, 1000, 10, "17.0.15"));
            rows.add(DecisionTest.row(Analysis.VERIFY, Map.of("library", "L" + i, "alg", "HS256"), 1, on25, on25 / 100,
                    "25.0.3"));
        }
        Doc doc = new Doc("t");
        new JdkComparisonSection().addTo(doc, new ReportInput(new RunFolder(Path.of("run"), rows, null, null, null),
                new Analysis(rows)));
        List<Doc.Block> blocks = doc.sections.get(0).blocks();
        List<Doc.Table> tables = blocks.stream().filter(Doc.Table.class::isInstance).map(Doc.Table.class::cast).toList();
        assertThat(tables).hasSize(2);
        assertThat(tables.get(0).rows()).extracting(r -> r.get(0)).containsExactly("HS256 L7", "HS256 L3", "HS256 L11");
        assertThat(tables.get(1).rows()).hasSize(30);
        assertThat(blocks).filteredOn(Doc.Para.class::isInstance).map(b -> ((Doc.Para) b).text())
                .anyMatch(t -> t.startsWith("3 of 30 rows change by more than 5%"))
                .anyMatch(t -> t.startsWith("Every row, the 27 tied within 5%"));
        assertThat(blocks).filteredOn(Doc.Chart.class::isInstance).singleElement()
                .satisfies(c -> assertThat(((Doc.Chart) c).alt()).contains("the largest changes beyond the margin"));
    }

    @Test
    void rankingsStayWithinTheJvmWithMostRowsAndLabelsNameTheJvm() throws IOException {
        String md = generate();
        assertThat(md).contains("Summary, rankings, claims and capacity use " + J17);
        List<List<String>> hs256 = table(md, "HS256:");
        assertThat(hs256).extracting(l -> l.get(1)).containsExactly("JJWT [" + J17 + "]", "NIMBUS [" + J17 + "]",
                "floor HS256 [" + J17 + "]");
        ReportTest.assertEstimate(hs256.get(0).get(2), Rows.find(rows, "verify_valid", Map.of("library", "JJWT"), "17.0.15"));
        List<List<String>> all = table(md, "## All results");
        assertThat(all).hasSize(rows.size());
        assertThat(all.get(4).get(7)).contains("21.0.5+11-LTS");
        assertThat(Files.readAllLines(run.resolve("summary.csv")).get(0)).contains("jdk_version,vm_version");
    }
}
