package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.regress.CliRun.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare --export}: github-action-benchmark and Bencher files written from the head run. */
class ExportTest {

    private static final String TIME = "VerifyBenchmark.verify_valid alg=HS256 library=REFERENCE poolSize=256 (avgt)";
    private static final String THROUGHPUT = "ApiKeyLookupBenchmark.lookup_hit poolSize=1024 size=100000 store=HASHED (thrpt)";

    @Test
    void githubSmallerIsBetterHoldsEveryRowAsTimePerOperation(@TempDir Path tmp) throws IOException {
        JsonNode out = export(tmp, "github-smaller");
        assertThat(out.isArray()).isTrue();
        JsonNode thr = entry(out, THROUGHPUT);
        // About 4 ops/us = 4e6 ops/s, so about 250 ns per operation.
        assertThat(thr.get("unit").asText()).isEqualTo("ns/op");
        assertThat(thr.get("value").asDouble()).isBetween(240.0, 260.0);
        assertThat(thr.get("range").asText()).startsWith("± ");
        assertThat(entry(out, TIME).get("value").asDouble()).isBetween(980.0, 1020.0);
        assertThat(entry(out, TIME + " · allocation").get("unit").asText()).isEqualTo("B/op");
    }

    @Test
    void githubBiggerIsBetterHoldsThroughputAndLeavesAllocationOut(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("bigger.json");
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("base.json"), "--export", "github-bigger",
                "--export-file", file.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("github-bigger cannot hold " + TIME + " · allocation");
        JsonNode out = CliRun.JSON.readTree(file.toFile());
        JsonNode time = entry(out, TIME);
        assertThat(time.get("unit").asText()).isEqualTo("ops/s");
        assertThat(time.get("value").asDouble()).isBetween(0.98e6, 1.02e6);
        assertThat(entry(out, THROUGHPUT).get("value").asDouble()).isBetween(3.9e6, 4.1e6);
        for (JsonNode e : out) {
            assertThat(e.get("name").asText()).doesNotContain("allocation");
        }
    }

    @Test
    void bencherUsesItsBuiltInMeasuresWithBounds(@TempDir Path tmp) throws IOException {
        JsonNode out = export(tmp, "bencher");
        JsonNode latency = out.get(TIME).get("latency");
        assertThat(latency.get("lower_value").asDouble()).isLessThan(latency.get("value").asDouble());
        assertThat(latency.get("upper_value").asDouble()).isGreaterThan(latency.get("value").asDouble());
        assertThat(out.get(TIME).get("allocation").get("value").asDouble()).isBetween(511.0, 513.0);
        assertThat(out.get(THROUGHPUT).get("throughput").get("value").asDouble()).isBetween(3.9e6, 4.1e6);
        assertThat(out.get(THROUGHPUT).has("latency")).isFalse();
    }

    private static JsonNode export(Path tmp, String format) throws IOException {
        Path file = tmp.resolve(format + ".json");
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("base.json"), "--export", format,
                "--export-file", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return CliRun.JSON.readTree(file.toFile());
    }

    private static JsonNode entry(JsonNode array, String name) {
        for (JsonNode e : array) {
            if (e.get("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no entry " + name + " in " + array);
    }
}
