package org.authbench.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.authbench.apikey.StoreKind;
import org.authbench.runfiles.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibrated proxy delays travel from network.json to the forks, and a fork without them runs the nominal delay. */
class ProxyDelaysTest {

    private static final Network.Percentiles P = new Network.Percentiles(100, 10, 20, 30);

    @Test
    void theCalibratedDelaysReachTheForkAndTheNominalOneIsTheDefault(@TempDir Path run) throws IOException {
        Network n = new Network("netcrusher", "0.10", "why", List.of(
                new Network.Setting("REDIS", "0us", 0, P, P, true),
                new Network.Setting("REDIS", "500us", 500, P, P, true, 279.3),
                new Network.Setting("POSTGRES", "1ms", 1000, P, P, true, 766.3)), Map.of(), Map.of());
        n.write(run);
        Network back = Network.read(run);
        assertThat(back.setting("REDIS", "500us").proxyDelayMicros()).isEqualTo(279.3);
        String property = ProxyDelays.property(back);
        assertThat(property).isEqualTo("REDIS@500us=279300;POSTGRES@1ms=766300");
        String before = System.getProperty(ProxyDelays.PROPERTY);
        try {
            System.setProperty(ProxyDelays.PROPERTY, property);
            assertThat(ProxyDelays.forFork(StoreKind.REDIS, Rtt.parse("500us"))).isEqualTo(279_300);
            assertThat(ProxyDelays.forFork(StoreKind.POSTGRES, Rtt.parse("1ms"))).isEqualTo(766_300);
            // A setting the calibration did not correct runs at its nominal delay.
            assertThat(ProxyDelays.forFork(StoreKind.REDIS, Rtt.parse("2ms"))).isEqualTo(2_000_000);
            System.clearProperty(ProxyDelays.PROPERTY);
            assertThat(ProxyDelays.forFork(StoreKind.REDIS, Rtt.parse("500us"))).isEqualTo(500_000);
        } finally {
            if (before != null) {
                System.setProperty(ProxyDelays.PROPERTY, before);
            }
        }
    }

    @Test
    void aFileWithoutTheProxyDelayReadsAsTheNominalOneAndAMalformedPropertyIsNamed() {
        assertThat(new Network.Setting("REDIS", "1ms", 1000, P, P, true).proxyDelayMicros()).isEqualTo(1000);
        assertThatThrownBy(() -> ProxyDelays.parse("REDIS@1ms=abc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("REDIS@1ms=abc");
    }
}
