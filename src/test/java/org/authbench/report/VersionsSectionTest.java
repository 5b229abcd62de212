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

/**
 * Rows run on another library version sit beside the shipped version's rows in their own section, with a verdict from
 * the resampled ratio and each version's 2-thread scaling, and stay out of the rankings.
 */
class VersionsSectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OTHER = "-Dauthbench.libraryVersion=io.vertx:vertx-auth-jwt:5.1.6";

    @TempDir
    Path run;

    private final ArrayNode rows = JSON.createArrayNode();

    private void verify(String version, String alg, int threads, double base) {
        ObjectNode r = rows.addObject();
        r.put("jmhVersion", "1.37").put("benchmark", "org.authbench.bench.VerifyBenchmark.verify_valid").put("mode", "avgt")
                .put("threads", threads).put("forks", 3).put("warmupIterations", 4).put("warmupTime", "1 s")
                .put("jdkVersion", "17.0.15").put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "17.0.15+6");
        ArrayNode args = r.putArray("jvmArgs").add("-Xmx1g");
        if (version != null) {
            args.add(version);
        }
        r.putObject("params").put("library", "VERTX").put("alg", alg).put("poolSize", "256").put("provider", "DEFAULT");
        double[][] forks = {{base, base * 1.01, base * 0.99}, {base * 1.02, base * 1.01, base * 1.03},
                {base * 0.98, base * 0.99, base * 0.97}};
        double score = Arrays.stream(forks).flatMapToDouble(Arrays::stream).average().orElse(0);
        ArrayNode raw = ((ObjectNode) r.putObject("primaryMetric").put("score", score).put("scoreError", 1)
                .put("scoreUnit", "ns/op")).putArray("rawData");
        for (double[] f : forks) {
            ArrayNode a = raw.addArray();
            Arrays.stream(f).forEach(a::add);
        }
    }

    private String report() throws IOException {
        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(rows));
        ObjectNode manifest = JSON.createObjectNode().put("formatVersion", 1).put("profile", "versions")
                .put("status", "finished");
        manifest.putObject("libraries").put("io.vertx:vertx-auth-jwt", "5.0.7");
        Files.writeString(run.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        return ReportTest.reportMarkdown(run);
    }

    @Test
    void theOtherVersionIsSetBesideTheShippedOneWithAVerdictAndScaling() throws IOException {
        verify(null, "HS256", 1, 6_000);
        verify(OTHER, "HS256", 1, 3_000); // twice as fast: a change
        verify(null, "RS256", 1, 40_000);
        verify(OTHER, "RS256", 1, 40_400); // 1% apart: tied
        verify(null, "HS256", 2, 24_000); // 2 threads, 4× the 1-thread cost: efficiency 0.25
        verify(OTHER, "HS256", 2, 3_000); // 2 threads at the 1-thread cost: efficiency 1.0
        String md = report();

        List<List<String>> t = table(md, "## Library versions");
        assertThat(t).hasSize(3);
        assertThat(t.get(0)).startsWith("VERTX", "HS256", "1", "avgt", "vertx-auth-jwt", "5.0.7");
        assertThat(t.get(0).get(7)).isEqualTo("5.1.6");
        assertThat(t.get(0).get(9)).startsWith("0.50");
        assertThat(t.get(0).get(10)).isEqualTo("faster");
        assertThat(t.get(1).get(10)).isEqualTo("tied");
        assertThat(t.get(2).get(10)).isEqualTo("faster");
        assertThat(md).contains("VERTX HS256 at 1 thread: 5.1.6 is faster than 5.0.7");

        List<List<String>> scaling = table(md.substring(md.indexOf("Scaling from 1 to 2 threads on each version")), "Scaling");
        assertThat(scaling).extracting(r -> r.get(2)).containsExactly("5.0.7", "5.1.6");
        assertThat(scaling.get(0).get(5)).startsWith("0.25");
        assertThat(scaling.get(1).get(5)).startsWith("1.00");
    }

    @Test
    void otherVersionsStayOutOfTheRankingAndARunWithoutThemHasNoSection() throws IOException {
        verify(null, "HS256", 1, 6_000);
        String without = report();
        assertThat(without).doesNotContain("## Library versions");

        verify(OTHER, "HS256", 1, 3_000);
        String with = report();
        assertThat(with).contains("## Library versions");
        // The ranking still holds one VERTX HS256 row, the shipped one at 6,000 ns/op, not the other version's 3,000.
        String ranking = with.substring(with.indexOf("## Ranking"), with.indexOf("## Library versions"));
        assertThat(ranking).doesNotContain("3,000").contains("6,0");
    }
}
