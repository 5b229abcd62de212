package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.report.ReportTest.assertClose;
import static org.authbench.report.ReportTest.report;
import static org.authbench.report.ReportTest.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "Issuance" and "Cached verification" sections, from a synthetic JMH result written here: sign and cached rows
 * are set beside the uncached {@code verify_valid} of the same library and algorithm, in the same mode when it was
 * measured in it, with ratios carrying both errors; a row without a verify counterpart says "—"; a run without such
 * rows says it did not measure them.
 */
class IssueAndCacheSectionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path run;

    private final ArrayNode rows = JSON.createArrayNode();

    private ObjectNode row(String method, String mode, double score, double error, String unit, Map<String, String> params) {
        ObjectNode r = rows.addObject();
        r.put("jmhVersion", "1.37").put("benchmark", "org.authbench.bench." + method).put("mode", mode)
                .put("threads", 1).put("forks", 3).put("jdkVersion", "17.0.15")
                .put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "17.0.15+6");
        r.putArray("jvmArgs").add("-Xmx1g");
        ObjectNode p = r.putObject("params");
        params.forEach(p::put);
        ObjectNode pm = r.putObject("primaryMetric").put("score", score).put("scoreError", error).put("scoreUnit", unit);
        // Three forks whose means sit score - d, score, score + d: the 95% t interval over them is score ± error.
        double d = error * Math.sqrt(3) / new TDistribution(2).inverseCumulativeProbability(0.975);
        ArrayNode raw = pm.putArray("rawData");
        for (double m : new double[] {score - d, score, score + d}) {
            raw.addArray().add(m).add(m);
        }
        return r;
    }

    private String generate() throws IOException {
        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(rows));
        String[] r = report(run);
        assertThat(r[0]).as("exit code; stderr: " + r[2]).isEqualTo("0");
        return Files.readString(run.resolve("report.md"));
    }

    @Test
    void signAndCachedRowsSitBesideTheUncachedVerificationOfTheSameLibraryAndAlgorithm() throws IOException {
        row("IssueBenchmark.issue", "avgt", 1500, 30, "ns/op", Map.of("library", "REFERENCE", "alg", "HS256", "poolSize", "256"));
        row("IssueBenchmark.issue", "avgt", 1200, 10, "us/op", Map.of("library", "NIMBUS", "alg", "RS256", "poolSize", "256"));
        ObjectNode hsNimbus = row("IssueBenchmark.issue", "avgt", 2500, 50, "ns/op",
                Map.of("library", "NIMBUS", "alg", "HS256", "poolSize", "256"));
        hsNimbus.putObject("secondaryMetrics").putObject("gc.alloc.rate.norm").put("score", 4096).put("scoreError", 8)
                .put("scoreUnit", "B/op");
        row("VerifyBenchmark.verify_valid", "sample", 3.5, 0.2, "us/op", Map.of("library", "NIMBUS", "alg", "HS256", "poolSize", "256"));
        row("VerifyBenchmark.verify_valid", "avgt", 3000, 60, "ns/op", Map.of("library", "NIMBUS", "alg", "HS256", "poolSize", "256"));
        row("VerifyBenchmark.verify_valid", "avgt", 45000, 500, "ns/op", Map.of("library", "NIMBUS", "alg", "RS256", "poolSize", "256"));
        for (String[] c : new String[][] {{"0.0", "46000", "600"}, {"1.0", "900", "10"}, {"0.5", "23000", "300"}}) {
            row("CachedVerificationBenchmark.verify", "avgt", Double.parseDouble(c[1]), Double.parseDouble(c[2]), "ns/op",
                    Map.of("library", "NIMBUS", "alg", "RS256", "cacheHitRatio", c[0], "poolSize", "1024"));
        }
        row("CachedVerificationBenchmark.verify", "avgt", 1200, 15, "ns/op",
                Map.of("library", "REFERENCE", "alg", "HS256", "cacheHitRatio", "0.9", "poolSize", "1024"));
        String md = generate();

        List<List<String>> issue = table(md, "## Issuance");
        assertThat(issue).extracting(l -> l.get(0) + " " + l.get(1))
                .containsExactly("HS256 NIMBUS", "HS256 REFERENCE", "RS256 NIMBUS");
        List<String> hs = issue.get(0);
        assertEstimate(hs.get(2), 2500, 50);
        assertThat(hs.get(3)).isEqualTo("AverageTime");
        assertEstimate(hs.get(4), 3000, 60); // the AverageTime verify row, not the SampleTime one
        assertRatio(hs.get(5), 2500.0 / 3000);
        assertEstimate(hs.get(6), 4096, 8);
        assertThat(issue.get(1).subList(4, 7)).containsExactly("—", "—", "—");
        assertEstimate(issue.get(2).get(2), 1_200_000, 10_000);
        assertRatio(issue.get(2).get(5), 1_200_000.0 / 45000);

        List<List<String>> cached = table(md, "## Cached verification");
        assertThat(cached).extracting(l -> l.get(0) + " " + l.get(1) + " " + l.get(2))
                .containsExactly("HS256 REFERENCE 0.9", "RS256 NIMBUS 1.0", "RS256 NIMBUS 0.5", "RS256 NIMBUS 0.0");
        assertThat(cached.get(0).subList(5, 7)).containsExactly("—", "—");
        double[][] expected = {{900, 10}, {23000, 300}, {46000, 600}};
        for (int i = 0; i < 3; i++) {
            List<String> line = cached.get(i + 1);
            assertEstimate(line.get(3), expected[i][0], expected[i][1]);
            assertEstimate(line.get(5), 45000, 500);
            assertRatio(line.get(6), expected[i][0] / 45000);
        }
    }

    @Test
    void aRunWithoutTheseRowsSaysSo() throws IOException {
        row("VerifyBenchmark.verify_valid", "avgt", 3000, 60, "ns/op", Map.of("library", "NIMBUS", "alg", "HS256", "poolSize", "256"));
        String md = generate();
        assertThat(md).contains("## Issuance\n\nNot measured in this run (no `IssueBenchmark` rows")
                .contains("## Cached verification\n\nNot measured in this run (no `CachedVerificationBenchmark` rows");
    }

    /** "r× (low–high)": the ratio of the two rows' means, inside its resampled interval. */
    private static void assertRatio(String cell, double ratio) {
        Matcher m = Pattern.compile("([0-9.,]+)× \\(([0-9.,]+)–([0-9.,]+)\\)").matcher(cell);
        assertThat(m.matches()).as(cell).isTrue();
        assertClose(m.group(1), ratio);
        assertThat(Fmt.parse(m.group(2))).as(cell).isLessThan(ratio);
        assertThat(Fmt.parse(m.group(3))).as(cell).isGreaterThan(ratio);
    }

    private static void assertEstimate(String cell, double value, double error) {
        String[] parts = cell.replace("×", "").split(" ± ");
        assertThat(parts).as(cell).hasSize(2);
        assertClose(parts[0], value);
        assertClose(parts[1], error);
    }
}
