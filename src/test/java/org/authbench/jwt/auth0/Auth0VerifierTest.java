package org.authbench.jwt.auth0;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.flipLastSignatureByte;
import static org.authbench.support.JwtCases.refusal;

import com.auth0.jwt.algorithms.Algorithm;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.UnsupportedAlgorithmException;
import org.authbench.jwt.reference.ReferenceVerifier;
import org.authbench.support.Fixtures;
import org.authbench.support.JwtCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the auth0 adapter had to set, proved: an {@code iat} in the future is not auth0's business under
 * the policy, the {@code exp}/{@code nbf} boundaries, the JWS-only path (and its limit: auth0 cannot
 * decode a non-JSON payload), and that every hostile token is refused for the reference's reason.
 */
class Auth0VerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture EC = fixture(JwtAlgorithm.ES256);
    private static final Authenticator VERIFIER = new Auth0Verifier(EC.policy());
    private static final Authenticator JWS_ONLY = new Auth0Verifier(EC.policy().withJwsOnly(true));

    private static String claims(long iat, long nbf, long exp) {
        return "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE
                + "\",\"sub\":\"alice\",\"jti\":\"t-1\",\"iat\":" + iat + ",\"nbf\":" + nbf + ",\"exp\":" + exp + "}";
    }

    private static String es256(String payload) {
        return JwsSigner.sign("{\"alg\":\"ES256\"}", payload, "SHA256withECDSAinP1363Format", EC.keys().signingKey());
    }

    private static JwtFixture fixture(JwtAlgorithm alg) {
        return Fixtures.jwt(alg, 2, NOW, 11);
    }


    @Test
    void anIssuedAtInTheFutureIsNotChecked() throws Rejected {
        assertThat(VERIFIER.authenticate(es256(claims(NOW + 30, NOW, NOW + 60)))).isEqualTo(new Principal("alice", "t-1"));
    }

    @Test
    void expiringThisSecondIsRefusedAndValidFromThisSecondIsAccepted() throws Rejected {
        assertThat(refusal(VERIFIER, es256(claims(NOW - 60, NOW - 60, NOW)))).isEqualTo(Reason.EXPIRED);
        assertThat(VERIFIER.authenticate(es256(claims(NOW, NOW, NOW + 1)))).isEqualTo(new Principal("alice", "t-1"));
        assertThat(refusal(VERIFIER, es256(claims(NOW, NOW + 1, NOW + 60)))).isEqualTo(Reason.NOT_YET_VALID);
    }

    @Test
    void jwsOnlyChecksTheSignatureOfAJsonPayload() throws Rejected {
        String expired = es256(claims(NOW - 7200, NOW - 7200, NOW - 3600));
        assertThat(JWS_ONLY.authenticate(expired)).isEqualTo(new Principal(null, null));
        assertThat(refusal(JWS_ONLY, flipLastSignatureByte(expired))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(refusal(JWS_ONLY, JwsSigner.sign("{\"alg\":\"ES384\"}", "{}", "SHA256withECDSAinP1363Format",
                EC.keys().signingKey()))).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void jwsOnlyCannotJudgeANonJsonPayload() {
        assertThat(refusal(JWS_ONLY, es256("foo"))).isEqualTo(Reason.UNSUPPORTED);
        assertThat(refusal(JWS_ONLY, "bm90IGpzb24.e30.c2ln")).as("a non-JSON header is malformed").isEqualTo(Reason.MALFORMED);
    }



    /** The reference's reason, except where auth0 classifies the token itself. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostiles")
    void refusesForTheSameReasonAsTheReference(JwtAlgorithm alg, Hostile kind) {
        JwtFixture f = fixture(alg);
        String token = f.hostile(kind);
        Reason expected = kind == Hostile.MISSING_ALG
                // auth0 compares the header's (absent) alg with the pinned one: a mismatch, not a parse error
                ? Reason.ALGORITHM_NOT_ALLOWED
                : refusal(new ReferenceVerifier(f.policy()), token);
        assertThat(refusal(new Auth0Verifier(f.policy()), token)).isEqualTo(expected);
    }

    static Stream<Arguments> hostiles() {
        return JwtCases.hostiles(JwtLibrary.AUTH0);
    }

    /**
     * Why auth0 has no EdDSA row: java-jwt's {@code Algorithm} factories (the only way to build a verifier)
     * cover HMAC, RSA, RSA-PSS and ECDSA. PS256 arrived in 4.6.0 as {@code RSA256PSS}; the contract test proves
     * it verifies PS256 (SHA-256, MGF1-SHA-256, 32-byte salt) and refuses RS256 under the same key.
     */
    @Test
    void java_jwtOffersNoEdDsaAlgorithm() {
        assertThat(Arrays.stream(Algorithm.class.getMethods())
                .map(Method::getName)
                .filter(n -> n.toUpperCase(Locale.ROOT).matches(".*(EDDSA|ED25519|EDWARDS).*")))
                .isEmpty();
        assertThat(Arrays.stream(Algorithm.class.getMethods())
                .map(Method::getName)).contains("RSA256PSS", "ECDSA384", "HMAC512");
        assertThatThrownBy(() -> new Auth0Verifier(fixture(JwtAlgorithm.EdDSA).policy()))
                .isInstanceOf(UnsupportedAlgorithmException.class).hasMessageStartingWith("auth0 does not support EdDSA: ");
    }

}
