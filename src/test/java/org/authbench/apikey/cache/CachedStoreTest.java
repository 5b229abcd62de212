package org.authbench.apikey.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.Sha256Key;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cache tier holds exactly the stated fraction of presented keys (counted as reads that reach the
 * backing table), and a revocation is seen at once although the key was cached.
 */
class CachedStoreTest {

    private static final ApiKeyFixture FIXTURE = ApiKeyFixture.create(5000, 256, 11);

    /** A map-backed table that counts the lookups reaching it. */
    static final class CountingTable implements KeyTable {
        final Map<Sha256Key, ApiKeyRecord> byHash = new ConcurrentHashMap<>();
        final AtomicInteger finds = new AtomicInteger();

        @Override
        public void insert(Collection<ApiKeyRecord> records) {
            records.forEach(r -> byHash.put(new Sha256Key(r.sha256()), r));
        }

        @Override
        public ApiKeyRecord find(byte[] sha256) {
            finds.incrementAndGet();
            return byHash.get(new Sha256Key(sha256));
        }

        @Override
        public boolean setStatus(String keyId, ApiKeyRecord.Status status) {
            for (Map.Entry<Sha256Key, ApiKeyRecord> e : byHash.entrySet()) {
                if (e.getValue().id().equals(keyId)) {
                    e.setValue(e.getValue().withStatus(status));
                    return true;
                }
            }
            return false;
        }

        @Override
        public void close() {
            byHash.clear();
        }
    }

    private static List<IssuedKey> presented() {
        Map<String, IssuedKey> byKey = new ConcurrentHashMap<>();
        FIXTURE.issued().forEach(k -> byKey.put(k.key(), k));
        List<IssuedKey> out = new ArrayList<>();
        for (String hit : FIXTURE.hits()) {
            out.add(byKey.get(hit));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.9, 0.5})
    void holdsTheStatedFractionOfPresentations(double ratio) throws Rejected {
        CountingTable table = new CountingTable();
        try (CachedStore store = new CachedStore(table, ratio)) {
            store.load(FIXTURE.issued());
            List<IssuedKey> presented = presented();
            store.warm(presented);
            table.finds.set(0);
            String[] hits = FIXTURE.hits();
            for (int i = 0; i < hits.length; i++) {
                assertThat(store.authenticate(hits[i])).isEqualTo(FIXTURE.hitPrincipal(i));
            }
            double cachedFraction = 1.0 - (double) table.finds.get() / hits.length;
            // Whole keys are cached: a key presented twice can carry the fraction one presentation over.
            assertThat(cachedFraction).isBetween(ratio, ratio + 2.0 / hits.length);
        }
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5})
    void revocationInvalidatesTheCachedRecord(double ratio) throws Rejected {
        CountingTable table = new CountingTable();
        try (CachedStore store = new CachedStore(table, ratio)) {
            store.load(FIXTURE.issued());
            store.warm(presented());
            String[] hits = FIXTURE.hits();
            store.authenticate(hits[0]);
            store.revoke(FIXTURE.hitPrincipal(0).credentialId());
            assertRejected(store, hits[0], Rejected.Reason.REVOKED); // not served from the cache
        }
    }
}
