package org.authbench.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.fixture.JwtFixture;
import org.authbench.fixture.KeyMaterial;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.cache.CachingVerifier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * JWT verification through a verified-token cache ({@link CachingVerifier}: SHA-256 of the token → principal, until
 * {@code exp}) in front of one library × algorithm, at a given hit ratio. The cache holds exactly
 * {@code ceil(cacheHitRatio × poolSize)} of the pool's distinct valid tokens (922 of 1024 at 0.9, i.e. 90.04%),
 * verified through the library before timing; the rest are verified in full on every presentation and not
 * remembered, so the ratio stays what the parameter says (a read-through cache would make every miss a hit one lap
 * later). Presentation order is shuffled (seeded), so hits and misses interleave. At 0.0 the row is the cache's
 * overhead on a miss (hash and lookup) on top of the library; compare every row with
 * {@code VerifyBenchmark.verify_valid} of the same library and algorithm (uncached).
 *
 * <p>Setup proves that every pool token is accepted as the right principal through the cache, that the cache holds
 * exactly the chosen share, that each cached token with one signature bit flipped and every hostile variant is
 * refused, and that no refusal was cached.
 *
 * <pre>java -jar target/authbench.jar jmh CachedVerificationBenchmark -p library=NIMBUS -p alg=RS256 -p cacheHitRatio=0.9</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CachedVerificationBenchmark {

    @Param({"1.0", "0.9", "0.5", "0.0"})
    public double cacheHitRatio;

    @Param({"REFERENCE", "NIMBUS"})
    public JwtLibrary library;

    @Param({"HS256", "RS256", "ES256"})
    public JwtAlgorithm alg;

    @Param({"1024"})
    public int poolSize;

    // Non-final fields: the JIT must not treat the pool or the verifier as constants.
    private CachingVerifier verifier;
    private String[] presented;
    private int mask;

    @Setup(Level.Trial)
    public void setup() throws Rejected {
        if (!(cacheHitRatio >= 0 && cacheHitRatio <= 1)) {
            throw new IllegalArgumentException("cacheHitRatio must be in [0, 1], was " + cacheHitRatio);
        }
        JwtFixture fixture = JwtFixture.create(alg, poolSize);
        LibraryVersions.checkLoaded(library);
        verifier = CachingVerifier.prefilledOnly(library.create(fixture.policy()), fixture.policy().clock(),
                CachingVerifier.DEFAULT_MAXIMUM_SIZE);
        String[] valid = fixture.validTokens();
        int hot = (int) Math.ceil(cacheHitRatio * poolSize);
        String[] cachedTwins = new String[hot];
        for (int i = 0; i < hot; i++) {
            verifier.warm(valid[i]);
            cachedTwins[i] = VerifyBenchmark.flipSignatureBit(valid[i]);
        }
        int[] order = shuffled(poolSize, new Random(KeyMaterial.DEFAULT_SEED));
        presented = new String[poolSize];
        Principal[] expected = new Principal[poolSize];
        for (int j = 0; j < poolSize; j++) {
            presented[j] = valid[order[j]];
            expected[j] = fixture.principal(order[j]);
        }
        mask = poolSize - 1;
        String what = library + "/" + alg + " cached at " + cacheHitRatio;
        requireEntries(what, hot);
        Preflight.mustAccept(what, verifier, presented, expected);
        Preflight.mustReject(what + " (cached tokens with a flipped signature bit)", verifier, cachedTwins);
        Preflight.mustReject(what, verifier, fixture.hostileTokens().values().toArray(String[]::new));
        requireEntries(what + " after the checks", hot);
        Heap.settle();
    }

    private void requireEntries(String what, int hot) {
        if (verifier.entries() != hot) {
            throw new IllegalStateException(what + ": the cache holds " + verifier.entries() + " tokens, expected " + hot);
        }
    }

    private static int[] shuffled(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** One presentation: a cache hit with probability {@code cacheHitRatio}, else a full verification. */
    @Benchmark
    public Principal verify(Cursor cursor) throws Rejected {
        return verifier.authenticate(presented[cursor.next() & mask]);
    }
}
