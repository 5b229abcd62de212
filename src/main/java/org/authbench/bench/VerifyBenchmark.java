package org.authbench.bench;

import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.crypto.CryptoProvider;
import org.authbench.fixture.JwtFixture;
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
 * JWT verification through {@link Authenticator}: one library × one algorithm per trial, cycling a pool
 * of distinct valid tokens (and, for the reject path, the same tokens with one signature bit flipped).
 *
 * <p>Setup installs the trial's JCA {@code provider} at position 1 (the JDK's own for {@code DEFAULT}), checks
 * that it serves the algorithm, builds the verifier once and proves it accepts every pool token as the right
 * principal, refuses every bad-signature token as {@code BAD_SIGNATURE} (a refusal for any other reason would time
 * another path) and refuses every hostile variant; the trial fails otherwise.
 *
 * <pre>java -jar target/authbench.jar jmh VerifyBenchmark -p library=NIMBUS -p alg=ES256 -prof gc
 * java -jar target/authbench.jar jmh VerifyBenchmark.verify_valid -p alg=ES256 -p library=REFERENCE -p provider=DEFAULT,BC,ACCP</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VerifyBenchmark {

    @Param
    public JwtLibrary library;

    /** Every algorithm; a library × algorithm pair the library does not support fails setup ({@code run} never forks it). */
    @Param
    public JwtAlgorithm alg;

    @Param({"256"})
    public int poolSize;

    /** JCA provider installed first in the fork; only DEFAULT unless a profile or {@code -p provider=...} asks. */
    @Param({"DEFAULT"})
    public CryptoProvider provider;

    // Non-final fields: the JIT must not treat the pools or the verifier as constants.
    private Authenticator verifier;
    private String[] valid;
    private String[] badSignature;
    private int mask;

    @Setup(Level.Trial)
    public void setup() {
        // Tokens and keys come from the JDK's own providers, so every provider verifies the very same inputs.
        JwtFixture built = JwtFixture.create(alg, poolSize);
        String[] hostile = built.hostileTokens().values().toArray(String[]::new);
        ProviderTrial.install(provider, "VerifyBenchmark", alg, library.name());
        JwtFixture fixture = built.inFirstProviderForm();
        ProviderTrial.check(provider, "VerifyBenchmark", alg, library.name(), fixture.keys().verificationKey());
        LibraryVersions.checkLoaded(library);
        verifier = library.create(fixture.policy());
        valid = fixture.validTokens();
        mask = valid.length - 1;
        badSignature = new String[valid.length];
        Principal[] expected = new Principal[valid.length];
        for (int i = 0; i < valid.length; i++) {
            badSignature[i] = flipSignatureBit(valid[i]);
            expected[i] = fixture.principal(i);
        }
        String what = library + "/" + alg + (provider == CryptoProvider.DEFAULT ? "" : "/" + provider);
        prove(what, verifier, valid, expected, badSignature, hostile);
        Heap.settle();
    }

    /** Verify before timing: the trial's verifier accepts the pool and refuses forgeries, bad signatures as such. */
    static void prove(String what, Authenticator verifier, String[] valid, Principal[] expected, String[] badSignature,
            String[] hostile) {
        Preflight.mustAccept(what, verifier, valid, expected);
        Preflight.mustReject(what, verifier, Reason.BAD_SIGNATURE, badSignature);
        Preflight.mustReject(what, verifier, hostile);
    }

    static String flipSignatureBit(String token) {
        int dot = token.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        sig[sig.length / 2] ^= 0x01;
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(sig);
    }

    /** A valid token: the common path. */
    @Benchmark
    public Principal verify_valid(Cursor cursor) throws Rejected {
        return verifier.authenticate(valid[cursor.next() & mask]);
    }

    /**
     * A well-formed token whose signature does not verify: the cheapest forgery costs a full verify. The reason is
     * checked in setup, not here, as in {@code RejectBenchmark}: the measured path only returns the refusal.
     */
    @Benchmark
    public Object verify_badSignature(Cursor cursor) {
        try {
            return verifier.authenticate(badSignature[cursor.next() & mask]);
        } catch (Rejected e) {
            return e; // returned, so the refusal is not dead code
        }
    }
}
