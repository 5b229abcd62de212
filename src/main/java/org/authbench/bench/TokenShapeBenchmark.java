package org.authbench.bench;

import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ClaimShapes;
import org.authbench.fixture.JwtFixture;
import org.authbench.fixture.KeySetFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
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
 * Valid-token verification as tokens look in production, through {@link Authenticator}; {@code VerifyBenchmark}'s
 * rows stay the small-token, single-key baseline.
 *
 * <ul>
 *   <li>{@code verify_claims}: tokens of {@code claims} top-level claims (5, 20, 100; see {@link ClaimShapes}),
 *       same key, policy and principals as {@code VerifyBenchmark}.</li>
 *   <li>{@code verify_kid}: tokens carrying a {@code kid}, verified against a JWK set of {@code jwkSetSize} keys
 *       (1, 10, 100) that each library searches through its own mechanism ({@link KeySetFixture}); the pool's
 *       tokens are spread over the set's kids.</li>
 * </ul>
 * Setup proves every pool token authenticates to its principal and that tampered ones are refused (for key sets:
 * an unknown {@code kid} too); key generation for the set happens there, never in a measured method.
 *
 * <pre>java -jar target/authbench.jar jmh TokenShapeBenchmark.verify_kid -p library=NIMBUS -p alg=RS256 -p jwkSetSize=1,100</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class TokenShapeBenchmark {

    /** A verifier and a pool of tokens with {@code claims} claims each. */
    @State(Scope.Benchmark)
    public static class ClaimsTrial {
        @Param
        public JwtLibrary library;

        @Param({"HS256", "RS256", "ES256"})
        public JwtAlgorithm alg;

        @Param({"5", "20", "100"})
        public int claims;

        @Param({"256"})
        public int poolSize;

        // Non-final fields: the JIT must not treat the pool or the verifier as constants.
        private Authenticator verifier;
        private String[] tokens;
        private int mask;

        @Setup(Level.Trial)
        public void setup() {
            JwtFixture fixture = JwtFixture.create(alg, poolSize);
            LibraryVersions.checkLoaded(library);
            verifier = library.create(fixture.policy());
            tokens = ClaimShapes.tokens(fixture, claims);
            mask = tokens.length - 1;
            String what = library + "/" + alg + "/" + claims + " claims";
            Preflight.mustAccept(what, verifier, tokens, principals(fixture::principal, tokens.length));
            String[] tampered = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                tampered[i] = VerifyBenchmark.flipSignatureBit(tokens[i]);
            }
            Preflight.mustReject(what, verifier, tampered);
            Heap.settle();
        }
    }

    /** A verifier over a JWK set of {@code jwkSetSize} keys and a pool of kid-bearing tokens. */
    @State(Scope.Benchmark)
    public static class KidTrial {
        @Param
        public JwtLibrary library;

        @Param({"HS256", "RS256", "ES256"})
        public JwtAlgorithm alg;

        @Param({"1", "10", "100"})
        public int jwkSetSize;

        @Param({"256"})
        public int poolSize;

        private Authenticator verifier;
        private String[] tokens;
        private int mask;

        @Setup(Level.Trial)
        public void setup() {
            KeySetFixture fixture = KeySetFixture.create(alg, jwkSetSize, poolSize);
            LibraryVersions.checkLoaded(library);
            verifier = library.create(fixture.policy());
            tokens = fixture.validTokens();
            mask = tokens.length - 1;
            String what = library + "/" + alg + "/" + jwkSetSize + " keys";
            Preflight.mustAccept(what, verifier, tokens, principals(fixture::principal, tokens.length));
            String[] tampered = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) {
                tampered[i] = VerifyBenchmark.flipSignatureBit(tokens[i]);
            }
            Preflight.mustReject(what, verifier, tampered);
            Preflight.mustReject(what, verifier, Rejected.Reason.UNKNOWN_KEY, fixture.unknownKidTokens());
            Heap.settle();
        }
    }

    private static Principal[] principals(IntFunction<Principal> byIndex, int n) {
        Principal[] out = new Principal[n];
        for (int i = 0; i < n; i++) {
            out[i] = byIndex.apply(i);
        }
        return out;
    }

    /** A valid token of {@code claims} claims. */
    @Benchmark
    public Principal verify_claims(ClaimsTrial t, Cursor cursor) throws Rejected {
        return t.verifier.authenticate(t.tokens[cursor.next() & t.mask]);
    }

    /** A valid token whose key the verifier picks by {@code kid} from a set of {@code jwkSetSize}. */
    @Benchmark
    public Principal verify_kid(KidTrial t, Cursor cursor) throws Rejected {
        return t.verifier.authenticate(t.tokens[cursor.next() & t.mask]);
    }
}
