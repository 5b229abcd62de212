package org.authbench.bench;

import java.util.concurrent.TimeUnit;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.RejectKind;
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
 * The cost of refusing: one library × algorithm × {@link RejectKind} per trial, cycling a pool of distinct tokens of
 * that kind (expired, cut to two parts, broken header JSON, {@code alg: none}, an unknown {@code kid} against a
 * one-key JWK set, garbage). A bad signature is {@code VerifyBenchmark.verify_badSignature}; the report sets both
 * beside {@code verify_valid}.
 *
 * <p>Setup proves that every pool token is refused with the reason this library gives for the kind
 * ({@link #expectedReason}); the trial fails otherwise, so a row never times a path that accepts.
 *
 * <pre>java -jar target/authbench.jar jmh RejectBenchmark -p alg=RS256 -p kind=EXPIRED,GARBAGE</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RejectBenchmark {

    @Param
    public JwtLibrary library;

    @Param({"HS256", "RS256", "ES256"})
    public JwtAlgorithm alg;

    @Param
    public RejectKind kind;

    @Param({"256"})
    public int poolSize;

    // Non-final fields: the JIT must not treat the pool or the verifier as constants.
    private Authenticator verifier;
    private String[] tokens;
    private int mask;

    @Setup(Level.Trial)
    public void setup() {
        RejectKind.Pool pool = kind.pool(alg, poolSize);
        LibraryVersions.checkLoaded(library);
        verifier = library.create(pool.policy());
        tokens = pool.tokens();
        mask = tokens.length - 1;
        Preflight.mustReject(library + "/" + alg + "/" + kind, verifier, expectedReason(library, kind), tokens);
        Heap.settle();
    }

    /**
     * The reason {@code library} refuses {@code kind} with: the reference verifier's, except for {@code alg: none},
     * which some libraries report otherwise (each says how in {@link JwtLibrary#algNoneReason}).
     */
    public static Reason expectedReason(JwtLibrary library, RejectKind kind) {
        return kind == RejectKind.ALG_NONE ? library.algNoneReason() : kind.reason();
    }

    /** One refusal; the {@link Rejected} is returned, so it is not dead code. */
    @Benchmark
    public Object reject(Cursor cursor) {
        try {
            return verifier.authenticate(tokens[cursor.next() & mask]);
        } catch (Rejected e) {
            return e;
        }
    }
}
