package org.authbench.bench;

import java.util.concurrent.TimeUnit;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;
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
 * JWT issuance through {@link TokenIssuer}: one library × one algorithm per trial (the algorithms of
 * {@code VerifyBenchmark}; {@code run} skips the pairs a library does not support) signs one claim set per
 * operation, cycling a pre-built pool of claim objects with distinct {@code sub} and {@code jti} (the fixture's
 * claims: {@code iss}, {@code sub}, {@code aud}, {@code iat}, {@code nbf}, {@code exp}, {@code jti}, {@code scope}).
 * One operation is everything the library does from claims to compact JWS: JSON, base64url, signature.
 *
 * <p>Setup signs the whole pool and proves every token is accepted as the right principal by the
 * {@code REFERENCE} verifier and by the same library's verifier, and that the library's signer with another key
 * produces a token the reference refuses; the trial fails otherwise.
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=NIMBUS -p alg=ES256 -prof gc</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class IssueBenchmark {

    @Param
    public JwtLibrary library;

    @Param
    public JwtAlgorithm alg;

    @Param({"256"})
    public int poolSize;

    // Non-final fields: the JIT must not treat the pool or the signer as constants.
    private TokenIssuer issuer;
    private TokenClaims[] claims;
    private int mask;

    @Setup(Level.Trial)
    public void setup() {
        LibraryVersions.checkLoaded(library);
        JwtFixture fixture = JwtFixture.create(alg, poolSize);
        issuer = library.createIssuer(alg, fixture.keys().signingKey());
        claims = new TokenClaims[poolSize];
        String[] issued = new String[poolSize];
        Principal[] expected = new Principal[poolSize];
        for (int i = 0; i < poolSize; i++) {
            claims[i] = fixture.tokenClaims(i);
            issued[i] = issuer.issue(claims[i]);
            expected[i] = fixture.principal(i);
        }
        mask = poolSize - 1;
        String what = library + "/" + alg + " issuing";
        Authenticator reference = JwtLibrary.REFERENCE.create(fixture.policy());
        Preflight.mustAccept(what + ", verified by REFERENCE", reference, issued, expected);
        Preflight.mustAccept(what + ", verified by " + library, library.create(fixture.policy()), issued, expected);
        // A signer that ignored the key it was given would pass the lines above only by accident: prove it uses it.
        Preflight.mustReject(what + " with another key", reference,
                library.createIssuer(alg, fixture.keys().otherSigningKey()).issue(claims[0]));
        Heap.settle();
    }

    /** One claim set signed into a compact JWS. */
    @Benchmark
    public String issue(Cursor cursor) {
        return issuer.issue(claims[cursor.next() & mask]);
    }
}
