package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.report.ReportTest.assertClose;
import static org.authbench.report.ReportTest.report;
import static org.authbench.report.ReportTest.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.authbench.runfiles.LatencySummary;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The latency section from the committed {@code latency/} folder of a real {@code authbench latency} run
 * ({@code summary.json} as {@code LatencyRun} writes it, and its {@code .hgrm} distributions).
 */
class LatencySectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path run;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path src = Path.of(LatencySectionTest.class.getResource("/report/standard-run/jmh-result.json").toURI()).getParent();
        run = Files.createTempDirectory(tmp, "run");
        ReportTest.copyTree(src, run);
    }

    private String generate() throws IOException {
        String[] r = report(run);
        assertThat(r[0]).as("exit code; stderr: " + r[2]).isEqualTo("0");
        return Files.readString(run.resolve("report.md"));
    }

    private JsonNode summary() throws IOException {
        return JSON.readTree(run.resolve(RunFiles.LATENCY_SUMMARY).toFile());
    }

    @Test
    void tableShowsEverySchemeAndRateAsTheHarnessWroteIt() throws IOException {
        String md = generate();
        JsonNode s = summary();
        List<List<String>> rows = table(md, "## Latency under load");
        List<JsonNode> rates = new ArrayList<>();
        List<String> schemes = new ArrayList<>();
        for (JsonNode sc : s.get("schemes")) {
            for (JsonNode r : sc.get("rates")) {
                rates.add(r);
                schemes.add(sc.get("scheme").asText());
            }
        }
        assertThat(rows).hasSize(rates.size()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(md).contains("| scheme | intended req/s | achieved req/s | response p50 |");
        String[] keys = {"p50_us", "p90_us", "p99_us", "p99_9_us", "p99_99_us", "max_us"};
        for (int i = 0; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            JsonNode r = rates.get(i);
            assertThat(row.get(0)).isEqualTo(schemes.get(i));
            assertClose(row.get(1), r.get("intendedRate").asDouble());
            assertClose(row.get(2), r.get("achievedRate").asDouble());
            // Rates given outright: no calibrated max, so that column holds nothing and is not printed.
            for (int k = 0; k < keys.length; k++) {
                assertClose(row.get(3 + k), r.get("response").get(keys[k]).asDouble());
            }
            assertClose(row.get(9), r.get("service").get("p99_us").asDouble());
            assertThat(row.get(10)).isEqualTo(r.get("unstarted").asText());
        }
        List<List<String>> bound = table(md, "Highest measured rate whose response p99");
        assertThat(md).contains("response p99 ≤ " + Fmt.plain(s.get("bound_ms").asDouble()) + " ms");
        for (int i = 0; i < bound.size(); i++) {
            JsonNode sc = s.get("schemes").get(i);
            assertThat(bound.get(i).get(0)).isEqualTo(sc.get("scheme").asText());
            if (sc.get("maxRateUnderBound").isNull()) {
                assertThat(bound.get(i).get(2)).isEqualTo("none of the measured rates");
            } else {
                assertClose(bound.get(i).get(2), sc.get("maxRateUnderBound").asDouble());
            }
        }
        assertThat(run.resolve("charts/latency.png")).isNotEmptyFile();
    }

    @Test
    void fractionOfTheCalibratedMaxAndTheRateUnderTheBoundComeFromTheSummary() throws IOException {
        ObjectNode s = (ObjectNode) summary();
        ObjectNode first = (ObjectNode) s.get("schemes").get(0);
        first.put("calibratedMaxRate", 8000);
        ((ObjectNode) first.get("rates").get(0)).put("fraction", 0.25);
        first.put("maxRateUnderBound", 2000.0);
        ((ObjectNode) s.get("schemes").get(1)).putNull("maxRateUnderBound");
        Files.writeString(run.resolve(RunFiles.LATENCY_SUMMARY), JSON.writeValueAsString(s));
        String md = generate();
        List<List<String>> rows = table(md, "## Latency under load");
        assertThat(rows.get(0).get(3)).isEqualTo("25%");
        // No fraction recorded for the second rate, but a calibrated max: intended / max.
        assertClose(rows.get(1).get(3).replace("%", ""), 100 * first.get("rates").get(1).get("intendedRate").asDouble() / 8000);
        List<List<String>> bound = table(md, "Highest measured rate whose response p99");
        assertThat(bound.get(0)).containsExactly(first.get("scheme").asText(), "8,000", "2,000");
        assertThat(bound.get(1).get(2)).isEqualTo("none of the measured rates");
    }

    @Test
    void chartLinesFollowTheHgrmDistributionOrFallBackToTheSummary() throws IOException {
        LatencySummary l = RunFolder.read(run).latency();
        LatencySummary.RateRun r = l.schemes().get(0).rates().get(0);
        List<String> hgrm = Files.readAllLines(run.resolve(r.hgrm())).stream().map(String::strip)
                .filter(x -> !x.isEmpty() && !x.startsWith("#") && !x.startsWith("Value")).toList();
        List<double[]> points = LatencySection.nines(r);
        // every row below 100% at x = 1/(1-p), then the max one decade right of the last
        assertThat(points).hasSize(hgrm.size());
        String[] row = hgrm.get(hgrm.size() / 2).split("\\s+");
        double[] mid = points.get(hgrm.size() / 2);
        assertThat(mid[0]).isCloseTo(1 / (1 - Double.parseDouble(row[1])), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(mid[1]).isEqualTo(Double.parseDouble(row[0]));
        double[] max = points.get(points.size() - 1);
        assertThat(max[1]).isEqualTo(Double.parseDouble(hgrm.get(hgrm.size() - 1).split("\\s+")[0]));
        assertThat(max[0]).isEqualTo(10 * points.get(points.size() - 2)[0]);

        Files.delete(run.resolve(r.hgrm()));
        LatencySummary.RateRun bare = RunFolder.read(run).latency().schemes().get(0).rates().get(0);
        assertThat(bare.distribution()).isEmpty();
        List<double[]> fallback = LatencySection.nines(bare);
        assertThat(fallback).extracting(p -> p[0]).containsExactly(2.0, 10.0, 100.0, 1000.0, 10000.0, 100000.0);
        assertThat(fallback).extracting(p -> p[1]).containsExactly(bare.response().get("p50"), bare.response().get("p90"),
                bare.response().get("p99"), bare.response().get("p99_9"), bare.response().get("p99_99"),
                bare.response().get("max"));
        assertThat(generate()).contains("rates without a .hgrm file drawn from the summary percentiles");
        assertThat(List.of(Charts.nines(10), Charts.nines(100), Charts.nines(1000), Charts.nines(10000)))
                .containsExactly("90%", "99%", "99.9%", "99.99%");
    }

    @Test
    void aSummaryOfAnotherShapeOrABrokenHgrmIsOneLineAndExitTwo() throws IOException, URISyntaxException {
        Files.writeString(run.resolve(RunFiles.LATENCY_SUMMARY), "{\"formatVersion\": 1, \"unit\": \"us\", \"runs\": []}");
        String[] r = report(run);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("summary.json is not an authbench latency summary: no \"schemes\" array").hasLineCount(1);

        copyFixture(); // fresh folder
        String hgrm = summary().get("schemes").get(0).get("rates").get(0).get("hgrm").asText();
        Files.writeString(run.resolve(hgrm), "       Value     Percentile TotalCount 1/(1-Percentile)\n\n  12.5 oops 3\n");
        r = report(run);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains(".hgrm is not an HdrHistogram percentile distribution (line 3").hasLineCount(1);
    }
}
