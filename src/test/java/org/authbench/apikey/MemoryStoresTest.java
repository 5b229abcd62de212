package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;

import java.util.List;
import org.assertj.core.api.Assertions;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemoryStoresTest {

    private static final ApiKeyFixture FIXTURE = ApiKeyFixture.create(2_000, 64, 3);

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"PLAIN", "HASHED"})
    void findsMissesRefusesAndRevokes(StoreKind kind) throws Rejected {
        try (ApiKeyStore store = kind.open(StoreOptions.defaults())) {
            store.load(FIXTURE.issued());
            String[] hits = FIXTURE.hits();
            for (int i = 0; i < hits.length; i++) {
                assertThat(store.authenticate(hits[i])).isEqualTo(FIXTURE.hitPrincipal(i));
            }
            for (String miss : FIXTURE.misses()) {
                assertRejected(store, miss, Rejected.Reason.UNKNOWN_KEY);
            }
            for (String bad : FIXTURE.badChecksums()) {
                assertRejected(store, bad, Rejected.Reason.BAD_CHECKSUM);
            }
            for (String revoked : FIXTURE.revoked()) {
                assertRejected(store, revoked, Rejected.Reason.REVOKED);
            }

            String victim = hits[0];
            store.revoke(FIXTURE.hitPrincipal(0).credentialId());
            assertRejected(store, victim, Rejected.Reason.REVOKED);
            assertThat(store.authenticate(hits[1])).isEqualTo(FIXTURE.hitPrincipal(1));
        }
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"PLAIN", "HASHED"})
    void refusesExpiredKeys(StoreKind kind) {
        var k = FIXTURE.issued().get(5);
        var expired = new IssuedKey(k.key(), new ApiKeyRecord(k.record().id(), k.record().owner(), k.record().sha256(),
                ApiKeyRecord.Status.ACTIVE, System.currentTimeMillis() / 1000 - 1));
        try (ApiKeyStore store = kind.open(StoreOptions.defaults())) {
            store.load(List.of(expired));
            assertRejected(store, k.key(), Rejected.Reason.KEY_EXPIRED);
        }
    }

    /** A key with an expiry is checked against the clock (only never-expiring keys skip it) and passes until then. */
    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"PLAIN", "HASHED"})
    void acceptsAKeyUntilItsExpiry(StoreKind kind) throws Rejected {
        var k = FIXTURE.issued().get(6);
        var expiring = new IssuedKey(k.key(), new ApiKeyRecord(k.record().id(), k.record().owner(), k.record().sha256(),
                ApiKeyRecord.Status.ACTIVE, System.currentTimeMillis() / 1000 + 3600));
        try (ApiKeyStore store = kind.open(StoreOptions.defaults())) {
            store.load(List.of(expiring));
            Assertions.assertThat(store.authenticate(k.key()).credentialId()).isEqualTo(k.record().id());
        }
    }

}
