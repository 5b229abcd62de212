package org.authbench.jwt.jjwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.flipLastSignatureByte;
import static org.authbench.support.JwtCases.refusal;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.reference.ReferenceVerifier;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the jjwt adapter had to set, proved: {@code exp} refused from its own second on (jjwt alone accepts
 * at exactly {@code exp}), {@code exp} required, the algorithm pin (an RSA key alone accepts RS384), the
 * JWS-only path, and the reason each hostile token is refused for.
 */
class JjwtVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture RSA = fixture(JwtAlgorithm.RS256);
    private static final Authenticator VERIFIER = new JjwtVerifier(RSA.policy());
    private static final Authenticator JWS_ONLY = new JjwtVerifier(RSA.policy().withJwsOnly(true));

    private static String claims(String exp, long nbf) {
        return "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":[\"other\",\"" + JwtFixture.AUDIENCE
                + "\"],\"sub\":\"alice\",\"jti\":\"t-1\",\"nbf\":" + nbf + exp + "}";
    }

    private static String rs256(String payload) {
        return JwsSigner.sign("{\"alg\":\"RS256\"}", payload, "SHA256withRSA", RSA.keys().signingKey());
    }

    private static JwtFixture fixture(JwtAlgorithm alg) {
        return Fixtures.jwt(alg, 2, NOW, 11);
    }


    @Test
    void expiringThisSecondIsRefusedAndValidFromThisSecondIsAccepted() throws Rejected {
        assertThat(refusal(VERIFIER, rs256(claims(",\"exp\":" + NOW, NOW - 60)))).isEqualTo(Reason.EXPIRED);
        assertThat(VERIFIER.authenticate(rs256(claims(",\"exp\":" + (NOW + 1), NOW))))
                .isEqualTo(new Principal("alice", "t-1"));
    }

    @Test
    void aTokenWithoutExpIsRefused() {
        assertThat(refusal(VERIFIER, rs256(claims("", NOW)))).isEqualTo(Reason.MISSING_CLAIM);
    }

    @Test
    void anotherRsaAlgorithmSignedWithThePinnedKeyIsRefused() {
        String rs384 = JwsSigner.sign("{\"alg\":\"RS384\"}", claims(",\"exp\":" + (NOW + 60), NOW), "SHA384withRSA",
                RSA.keys().signingKey());
        assertThat(refusal(VERIFIER, rs384)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(refusal(JWS_ONLY, rs384)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void jwsOnlyChecksTheSignatureAndNotTheClaims() throws Rejected {
        String bytes = rs256("foo");
        String expiredClaims = rs256(claims(",\"exp\":" + (NOW - 3600), NOW + 3600));
        assertThat(JWS_ONLY.authenticate(bytes)).isEqualTo(new Principal(null, null));
        assertThat(JWS_ONLY.authenticate(expiredClaims)).isEqualTo(new Principal(null, null));
        assertThat(refusal(JWS_ONLY, flipLastSignatureByte(bytes))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(refusal(JWS_ONLY, flipLastSignatureByte(expiredClaims))).isEqualTo(Reason.BAD_SIGNATURE);
    }



    /** The reference's reason, except where jjwt classifies the token itself. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.authbench.support.JwtCases#hostiles")
    void refusesForTheSameReasonAsTheReference(JwtAlgorithm alg, Hostile kind) {
        JwtFixture f = fixture(alg);
        String token = f.hostile(kind);
        Reason expected = switch (kind) {
            // jjwt refuses unsecured JWSs as unsupported (they are off unless enabled), in any letter case
            case ALG_NONE, ALG_NONE_MIXED_CASE -> Reason.UNSUPPORTED;
            // a JWS without a signature part, or with a secret (oct) header jwk, is malformed for jjwt
            case EMPTY_SIGNATURE -> Reason.MALFORMED;
            case EMBEDDED_JWK -> alg.isHmac() ? Reason.MALFORMED : Reason.BAD_SIGNATURE;
            default -> refusal(new ReferenceVerifier(f.policy()), token);
        };
        assertThat(refusal(new JjwtVerifier(f.policy()), token)).isEqualTo(expected);
    }
}
