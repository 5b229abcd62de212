package org.authbench.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.authbench.fixture.JwtFixture;
import org.authbench.fixture.KeyMaterial;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.revocation.Denylist;
import org.authbench.revocation.DenylistAuthenticator;
import org.authbench.revocation.DenylistKind;
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
 * Revocation on both sides.
 *
 * <p>API keys, {@code apikey_revokeThenRefuse}: the time from a revoke to its refusal, per tier. One
 * operation revokes a key (status write, plus cache invalidation in the {@code caffeine} tier) and then
 * presents that key, which must be refused as revoked (the trial fails otherwise). The stores are
 * synchronous, so the first lookup after the revoke already refuses: the score is revoke + refusing
 * lookup. Keys cycle through the hit pool; once every pool key is revoked, later operations revoke an
 * already revoked key, which does the same write and the same refusing lookup (in the cache tier the
 * entry is then already gone, as it is for any lookup after a revocation). The cost of the revocation
 * check on ordinary lookups is {@code ApiKeyLookupBenchmark.lookup_hit}, which checks status every time.
 *
 * <p>JWTs: {@code jwt_verify} is plain verification; {@code jwt_verifyDenylist_accepted} adds a lookup of
 * the verified {@code jti} in a denylist holding {@code denylistSize} revoked ids (in-process set,
 * Caffeine, Redis {@code SISMEMBER}); {@code jwt_verifyDenylist_refused} presents revoked tokens. All three
 * use the same tokens, algorithms and library.
 *
 * <pre>java -jar target/authbench.jar jmh RevocationBenchmark -p alg=ES256 -p denylist=REDIS</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RevocationBenchmark {

    /** A seeded store and the pool keys to revoke. */
    @State(Scope.Benchmark)
    public static class Keys {
        @Param
        public StoreKind store;

        @Param({"10000"})
        public int size;

        /** {@code direct}, or a round trip added in front of REDIS and POSTGRES. */
        @Param({"direct"})
        public String rtt = "direct";

        private ApiKeyStore keys;
        private String[] presented;
        private String[] ids;
        private int mask;

        @Setup(Level.Trial)
        public void setup() {
            ApiKeyFixture fixture = ApiKeyFixture.create(size, 1024);
            keys = StoreTrial.open(store, StoreOptions.defaults(), fixture, rtt);
            presented = fixture.hits();
            ids = new String[presented.length];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = fixture.hitPrincipal(i).credentialId();
            }
            mask = presented.length - 1;
            Heap.settle();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            StoreTrial.close(keys);
        }
    }

    /**
     * A verifier and a pool of valid tokens: the even-indexed ones are never revoked ({@code accepted}),
     * the odd-indexed ones are what a denylist revokes ({@code revoked}).
     */
    static final class TokenPool {
        final JwtFixture fixture;
        final Authenticator verifier;
        final String[] accepted;
        final String[] revoked;
        final Principal[] acceptedPrincipals;
        final int mask;

        TokenPool(JwtAlgorithm alg, JwtLibrary library) {
            fixture = JwtFixture.create(alg, 256);
            LibraryVersions.checkLoaded(library);
            verifier = library.create(fixture.policy());
            String[] all = fixture.validTokens();
            accepted = new String[all.length / 2];
            revoked = new String[all.length / 2];
            acceptedPrincipals = new Principal[accepted.length];
            for (int i = 0; i < accepted.length; i++) {
                accepted[i] = all[2 * i];
                revoked[i] = all[2 * i + 1];
                acceptedPrincipals[i] = fixture.principal(2 * i);
            }
            mask = accepted.length - 1;
            Preflight.mustAccept(library + "/" + alg, verifier, accepted, acceptedPrincipals);
        }
    }

    /** Plain verification of the pool's accepted tokens. */
    @State(Scope.Benchmark)
    public static class Tokens {
        @Param({"HS256", "RS256", "ES256"})
        public JwtAlgorithm alg;

        @Param({"REFERENCE"})
        public JwtLibrary library;

        private TokenPool pool;

        @Setup(Level.Trial)
        public void setup() {
            pool = new TokenPool(alg, library);
            Heap.settle();
        }
    }

    /** The same tokens behind a denylist holding the revoked pool jtis plus {@code denylistSize} others. */
    @State(Scope.Benchmark)
    public static class Denylisted {
        @Param({"HS256", "RS256", "ES256"})
        public JwtAlgorithm alg;

        @Param({"REFERENCE"})
        public JwtLibrary library;

        @Param({"IN_PROCESS", "CAFFEINE", "REDIS"})
        public DenylistKind denylist;

        @Param({"10000"})
        public int denylistSize;

        /** {@code direct}, or a round trip added in front of the REDIS denylist. */
        @Param({"direct"})
        public String rtt = "direct";

        private DenylistTrial.Opened opened;

        private TokenPool pool;
        private Denylist list;
        private Authenticator guarded;

        @Setup(Level.Trial)
        public void setup() {
            pool = new TokenPool(alg, library);
            opened = DenylistTrial.open(denylist, StoreOptions.defaults(), pool.fixture.policy().clock(), rtt);
            list = opened.list();
            try {
                long exp = pool.fixture.now() + JwtFixture.LIFETIME_SECONDS;
                Random other = new Random(KeyMaterial.DEFAULT_SEED + 2);
                for (int i = 0; i < denylistSize; i++) {
                    list.deny(Long.toHexString(other.nextLong()) + "-other", exp);
                }
                for (int i = 0; i < pool.revoked.length; i++) {
                    list.deny(pool.fixture.principal(2 * i + 1).credentialId(), exp);
                }
                guarded = new DenylistAuthenticator(pool.verifier, list);
                String what = library + "/" + alg + "+" + denylist;
                Preflight.mustAccept(what, guarded, pool.accepted, pool.acceptedPrincipals);
                Preflight.mustReject(what, guarded, Rejected.Reason.REVOKED, pool.revoked);
            } catch (RuntimeException e) {
                opened.close();
                throw e;
            }
            Heap.settle();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            opened.close();
        }
    }

    @Benchmark
    public Object apikey_revokeThenRefuse(Keys k, Cursor cursor) {
        int i = cursor.next() & k.mask;
        k.keys.revoke(k.ids[i]);
        try {
            Principal p = k.keys.authenticate(k.presented[i]);
            throw new IllegalStateException("store " + k.store + " accepted a key right after revoking it: " + p);
        } catch (Rejected e) {
            return e;
        }
    }

    @Benchmark
    public Principal jwt_verify(Tokens t, Cursor cursor) throws Rejected {
        return t.pool.verifier.authenticate(t.pool.accepted[cursor.next() & t.pool.mask]);
    }

    @Benchmark
    public Principal jwt_verifyDenylist_accepted(Denylisted d, Cursor cursor) throws Rejected {
        return d.guarded.authenticate(d.pool.accepted[cursor.next() & d.pool.mask]);
    }

    @Benchmark
    public Object jwt_verifyDenylist_refused(Denylisted d, Cursor cursor) {
        try {
            return d.guarded.authenticate(d.pool.revoked[cursor.next() & d.pool.mask]);
        } catch (Rejected e) {
            return e;
        }
    }
}
