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
 * The {@code caffeine} tier's hit path at a given hit ratio: the cache holds exactly {@code cacheHitRatio}
 * of the presented keys (the first keys of the pool until that fraction of presentations is covered; misses
 * read {@code backing} and are not cached), so a row at 0.9 is 90% cache hits and 10% backing lookups.
 * Compare with {@code ApiKeyLookupBenchmark.lookup_hit} of {@code HASHED} (no cache, no backing) and of the
 * backing tier.
 *
 * <pre>java -jar target/authbench.jar jmh CachedLookupBenchmark -p cacheHitRatio=0.5 -p backing=REDIS</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CachedLookupBenchmark {

    @Param({"1.0", "0.9", "0.5"})
    public double cacheHitRatio;

    @Param({"H2"})
    public StoreKind backing;

    @Param({"100000"})
    public int size;

    @Param({"1024"})
    public int poolSize;

    /** {@code direct}, or a round trip added in front of a REDIS or POSTGRES backing ({@code 500us}, {@code 2ms}). */
    @Param({"direct"})
    public String rtt = "direct";

    private ApiKeyStore keys;
    private String[] hits;
    private int mask;

    @Setup(Level.Trial)
    public void setup() {
        ApiKeyFixture fixture = ApiKeyFixture.create(size, poolSize);
        keys = StoreTrial.open(StoreKind.CAFFEINE, StoreOptions.defaults().withCache(cacheHitRatio, backing), fixture, rtt);
        hits = fixture.hits();
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

}
