package org.authbench.bench;

import java.util.concurrent.TimeUnit;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * API-key authentication through {@link org.authbench.auth.Authenticator}: a store tier seeded with
 * {@code size} keys, presented a pool of stored keys (hit), unknown well-formed keys (miss), keys with a
 * wrong checksum (refused before any lookup) and a revoked key.
 *
 * <p>Setup seeds the store and proves hits authenticate to the right principal and the rest are refused.
 *
 * <pre>java -jar target/authbench.jar jmh ApiKeyLookupBenchmark -p store=HASHED -p size=1000000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ApiKeyLookupBenchmark {

    @Param({"PLAIN", "HASHED"})
    public StoreKind store;

    @Param({"100000"})
    public int size;

    @Param({"1024"})
    public int poolSize;

    private ApiKeyStore keys;
    private String[] hits;
    private String[] misses;
    private String[] badChecksums;
    private String revoked;
    private int mask;

    @Setup(Level.Trial)
    public void setup() {
        ApiKeyFixture fixture = ApiKeyFixture.create(size, poolSize);
        keys = store.open(StoreOptions.defaults());
        keys.load(fixture.issued());
        hits = fixture.hits();
        misses = fixture.misses();
        badChecksums = fixture.badChecksums();
        revoked = fixture.revoked().key();
        mask = poolSize - 1;
        Principal[] expected = new Principal[hits.length];
        for (int i = 0; i < hits.length; i++) {
            expected[i] = fixture.hitPrincipal(i);
        }
        String what = "store " + store;
        Preflight.mustAccept(what, keys, hits, expected);
        Preflight.mustReject(what, keys, Rejected.Reason.UNKNOWN_KEY, misses);
        Preflight.mustReject(what, keys, Rejected.Reason.BAD_CHECKSUM, badChecksums);
        Preflight.mustReject(what, keys, Rejected.Reason.REVOKED, revoked);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        keys.close();
    }

    @Benchmark
    public Principal lookup_hit(Cursor cursor) throws Rejected {
        return keys.authenticate(hits[cursor.next() & mask]);
    }

    @Benchmark
    public Object lookup_miss(Cursor cursor) {
        try {
            return keys.authenticate(misses[cursor.next() & mask]);
        } catch (Rejected e) {
            return e;
        }
    }

    @Benchmark
    public Object lookup_badChecksum(Cursor cursor) {
        try {
            return keys.authenticate(badChecksums[cursor.next() & mask]);
        } catch (Rejected e) {
            return e;
        }
    }

    @Benchmark
    public Object lookup_revoked() {
        try {
            return keys.authenticate(revoked);
        } catch (Rejected e) {
            return e;
        }
    }
}
