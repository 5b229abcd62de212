package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.authbench.report.ReportTest.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.authbench.cli.Main;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's intervals over forks on a run built here: two forks that disagree give a wide ± where JMH's error was
 * small, a ratio across modes is refused with its reason, a drifting row is marked and listed, the host's noise is
 * warned about, and the precision figures (section, {@code report --precision}) agree with the rows.
 */
class PrecisionTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path run;

    private final ArrayNode rows = JSON.createArrayNode();

    private ObjectNode row(String method, String mode, double error, String unit, Map<String, String> params,
            double[]... forks) {
        ObjectNode r = rows.addObject();
        r.put("jmhVersion", "1.37").put("benchmark", "org.authbench.bench." + method).put("mode", mode)
                .put("threads", 1).put("forks", forks.length).put("warmupIterations", 4).put("warmupTime", "1 s")
                .put("jdkVersion", "17.0.15").put("vmName", "OpenJDK 64-Bit Server VM").put("vmVersion", "17.0.15+6");
        r.putArray("jvmArgs").add("-Xmx1g");
        ObjectNode p = r.putObject("params");
        params.forEach(p::put);
        double score = Arrays.stream(forks).flatMapToDouble(Arrays::stream).average().orElse(0);
        ObjectNode pm = r.putObject("primaryMetric").put("score", score).put("scoreError", error).put("scoreUnit", unit);
        ArrayNode raw = forks.length == 0 ? JSON.createArrayNode() : pm.putArray("rawData");
        for (double[] f : forks) {
            ArrayNode a = raw.addArray();
            Arrays.stream(f).forEach(a::add);
        }
        return r;
    }

    @BeforeEach
    void buildRun() throws IOException {
        // Each fork steady, the two 40% apart; JMH's pooled error is 5 ns.
        row("VerifyBenchmark.verify_valid", "avgt", 5, "ns/op", Map.of("library", "NIMBUS", "alg", "HS256"),
                new double[] {1000, 1001, 999, 1000}, new double[] {1400, 1401, 1399, 1400});
        row("VerifyBenchmark.verify_valid", "avgt", 2, "ns/op", Map.of("library", "JJWT", "alg", "HS256"),
                new double[] {900, 902, 898, 900}, new double[] {905, 903, 907, 905}, new double[] {899, 901, 900, 900});
        // Both forks climb 140 ns (13% of their mean) across their iterations: not steady.
        double[] climb = {1000, 1020, 1040, 1060, 1080, 1100, 1120, 1140};
        row("VerifyBenchmark.verify_valid", "avgt", 20, "ns/op", Map.of("library", "AUTH0", "alg", "HS256"), climb,
                climb.clone());
        row("CryptoFloorBenchmark.floor_jwsSignature", "avgt", 1, "ns/op", Map.of("alg", "HS256"),
                new double[] {500, 501, 499, 500}, new double[] {502, 503, 501, 502}, new double[] {499, 500, 498, 499});
        ObjectNode lookup = row("ApiKeyLookupBenchmark.lookup_hit", "sample", 0.001, "us/op", Map.of("store", "HASHED"));
        ArrayNode histograms = ((ObjectNode) lookup.get("primaryMetric")).putArray("rawDataHistogram");
        for (double v : new double[] {0.18, 0.19}) {
            ArrayNode fork = histograms.addArray();
            for (int i = 0; i < 3; i++) {
                fork.addArray().add(JSON.createArrayNode().add(v).add(100));
            }
        }
        ((ObjectNode) lookup.get("primaryMetric")).put("score", 0.185);
        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(rows));
        ObjectNode manifest = JSON.createObjectNode().put("formatVersion", 1).put("profile", "standard")
                .put("status", "finished");
        manifest.putObject("cpu").put("model", "Example CPU 9000");
        manifest.putObject("hostNoise").put("readings", 12).put("medianMs", 4.1).put("spread", 1.07)
                .put("stealShare", 0.002);
        Files.writeString(run.resolve("manifest.json"), JSON.writeValueAsString(manifest));
    }

    private String[] cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void forksThatDisagreeGiveAWideIntervalWhereJmhsErrorWasSmall() throws IOException {
        String md = ReportTest.reportMarkdown(run);
        List<String> nimbus = table(md, "HS256:").stream().filter(l -> l.get(1).startsWith("NIMBUS")).findFirst().orElseThrow();
        double[] expected = ForkIntervals.of(rows.get(0));
        ReportTest.assertEstimate(nimbus.get(2), expected);
        assertThat(expected[1]).isGreaterThan(100 * 5);
        assertThat(md).contains("| group | library | ns/op ± 95% CI over forks |");
        // JMH's own figure stays in the CSV beside the interval the report states.
        List<String> csv = Files.readAllLines(run.resolve("summary.csv"));
        List<String> header = List.of(csv.get(0).split(","));
        String[] line = csv.stream().filter(l -> l.contains("NIMBUS")).findFirst().orElseThrow().split(",");
        assertThat(Double.parseDouble(line[header.indexOf("ns_per_op_error")])).isEqualTo(5);
        assertThat(Double.parseDouble(line[header.indexOf("ns_per_op_ci95_half_width")])).isCloseTo(expected[1],
                within(expected[1] * 1e-5));
        assertThat(line[header.indexOf("forks_measured")]).isEqualTo("2");
    }

    @Test
    void aRatioAcrossModesIsRefusedAndRatiosInOneModeAreResampled() throws IOException {
        String md = ReportTest.reportMarkdown(run);
        assertThat(md).contains("HS256 verify against an in-memory HASHED key lookup: not comparable: AverageTime vs "
                + "SampleTime");
        List<String> jjwt = table(md, "HS256:").stream().filter(l -> l.get(1).equals("JJWT")).findFirst().orElseThrow();
        ReportTest.assertRatio(jjwt.get(5), rows.get(1), rows.get(3));
    }

    @Test
    void aRowThatDidNotSettleIsMarkedAndListedWithItsReason() throws IOException {
        String md = ReportTest.reportMarkdown(run);
        // AUTH0 drifts within its forks; NIMBUS's two forks settled 40% apart.
        assertThat(table(md, "HS256:")).extracting(l -> l.get(1)).contains("AUTH0 †", "NIMBUS †", "JJWT");
        String precision = md.substring(md.indexOf("## Precision"), md.indexOf("## Summary"));
        assertThat(precision).containsPattern("library=AUTH0[^\\n]*\\(avgt\\): not steady: 2 of 2 forks drift \\(up to "
                + "\\+13% across the iterations\\)")
                .containsPattern("library=NIMBUS[^\\n]*\\(avgt\\): forks split: 1 around 1000, 1 around 1400");
    }

    @Test
    void theHostsNoiseIsWarnedAboutAndTheCpuNamed() throws IOException {
        String md = ReportTest.reportMarkdown(run);
        String precision = md.substring(md.indexOf("## Precision"), md.indexOf("## Summary"));
        assertThat(precision).contains("WARNING: the host's own speed moved 7.0% during this run: intervals below that "
                + "are not to be trusted.").contains("measured on Example CPU 9000");
        // A quiet host, or a target looser than its noise, gives no warning.
        ObjectNode manifest = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        manifest.put("precisionTarget", 0.10);
        Files.writeString(run.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        assertThat(ReportTest.reportMarkdown(run)).doesNotContain("WARNING: the host's own speed");
    }

    @Test
    void theFiguresAgreeWithTheRowsInTheSectionAndFromTheCommandLine() throws IOException {
        List<Double> relative = new ArrayList<>();
        for (JsonNode r : rows) {
            double[] i = ForkIntervals.of(r);
            relative.add(i[1] / i[0]);
        }
        relative.sort(null);
        double median = relative.get(2); // five rows: the third
        String[] r = cli("report", "--precision", "json", run.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode json = JSON.readTree(r[1]);
        assertThat(json.get("medianRelativeHalfWidth").asDouble()).isCloseTo(median, within(1e-9));
        assertThat(json.get("rows").asInt()).isEqualTo(5);
        assertThat(json.get("aboveTarget")).extracting(n -> n.get("name").asText())
                .anyMatch(n -> n.contains("library=NIMBUS")).noneMatch(n -> n.contains("JJWT"));
        assertThat(json.get("notSettled")).hasSize(2);
        assertThat(json.at("/host/tooNoisy").asBoolean()).isTrue();
        String md = ReportTest.reportMarkdown(run);
        assertThat(md).contains("precision: median relative half-width " + Precision.pct(median));
        String[] text = cli("report", "--precision", "text", run.toString());
        assertThat(text[1]).startsWith("precision: median relative half-width " + Precision.pct(median));
    }

    @Test
    void anUnknownPrecisionFormatIsOneLineAndExitTwo() {
        String[] r = cli("report", "--precision", "xml", run.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).doesNotContain("\n").contains("--precision takes text or json");
    }
}
