package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.Servers;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.fixture.ApiKeyFixture;
import org.authbench.revocation.DenylistKind;
import org.junit.jupiter.api.Test;

/** A trial at an rtt other than direct opens its delay proxy first and closes it after the store, on every path. */
class StoreTrialRttTest {

    private static final ApiKeyFixture F = ApiKeyFixture.create(500, 64, 17);

    @Test
    void aRemoteStoreRunsThroughTheProxyWhichTeardownCloses() {
        StoreOptions o = StoreOptions.defaults();
        Servers.require(StoreKind.REDIS, o);
        int before = StoreTrial.openProxies();
        ApiKeyStore store = StoreTrial.open(StoreKind.REDIS, o, F, "0us");
        assertThat(StoreTrial.openProxies()).isEqualTo(before + 1);
        StoreTrial.close(store);
        assertThat(StoreTrial.openProxies()).isEqualTo(before);
    }

    @Test
    void aCacheOverPostgresGoesThroughTheProxyToo() {
        StoreOptions o = StoreOptions.defaults().withCache(0.5, StoreKind.POSTGRES);
        Servers.require(StoreKind.POSTGRES, o);
        int before = StoreTrial.openProxies();
        ApiKeyStore store = StoreTrial.open(StoreKind.CAFFEINE, o, F, "100us");
        assertThat(StoreTrial.openProxies()).isEqualTo(before + 1);
        StoreTrial.close(store);
        assertThat(StoreTrial.openProxies()).isEqualTo(before);
    }

    @Test
    void aStoreThatCannotOpenThroughTheProxyClosesIt() {
        // Nothing listens behind the proxy: the store's connection fails, and the proxy must not outlive it.
        StoreOptions o = StoreOptions.defaults().withRedisUrl("redis://127.0.0.1:" + Servers.unusedLoopbackPort());
        int before = StoreTrial.openProxies();
        assertThatThrownBy(() -> StoreTrial.open(StoreKind.REDIS, o, F, "1ms")).isInstanceOf(RuntimeException.class);
        assertThat(StoreTrial.openProxies()).isEqualTo(before);
    }

    @Test
    void inProcessTiersRefuseARoundTripBeforeOpeningAnything() {
        int before = StoreTrial.openProxies();
        assertThatThrownBy(() -> StoreTrial.open(StoreKind.HASHED, StoreOptions.defaults(), F, "500us"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("rtt 500us needs a remote store: hashed has no network hop");
        assertThatThrownBy(() -> StoreTrial.open(StoreKind.CAFFEINE, StoreOptions.defaults(), F, "1ms"))
                .hasMessageContaining("caffeine over h2 has no network hop");
        assertThatThrownBy(() -> StoreTrial.open(StoreKind.REDIS, StoreOptions.defaults(), F, "-1ms"))
                .hasMessageContaining("negative");
        assertThat(StoreTrial.openProxies()).isEqualTo(before);
    }

    @Test
    void theRedisDenylistRunsThroughTheProxyAndClosesIt() {
        StoreOptions o = StoreOptions.defaults();
        Servers.require(StoreKind.REDIS, o);
        DenylistTrial.Opened d = DenylistTrial.open(DenylistKind.REDIS, o, java.time.Clock.systemUTC(), "0us");
        assertThat(d.proxy().isOpen()).isTrue();
        d.list().deny("jti-1", java.time.Instant.now().getEpochSecond() + 60);
        assertThat(d.list().contains("jti-1")).isTrue();
        d.close();
        assertThat(d.proxy().isOpen()).isFalse();
        assertThatThrownBy(() -> DenylistTrial.open(DenylistKind.IN_PROCESS, o, java.time.Clock.systemUTC(), "1ms"))
                .hasMessageContaining("in_process has no network hop");
    }
}
