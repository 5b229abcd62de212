package org.authbench.latency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.authbench.apikey.Servers;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.net.ProxyDelays;
import org.authbench.runfiles.Network;
import org.authbench.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code latency --rtt --pool}: the round trip shows in the service time, and the summary records both. */
class LatencyRttTest {

    @TempDir
    Path runDir;

    @Test
    void aRedisSchemeThroughTheProxyRecordsItsRoundTripAndPool() throws Exception {
        Servers.require(StoreKind.REDIS, StoreOptions.defaults());
        Cli.Result o = Cli.run("latency", "--scheme", "apikey:redis", "--rate", "200", "--duration", "1s", "--warmup",
                "200ms", "--rtt", "2ms", "--pool", "1", "--p99-bound", "50ms", "--out", runDir.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(runDir.resolve("latency/summary.json").toFile());
        assertThat(summary.get("rtt").asText()).isEqualTo("2ms");
        assertThat(summary.get("pool").asInt()).isEqualTo(1);
        assertThat(Files.readString(runDir.resolve("latency/summary.md"))).contains("rtt 2ms, 1 pooled connection");
        JsonNode service = summary.get("schemes").get(0).get("rates").get(0).get("service");
        // Every request crossed the 2 ms proxy: even the median service time holds the round trip.
        assertThat(service.get("p50_us").asDouble()).isGreaterThan(2000);
    }

    /** Into a run folder whose calibration set the proxy to 6 ms for a 2ms setting, the proxy runs at 6 ms. */
    @Test
    void intoARunFolderTheProxyRunsAtTheDelayItsCalibrationFound() throws Exception {
        Servers.require(StoreKind.REDIS, StoreOptions.defaults());
        Network.Percentiles p = new Network.Percentiles(100, 10, 20, 30);
        new Network("netcrusher", "0.10", "why", List.of(new Network.Setting("REDIS", "2ms", 2000, p, p, true, 6000)),
                Map.of(), Map.of()).write(runDir);
        Cli.Result o = Cli.run("latency", "--scheme", "apikey:redis", "--rate", "50", "--duration", "1s", "--warmup",
                "200ms", "--rtt", "2ms", "--pool", "1", "--p99-bound", "50ms", "--out", runDir.toString());
        assertThat(o.exit()).as(o.err()).isZero();
        assertThat(o.out()).contains("rtt 2ms: proxy delays as calibrated in");
        JsonNode service = new ObjectMapper().readTree(runDir.resolve("latency/summary.json").toFile())
                .get("schemes").get(0).get("rates").get(0).get("service");
        assertThat(service.get("p50_us").asDouble()).isGreaterThan(6000);
        assertThat(System.getProperty(ProxyDelays.PROPERTY)).as("restored after the command").isNull();
    }

    @Test
    void badRoundTripsPoolsAndInProcessSchemesAreOneLineExitTwo() {
        for (String[] args : new String[][] {
                {"--scheme", "apikey:redis", "--rtt", "-2ms"},
                {"--scheme", "apikey:redis", "--pool", "0"},
                {"--scheme", "apikey:hashed", "--rtt", "1ms"}}) {
            String[] full = new String[args.length + 1];
            full[0] = "latency";
            System.arraycopy(args, 0, full, 1, args.length);
            Cli.Result r = Cli.run(full);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.errLines()).as(String.join(" ", args)).hasSize(1);
            assertThat(r.err()).doesNotContain("Exception");
        }
    }
}
