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
 * API-key authentication through {@link org.authbench.auth.Authenticator}, for every store tier: in-process
 * maps ({@code PLAIN}, {@code HASHED}), a Caffeine cache over H2 holding every presented key
 * ({@code CAFFEINE}; other hit ratios in {@link CachedLookupBenchmark}), embedded H2, and real PostgreSQL
 * and Redis servers. Each trial seeds {@code size} keys into its own namespace (seeding time is printed to
 * the log, not measured), presents a pool of stored keys (hit), unknown well-formed keys (miss), keys with a
 * wrong checksum (refused before any lookup) and stored revoked keys; every lookup checks the key's status and,
 * since the fixture's keys expire, its expiry against the clock, so {@code lookup_hit} is the lookup with its
 * revocation and expiry checks. Each path cycles its own pool of {@code poolSize} keys.
 *
 * <p>Threads: the store is shared by all benchmark threads (connection pools and network round trips behave
 * differently under concurrency); {@code run --threads 1,2} or JMH's {@code -t 2} gives the scaling rows.
 *
 * <pre>java -jar target/authbench.jar jmh ApiKeyLookupBenchmark -p store=REDIS,POSTGRES -p size=10000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ApiKeyLookupBenchmark {

    @Param
    public StoreKind store;

    @Param({"100000"})
    public int size;

    @Param({"1024"})
    public int poolSize;

    /** {@code direct}, or a round trip added in front of REDIS and POSTGRES ({@code 0us}, {@code 500us}, {@code 2ms}). */
    @Param({"direct"})
    public String rtt = "direct";

    private ApiKeyStore keys;
    private String[] hits;
    private String[] misses;
    private String[] badChecksums;
    private String[] revoked;
    private int mask;

    @Setup(Level.Trial)
    public void setup() {
        ApiKeyFixture fixture = ApiKeyFixture.create(size, poolSize);
        keys = StoreTrial.open(store, StoreOptions.defaults(), fixture, rtt);
        hits = fixture.hits();
        misses = fixture.misses();
        badChecksums = fixture.badChecksums();
        revoked = fixture.revoked();
        mask = poolSize - 1;
        Heap.settle();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        StoreTrial.close(keys);
    }

    @Benchmark
    public Principal lookup_hit(Cursor cursor) throws Rejected {
        return keys.authenticate(hits[cursor.next() & mask]);
    }

    @Benchmark
    public Object lookup_miss(Cursor cursor) {
        return refusal(misses[cursor.next() & mask]);
    }

    @Benchmark
    public Object lookup_badChecksum(Cursor cursor) {
        return refusal(badChecksums[cursor.next() & mask]);
    }

    @Benchmark
    public Object lookup_revoked(Cursor cursor) {
        return refusal(revoked[cursor.next() & mask]);
    }

    private Object refusal(String key) {
        try {
            return keys.authenticate(key);
        } catch (Rejected e) {
            return e; // returned, so the refusal is not dead code
        }
    }
}
