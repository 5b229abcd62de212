package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * A stopped server gives one clear line, from {@code unavailableReason()} (the run's skip message) and from
 * {@code open()}. Simulated with an unused loopback port; the real servers are never stopped.
 */
class UnavailableServerTest {

    private final int port = Servers.unusedLoopbackPort();
    private final StoreOptions options = StoreOptions.defaults()
            .withPostgresUrl("jdbc:postgresql://127.0.0.1:" + port + "/postgres")
            .withRedisUrl("redis://127.0.0.1:" + port);

    @Test
    void postgres() {
        String expected = "no PostgreSQL at 127.0.0.1:" + port + ": Connection refused";
        assertThat(StoreKind.POSTGRES.unavailableReason(options)).isEqualTo(expected);
        assertThatThrownBy(() -> StoreKind.POSTGRES.open(options)).isInstanceOf(StoreUnavailableException.class)
                .hasMessage(expected);
    }

    @Test
    void redis() {
        String expected = "no Redis at 127.0.0.1:" + port + ": Connection refused";
        assertThat(StoreKind.REDIS.unavailableReason(options)).isEqualTo(expected);
        assertThatThrownBy(() -> StoreKind.REDIS.open(options)).isInstanceOf(StoreUnavailableException.class)
                .hasMessage(expected);
    }

    @Test
    void cacheInFrontOfAMissingServerIsUnavailableForTheSameReason() {
        StoreOptions cached = options.withCache(1.0, StoreKind.REDIS);
        assertThat(StoreKind.CAFFEINE.unavailableReason(cached)).isEqualTo("no Redis at 127.0.0.1:" + port
                + ": Connection refused");
    }

    @Test
    void embeddedTiersNeedNoServer() {
        for (StoreKind k : new StoreKind[] {StoreKind.PLAIN, StoreKind.HASHED, StoreKind.H2, StoreKind.CAFFEINE}) {
            assertThat(k.unavailableReason(options)).as(k.cliName()).isNull();
        }
    }
}
