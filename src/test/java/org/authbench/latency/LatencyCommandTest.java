package org.authbench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.authbench.cli.Main;
import org.authbench.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code authbench latency} end to end: its files read back with HdrHistogram's own reader, and bad input. */
class LatencyCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path runDir;

    @Test
    void writesHlogHgrmAndSummaryForAFixedRate() throws Exception {
        Cli.Result o = Cli.run("latency", "--scheme", "apikey:hashed", "--rate", "2000", "--duration", "1500ms",
                "--warmup", "300ms", "--out", runDir.toString());
        assertThat(o.exit()).as(o.err()).isZero();

        JsonNode summary = JSON.readTree(runDir.resolve("latency/summary.json").toFile());
        assertThat(summary.get("bound_ms").asDouble()).isEqualTo(1.0);
        JsonNode scheme = summary.get("schemes").get(0);
        assertThat(scheme.get("scheme").asText()).isEqualTo("apikey:hashed");
        assertThat(scheme.get("calibratedMaxRate").isNull()).isTrue();
        JsonNode rate = scheme.get("rates").get(0);
        assertThat(rate.get("intendedRate").asDouble()).isEqualTo(2000);
        assertThat(rate.get("achievedRate").asDouble()).isCloseTo(2000, within(100.0));
        for (String kind : List.of("response", "service")) {
            JsonNode p = rate.get(kind);
            assertThat(p.get("p50_us").asDouble()).isPositive()
                    .isLessThanOrEqualTo(p.get("p99_us").asDouble());
            assertThat(p.get("p99_us").asDouble()).isLessThanOrEqualTo(p.get("p99_99_us").asDouble());
            assertThat(p.get("p99_99_us").asDouble()).isLessThanOrEqualTo(p.get("max_us").asDouble());
        }

        // The .hlog, read back by HdrHistogram's reader: response (untagged) and service intervals add up to every request.
        Path hlog = runDir.resolve(rate.get("hlog").asText());
        List<Histogram> response = new ArrayList<>();
        List<Histogram> service = new ArrayList<>();
        try (HistogramLogReader reader = new HistogramLogReader(hlog.toFile())) {
            EncodableHistogram h;
            while ((h = reader.nextIntervalHistogram()) != null) {
                (OpenLoopDriver.SERVICE_TAG.equals(h.getTag()) ? service : response).add((Histogram) h);
            }
        }
        assertThat(response).hasSizeGreaterThanOrEqualTo(2).hasSameSizeAs(service);
        long completed = rate.get("completed").asLong();
        assertThat(response.stream().mapToLong(Histogram::getTotalCount).sum()).isEqualTo(completed);
        assertThat(service.stream().mapToLong(Histogram::getTotalCount).sum()).isEqualTo(completed);

        String hgrm = Files.readString(runDir.resolve(rate.get("hgrm").asText()));
        assertThat(hgrm).contains("Value     Percentile TotalCount 1/(1-Percentile)").contains("#[Max     =");
        assertThat(runDir.resolve(rate.get("serviceHgrm").asText())).exists();
        assertThat(Files.readString(runDir.resolve("latency/summary.md"))).contains("## apikey:hashed");

        Cli.Result again = Cli.run("latency", "--scheme", "apikey:hashed", "--rate", "1000", "--duration", "1s",
                "--out", runDir.toString());
        assertThat(again.exit()).isEqualTo(Main.USAGE);
        assertThat(again.err()).contains("never overwritten");
    }

    @Test
    void rateFractionsAreOfTheCalibratedMaximum() throws Exception {
        Cli.Result o = Cli.run("latency", "--scheme", "jwt:reference:HS256", "--rate-fraction", "0.02", "--duration", "500ms",
                "--warmup", "200ms", "--calibration", "1s", "--out", runDir.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("calibration (closed loop");

        JsonNode scheme = JSON.readTree(runDir.resolve("latency/summary.json").toFile()).get("schemes").get(0);
        double max = scheme.get("calibratedMaxRate").asDouble();
        JsonNode rate = scheme.get("rates").get(0);
        assertThat(max).isPositive();
        assertThat(rate.get("fraction").asDouble()).isEqualTo(0.02);
        assertThat(rate.get("intendedRate").asDouble()).isCloseTo(0.02 * max, within(1.0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "--scheme apikey:hashed --rate -5",
        "--scheme apikey:hashed --rate 0",
        "--scheme nosuch:thing --rate 100",
        "--scheme jwt:nosuch:HS256 --rate 100",
        "--scheme apikey:hashed --rate 100 --duration 0s",
        "--scheme apikey:hashed --rate 100 --duration soon",
        "--scheme apikey:hashed --rate 100 --rate-fraction 0.5",
        "--scheme apikey:hashed --rate 100,100",
        "--scheme apikey:hashed --rate 100 --threads 0",
        "--scheme apikey:hashed --rate 100 --out does/not/exist",
    })
    void badArgumentsGiveOneLineAndExitTwo(String args) {
        List<String> argv = new ArrayList<>(List.of("latency"));
        argv.addAll(List.of(args.split(" ")));
        Cli.Result o = Cli.run(argv.toArray(String[]::new));
        assertThat(o.exit()).as(o.err()).isEqualTo(Main.USAGE);
        assertThat(o.err().strip()).startsWith("authbench: ").doesNotContain("\n").doesNotContain("Exception");
    }
}
