package org.authbench.jwt.jose4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;
import static org.authbench.support.JwtCases.clockAt;

import java.time.Duration;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.VerifierPolicy;
import org.junit.jupiter.api.Test;

/**
 * What {@code AdapterContractTest} does not show for jose4j: an {@code aud} is accepted when the policy expects
 * none (jose4j's default refuses it), the fixed evaluation time sets the exact {@code exp}/{@code nbf}
 * boundaries, the system-clock branch, the JWS-only path on a non-JSON payload, and RFC 7515 Appendix A.
 * {@code mvn -B test -Dtest=Jose4jVerifierTest}
 */
class Jose4jVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtAlgorithm ALG = JwtAlgorithm.HS256;
    private static final JwtFixture FIXTURE = JwtFixture.fixed(ALG, 2, NOW, 7);

    @Test
    void acceptsAnAudienceWhenThePolicyExpectsNone() throws Rejected {
        VerifierPolicy noAudience = new VerifierPolicy(ALG, FIXTURE.keys().verificationKey(), clockAt(NOW),
                Duration.ZERO, JwtFixture.ISSUER, null, false);
        Jose4jVerifier v = new Jose4jVerifier(noAudience);

        assertThat(v.authenticate(token("\"aud\":\"somebody\",\"exp\":" + (NOW + 60)))).isEqualTo(new Principal("u", "j"));
        assertThat(v.authenticate(token("\"aud\":[\"a\",\"b\"],\"exp\":" + (NOW + 60)))).isEqualTo(new Principal("u", "j"));
    }

    @Test
    void theFixedClockDecidesTheExactExpiryAndNotBeforeBoundaries() throws Rejected {
        String expiresAt = token("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":" + (NOW + 10));
        assertThat(new Jose4jVerifier(FIXTURE.policy().withClock(clockAt(NOW + 9))).authenticate(expiresAt)).isNotNull();
        assertRejected(new Jose4jVerifier(FIXTURE.policy().withClock(clockAt(NOW + 10))), expiresAt, Reason.EXPIRED);

        String notBefore = token("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"nbf\":" + (NOW + 10) + ",\"exp\":" + (NOW + 99));
        assertRejected(new Jose4jVerifier(FIXTURE.policy().withClock(clockAt(NOW + 9))), notBefore, Reason.NOT_YET_VALID);
        assertThat(new Jose4jVerifier(FIXTURE.policy().withClock(clockAt(NOW + 10))).authenticate(notBefore)).isNotNull();
    }

    @Test
    void withTheSystemClockJose4jUsesItsOwnNow() throws Rejected {
        JwtFixture live = JwtFixture.create(ALG, 2);
        Jose4jVerifier v = new Jose4jVerifier(live.policy());

        assertThat(v.authenticate(live.validTokens()[0])).isEqualTo(live.principal(0));
        assertRejected(v, live.hostile(Hostile.EXPIRED), Reason.EXPIRED);
        assertRejected(v, live.hostile(Hostile.NOT_YET_VALID), Reason.NOT_YET_VALID);
    }

    @Test
    void jwsOnlyChecksTheSignatureLayerOfANonJsonPayload() throws Rejected {
        Jose4jVerifier v = new Jose4jVerifier(FIXTURE.policy().withJwsOnly(true));
        String signed = JwsSigner.sign("{\"alg\":\"HS256\"}", "not a claim set", ALG.jcaName(), FIXTURE.keys().signingKey());

        assertThat(v.authenticate(signed)).isEqualTo(new Principal(null, null));
        String other = JwsSigner.sign("{\"alg\":\"HS256\"}", "not a claim sEt", ALG.jcaName(), FIXTURE.keys().signingKey());
        assertRejected(v, signed.substring(0, signed.lastIndexOf('.')) + other.substring(other.lastIndexOf('.')), Reason.BAD_SIGNATURE);
        assertRejected(v, JwsSigner.b64("{\"alg\":\"none\"}") + "." + JwsSigner.b64("x") + ".", Reason.ALGORITHM_NOT_ALLOWED);
        assertRejected(v, JwsSigner.sign("{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}", "x", ALG.jcaName(),
                FIXTURE.keys().signingKey()), Reason.UNSUPPORTED);
    }

    /** An HS256 token for subject "u", jti "j", issued by the fixture's issuer, with extra claims. */
    private static String token(String moreClaims) {
        return JwsSigner.sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"sub\":\"u\",\"jti\":\"j\","
                + moreClaims + "}", ALG.jcaName(), FIXTURE.keys().signingKey());
    }

}
