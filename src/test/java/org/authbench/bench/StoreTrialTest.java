package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.fixture.ApiKeyFixture;
import org.junit.jupiter.api.Test;

/**
 * A store's proof before timing: it takes a store that refuses every revoked pool key and the expired key for those
 * reasons, and refuses a store that does not (one that ignores expiry, or knows only one revoked key).
 */
class StoreTrialTest {

    private static final ApiKeyFixture F = ApiKeyFixture.create(2_000, 64, 13);

    /** The hashed tier loaded with the fixture's keys, {@code edit} applied to each record first. */
    private static ApiKeyStore hashed(UnaryOperator<IssuedKey> edit) {
        List<IssuedKey> keys = new ArrayList<>();
        for (IssuedKey k : F.issued()) {
            keys.add(edit.apply(k));
        }
        ApiKeyStore store = StoreKind.HASHED.open(StoreOptions.defaults());
        store.load(keys);
        return store;
    }

    private static IssuedKey withRecord(IssuedKey k, ApiKeyRecord.Status status, long expiresAt) {
        ApiKeyRecord r = k.record();
        return new IssuedKey(k.key(), new ApiKeyRecord(r.id(), r.owner(), r.sha256(), status, expiresAt));
    }

    @Test
    void anHonestStorePasses() {
        try (ApiKeyStore store = hashed(k -> k)) {
            assertThatCode(() -> StoreTrial.prove("hashed", store, F)).doesNotThrowAnyException();
        }
    }

    @Test
    void aStoreThatNeverSeesTheExpiryFails() {
        try (ApiKeyStore store = hashed(k -> k.key().equals(F.expired())
                ? withRecord(k, k.record().status(), Long.MAX_VALUE) : k)) {
            assertThatThrownBy(() -> StoreTrial.prove("hashed", store, F)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("store hashed: ACCEPTED credential #0");
        }
    }

    @Test
    void aStoreThatKnowsOnlyOneRevokedKeyFails() {
        Set<String> stillActive = Arrays.stream(F.revoked()).skip(1).collect(Collectors.toSet());
        try (ApiKeyStore store = hashed(k -> stillActive.contains(k.key())
                ? withRecord(k, ApiKeyRecord.Status.ACTIVE, k.record().expiresAt()) : k)) {
            assertThatThrownBy(() -> StoreTrial.prove("hashed", store, F)).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("store hashed: ACCEPTED credential #1");
        }
    }
}
