package org.authbench.jwt.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;
import static org.authbench.support.JwtCases.clockAt;
import static org.authbench.support.JwtCases.assertJwsOnlyChecksTheSignatureLayer;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWT;
import java.time.Duration;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.VerifierPolicy;
import org.junit.jupiter.api.Test;

/**
 * What {@code AdapterContractTest} does not show for vert.x: the library gap the adapter closes (an ASN.1 DER
 * ES256 signature verifies), the adapter's own time checks at the exact boundaries of a fixed clock (vert.x
 * has no clock to inject), {@code aud} semantics without a policy audience, the JWS-only path on a non-JSON
 * payload, and RFC 7515 Appendix A. {@code mvn -B test -Dtest=VertxVerifierTest}
 */
class VertxVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture HS = JwtFixture.fixed(JwtAlgorithm.HS256, 2, NOW, 7);

    @Test
    void refusesADerEs256SignatureThatVertxAloneAccepts() throws Exception {
        JwtFixture es = JwtFixture.fixed(JwtAlgorithm.ES256, 2, NOW, 7);
        String der = es.hostile(Hostile.ECDSA_DER_SIGNATURE);
        JWT vertx = new JWT().addJWK(new JWK(new JsonObject(JwkKeys.toJwk(es.policy().key())).put("alg", "ES256")));

        assertThat(vertx.decode(der).getString("sub")).as("vert.x's own JWT.decode takes DER").isEqualTo("user-0");
        assertRejected(new VertxVerifier(es.policy()), der, Reason.BAD_SIGNATURE);
        assertRejected(new VertxVerifier(es.policy().withJwsOnly(true)), der, Reason.BAD_SIGNATURE);
    }

    @Test
    void theFixedClockDecidesTheExactExpiryAndNotBeforeBoundaries() throws Rejected {
        String expiresAt = hs256("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":" + (NOW + 10));
        assertThat(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 9))).authenticate(expiresAt)).isNotNull();
        assertRejected(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 10))), expiresAt, Reason.EXPIRED);

        String notBefore = hs256("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"nbf\":" + (NOW + 10) + ",\"exp\":" + (NOW + 99));
        assertRejected(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 9))), notBefore, Reason.NOT_YET_VALID);
        assertThat(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 10))).authenticate(notBefore)).isNotNull();

        // The policy does not check iat; vert.x's provider would refuse one in the future.
        String issuedLater = hs256("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"iat\":" + (NOW + 3600) + ",\"exp\":" + (NOW + 99));
        assertThat(new VertxVerifier(HS.policy()).authenticate(issuedLater)).isEqualTo(new Principal("u", "j"));
    }

    @Test
    void audienceIsCheckedOnlyWhenThePolicyHasOne() throws Rejected {
        VerifierPolicy noAudience = new VerifierPolicy(JwtAlgorithm.HS256, HS.keys().verificationKey(), clockAt(NOW),
                Duration.ZERO, JwtFixture.ISSUER, null, false);
        String elsewhere = hs256("\"aud\":[\"a\",\"b\"],\"exp\":" + (NOW + 60));

        assertThat(new VertxVerifier(noAudience).authenticate(elsewhere)).isEqualTo(new Principal("u", "j"));
        assertRejected(new VertxVerifier(HS.policy()), elsewhere, Reason.WRONG_AUDIENCE);
        assertThat(new VertxVerifier(HS.policy()).authenticate(hs256("\"aud\":[\"a\",\"" + JwtFixture.AUDIENCE
                + "\"],\"exp\":" + (NOW + 60)))).isEqualTo(new Principal("u", "j"));
    }

    @Test
    void jwsOnlyChecksTheSignatureLayerOfANonJsonPayload() throws Rejected {
        assertJwsOnlyChecksTheSignatureLayer(new VertxVerifier(HS.policy().withJwsOnly(true)), HS.keys().signingKey());
    }

    /** An HS256 token for subject "u", jti "j", issued by the fixture's issuer, with extra claims. */
    private static String hs256(String moreClaims) {
        return JwsSigner.sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"sub\":\"u\",\"jti\":\"j\","
                + moreClaims + "}", "HmacSHA256", HS.keys().signingKey());
    }

}
