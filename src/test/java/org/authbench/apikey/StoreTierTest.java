package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.refusal;

import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.ApiKeyFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every store tier against its real storage (PostgreSQL and Redis on the servers named by the environment):
 * stores, finds, misses, refuses bad checksums, revoked and expired keys, revokes, and after close() leaves
 * nothing of its namespace behind; two namespaces used at once do not see each other.
 */
class StoreTierTest {

    private static final ApiKeyFixture FIXTURE = ApiKeyFixture.create(3000, 64, 7);
    private static ApiKeyStore openLoaded(StoreKind kind, StoreOptions options) {
        Servers.require(kind, options);
        ApiKeyStore store = kind.open(options);
        store.load(FIXTURE.issued());
        return store;
    }


    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void findsMissesRevokesAndCleansUp(StoreKind kind) throws Exception {
        StoreOptions options = StoreOptions.defaults();
        String[] hits = FIXTURE.hits();
        try (ApiKeyStore store = openLoaded(kind, options)) {
            for (int i = 0; i < hits.length; i++) {
                assertThat(store.authenticate(hits[i])).as("hit %d", i).isEqualTo(FIXTURE.hitPrincipal(i));
            }
            for (String miss : FIXTURE.misses()) {
                assertThat(refusal(store, miss)).isEqualTo(Reason.UNKNOWN_KEY);
            }
            for (String bad : FIXTURE.badChecksums()) {
                assertThat(refusal(store, bad)).isEqualTo(Reason.BAD_CHECKSUM);
            }
            for (String revoked : FIXTURE.revoked()) {
                assertThat(refusal(store, revoked)).isEqualTo(Reason.REVOKED);
            }
            assertThat(refusal(store, FIXTURE.expired())).isEqualTo(Reason.KEY_EXPIRED);

            store.revoke(FIXTURE.hitPrincipal(0).credentialId());
            assertThat(refusal(store, hits[0])).isEqualTo(Reason.REVOKED);
            for (int i = 1; i < hits.length; i++) {
                if (!hits[i].equals(hits[0])) {
                    assertThat(store.authenticate(hits[i])).isEqualTo(FIXTURE.hitPrincipal(i));
                }
            }
            assertThat(Servers.namespaceExists(kind, options)).as("namespace while open").isEqualTo(
                    kind != StoreKind.PLAIN && kind != StoreKind.HASHED);
        }
        assertThat(Servers.namespaceExists(kind, options)).as("namespace after close").isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"CAFFEINE", "H2", "POSTGRES", "REDIS"})
    void twoNamespacesAtOnceDoNotCollide(StoreKind kind) throws Exception {
        StoreOptions a = StoreOptions.defaults();
        StoreOptions b = StoreOptions.defaults();
        String[] hits = FIXTURE.hits();
        // Same keys, same ids in both: a shared namespace would fail on the unique index or mix revocations.
        try (ApiKeyStore first = openLoaded(kind, a)) {
            try (ApiKeyStore second = openLoaded(kind, b)) {
                first.revoke(FIXTURE.hitPrincipal(0).credentialId());
                assertThat(refusal(first, hits[0])).isEqualTo(Reason.REVOKED);
                assertThat(second.authenticate(hits[0])).isEqualTo(FIXTURE.hitPrincipal(0));
            }
            assertThat(Servers.namespaceExists(kind, b)).isFalse();
            assertThat(Servers.namespaceExists(kind, a)).isTrue();
            assertThat(first.authenticate(hits[1])).isEqualTo(FIXTURE.hitPrincipal(1));
        }
        assertThat(Servers.namespaceExists(kind, a)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"POSTGRES", "REDIS"})
    void aNamespaceInUseIsRefusedAndLeftIntact(StoreKind kind) throws Exception {
        StoreOptions options = StoreOptions.defaults();
        try (ApiKeyStore first = openLoaded(kind, options)) {
            assertThatThrownBy(() -> kind.open(options)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(options.namespace());
            assertThat(first.authenticate(FIXTURE.hits()[0])).isEqualTo(FIXTURE.hitPrincipal(0));
        }
        assertThat(Servers.namespaceExists(kind, options)).isFalse();
    }
}
