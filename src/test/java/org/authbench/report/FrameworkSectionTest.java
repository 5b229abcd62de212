package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.report.ReportTest.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A framework set against the library it is built on, from the layers the run recorded; absent when none were. */
class FrameworkSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path run;

    private final ArrayNode rows = JSON.createArrayNode();

    private ObjectNode verify(String library, String mode, double[]... forks) {
        ObjectNode r = rows.addObject();
        r.put("jmhVersion", "1.37").put("benchmark", "org.authbench.bench.VerifyBenchmark.verify_valid").put("mode", mode)
                .put("threads", 1).put("forks", forks.length).put("warmupIterations", 4).put("warmupTime", "1 s")
                .put("jdkVersion", "17.0.15").put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "17.0.15+6");
        r.putArray("jvmArgs");
        r.putObject("params").put("library", library).put("alg", "RS256");
        double score = Arrays.stream(forks).flatMapToDouble(Arrays::stream).average().orElse(0);
        ArrayNode raw = ((ObjectNode) r.putObject("primaryMetric").put("score", score).put("scoreError", 1)
                .put("scoreUnit", "ns/op")).putArray("rawData");
        for (double[] f : forks) {
            ArrayNode a = raw.addArray();
            Arrays.stream(f).forEach(a::add);
        }
        return r;
    }

    private String report(boolean recordLayers) throws IOException {
        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(rows));
        ObjectNode manifest = JSON.createObjectNode().put("formatVersion", 1).put("profile", "standard")
                .put("status", "finished");
        if (recordLayers) {
            manifest.putObject("libraryLayers").put("SPRING", "NIMBUS").put("SMALLRYE", "JOSE4J");
        }
        Files.writeString(run.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        return ReportTest.reportMarkdown(run);
    }

    @Test
    void aFrameworkIsSetAgainstItsLibraryWithTheAddedCostAndAResampledRatio() throws IOException {
        ObjectNode nimbus = verify("NIMBUS", "avgt", new double[] {30_000, 30_100, 29_900}, new double[] {30_500, 30_400, 30_600},
                new double[] {29_800, 29_900, 29_700});
        ObjectNode spring = verify("SPRING", "avgt", new double[] {33_000, 33_100, 32_900}, new double[] {33_600, 33_500, 33_700},
                new double[] {32_700, 32_800, 32_600});
        String md = report(true);
        List<List<String>> t = table(md, "## Frameworks over their libraries");
        // SMALLRYE's layer is recorded but neither it nor JOSE4J ran: no row.
        assertThat(t).hasSize(1);
        List<String> row = t.get(0);
        assertThat(row.subList(0, 3)).containsExactly("SPRING", "NIMBUS", "RS256");
        ReportTest.assertEstimate(row.get(3), spring);
        ReportTest.assertEstimate(row.get(4), nimbus);
        assertThat(row.get(5)).startsWith("3,0");
        ReportTest.assertRatio(row.get(6), spring, nimbus);
    }

    @Test
    void rowsMeasuredInDifferentModesAreRefusedWithTheReason() throws IOException {
        verify("NIMBUS", "avgt", new double[] {30_000, 30_100}, new double[] {30_500, 30_400});
        verify("SPRING", "ss", new double[] {33_000, 33_100}, new double[] {33_600, 33_500});
        List<String> row = table(report(true), "## Frameworks over their libraries").get(0);
        assertThat(row.get(5)).startsWith("not comparable: ");
        assertThat(row.get(6)).startsWith("not comparable: ");
    }

    @Test
    void aRunThatRecordedNoLayersHasNoSuchSection() throws IOException {
        verify("NIMBUS", "avgt", new double[] {30_000, 30_100}, new double[] {30_500, 30_400});
        verify("SPRING", "avgt", new double[] {33_000, 33_100}, new double[] {33_600, 33_500});
        assertThat(report(false)).doesNotContain("Frameworks over their libraries");
    }
}
