package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.StoreKind;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.junit.jupiter.api.Test;

/** {@code lookup_revoked} walks a pool of distinct revoked keys, as the other paths walk theirs. */
class ApiKeyLookupBenchmarkTest {

    /** Passes every call on, keeping the keys presented. */
    private static final class Recording implements ApiKeyStore {
        final ApiKeyStore inner;
        final List<String> presented = new ArrayList<>();

        Recording(ApiKeyStore inner) {
            this.inner = inner;
        }

        @Override
        public Principal authenticate(String credential) throws Rejected {
            presented.add(credential);
            return inner.authenticate(credential);
        }

        @Override
        public void load(Collection<IssuedKey> keys) {
            inner.load(keys);
        }

        @Override
        public void revoke(String keyId) {
            inner.revoke(keyId);
        }

        @Override
        public void close() {
            inner.close();
        }
    }

    @Test
    void lookupRevokedCyclesThePoolOfRevokedKeys() throws ReflectiveOperationException {
        ApiKeyLookupBenchmark b = new ApiKeyLookupBenchmark();
        b.store = StoreKind.HASHED;
        b.size = 2_000;
        b.poolSize = 64;
        b.setup();
        Field keys = ApiKeyLookupBenchmark.class.getDeclaredField("keys");
        keys.setAccessible(true);
        Recording recording = new Recording((ApiKeyStore) keys.get(b));
        keys.set(b, recording);
        try {
            Cursor cursor = new Cursor();
            for (int i = 0; i < 2 * b.poolSize; i++) {
                assertThat(b.lookup_revoked(cursor)).isInstanceOfSatisfying(Rejected.class,
                        r -> assertThat(r.reason()).isEqualTo(Rejected.Reason.REVOKED));
            }
        } finally {
            b.tearDown();
        }
        String[] pool = ApiKeyFixture.create(2_000, 64).revoked();
        assertThat(recording.presented.subList(0, 64)).containsExactly(pool);
        assertThat(recording.presented.subList(64, 128)).containsExactly(pool);
    }
}
