package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.authbench.fixture.ApiKeyFixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A trial that fails while its store is half built still leaves nothing behind: seeding breaks off after
 * some batches are already written (a record the storage refuses: a duplicate id without an owner), and
 * {@code close()}, which the benchmarks' store setup calls on any failure, removes the namespace all the same.
 * Runs against the real servers, like {@link StoreTierTest}.
 */
class FailedSeedingCleanupTest {

    /** Past two of the stores' 1000-record batches, so the failure comes after writes reached the storage. */
    private static final int BEFORE_POISON = 2500;
    private static final ApiKeyFixture FIXTURE = ApiKeyFixture.create(3000, 64, 11);

    /** The fixture's keys with one bad record in the middle: a second key under the first key's id, with no owner. */
    private static List<IssuedKey> poisoned() {
        List<IssuedKey> keys = new ArrayList<>(FIXTURE.issued());
        IssuedKey first = keys.get(0);
        IssuedKey donor = keys.get(keys.size() - 1);
        ApiKeyRecord bad = new ApiKeyRecord(first.record().id(), null, donor.record().sha256(), ApiKeyRecord.Status.ACTIVE,
                Long.MAX_VALUE);
        keys.add(BEFORE_POISON, new IssuedKey(donor.key(), bad));
        return keys;
    }

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"CAFFEINE", "H2", "POSTGRES", "REDIS"})
    void aStoreWhoseSeedingFailsPartWayIsRemovedOnClose(StoreKind kind) throws Exception {
        StoreOptions options = StoreOptions.defaults();
        Servers.require(kind, options);
        ApiKeyStore store = kind.open(options);
        try {
            assertThatThrownBy(() -> store.load(poisoned())).as("seeding refuses the bad record")
                    .isInstanceOf(RuntimeException.class);
            assertThat(Servers.namespaceExists(kind, options)).as("the half-built namespace is there").isTrue();
        } finally {
            store.close();
        }
        assertThat(Servers.namespaceExists(kind, options)).as("namespace after close").isFalse();
    }
}
