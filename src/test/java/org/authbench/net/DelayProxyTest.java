package org.authbench.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.authbench.apikey.Servers;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.runfiles.Network;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The injector against the real Redis and PostgreSQL on loopback. */
class DelayProxyTest {

    private final StoreOptions options = StoreOptions.defaults();

    @Test
    void relaysToRedisAndAddsTheDelayThenFreesItsPort() {
        Servers.require(StoreKind.REDIS, options);
        Remote redis = Remote.ofRedisUrl(options.redisUrl());
        int port;
        try (DelayProxy p = DelayProxy.open(Rtt.parse("2ms"), 0, redis.host(), redis.port())) {
            port = p.address().getPort();
            assertThat(p.isOpen()).isTrue();
            Network.Percentiles through = Ping.redis("127.0.0.1", port, 50);
            // Each direction waits at least its half: a round trip under 2 ms would mean no delay was added.
            assertThat(through.p50Micros()).isGreaterThanOrEqualTo(2000);
            p.close();
            assertThat(p.isOpen()).isFalse();
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void aBusyPortIsOneLineNamingIt() throws IOException {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> DelayProxy.open(Rtt.parse("1ms"), 0, "127.0.0.1", 6379, busy.getLocalPort()))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageStartingWith("delay proxy cannot bind 127.0.0.1:" + busy.getLocalPort())
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void calibrationWritesEachSettingWithItsVerdictAndTheStoreCost(@TempDir Path dir) throws IOException {
        Servers.require(StoreKind.REDIS, options);
        List<String> log = new ArrayList<>();
        Network n = Calibration.run(List.of(StoreKind.REDIS), List.of(Rtt.DIRECT, Rtt.parse("0us"), Rtt.parse("2ms")),
                options, 200, 2000, log::add);
        n.write(dir);
        Network back = Network.read(dir);
        assertThat(back.injector()).isEqualTo("netcrusher");
        assertThat(back.injectorWhy()).isNotBlank();
        assertThat(back.settings()).extracting(Network.Setting::rtt).containsExactly("0us", "2ms");
        Network.Setting zero = back.setting("REDIS", "0us");
        assertThat(zero.held()).isTrue();
        assertThat(zero.direct().samples()).isEqualTo(200);
        Network.Setting two = back.setting("REDIS", "2ms");
        assertThat(two.addedP50Micros()).isGreaterThan(1000);
        assertThat(two.held()).isEqualTo(Math.abs(two.addedP50Micros() - 2000) <= 200);
        assertThat(back.storeCost().get("REDIS").cpuMicrosPerLookup()).isPositive();
        assertThat(log).anyMatch(l -> l.startsWith("calibration redis 2ms:"));
    }

    @Test
    void aStoreUnreachableThroughTheInjectorIsSkippedWithItsReason() {
        StoreOptions nowhere = options.withRedisUrl("redis://127.0.0.1:" + Servers.unusedLoopbackPort());
        Network n = Calibration.run(List.of(StoreKind.REDIS), List.of(Rtt.parse("1ms")), nowhere, 10, 10, l -> { });
        assertThat(n.settings()).isEmpty();
        assertThat(n.skipped()).containsKey("REDIS");
    }

    @Test
    void postgresCostIsReadFromItsBackendsOnThisHost() throws IOException {
        Servers.require(StoreKind.POSTGRES, options);
        Network.StoreCost c = Calibration.postgresCost(options, Remote.ofPostgresUrl(options.postgresUrl()), 3000);
        assertThat(c).isNotNull();
        assertThat(c.source()).contains("/proc");
        assertThat(Calibration.postgresCost(options, new Remote("pg.elsewhere", 5432), 10)).isNull();
    }
}
