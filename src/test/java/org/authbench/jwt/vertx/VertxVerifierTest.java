package org.authbench.jwt.vertx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;
import static org.authbench.support.JwtCases.clockAt;
import static org.authbench.support.JwtCases.assertJwsOnlyChecksTheSignatureLayer;
import static org.authbench.support.JwtCases.refusal;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWT;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code AdapterContractTest} does not show for vert.x: the library gap the adapter closes (an ASN.1 DER
 * ES256 signature verifies), the adapter's own time checks at the exact boundaries of a fixed clock (vert.x
 * has no clock to inject), {@code aud} semantics without a policy audience, the JWS-only path on a non-JSON
 * payload, the public path's synchronous future and its header re-read for {@code crit}, and the same refusal
 * reason on both paths. {@code mvn -B test -Dtest=VertxVerifierTest}
 */
class VertxVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture HS = JwtFixture.fixed(JwtAlgorithm.HS256, 2, NOW, 7);

    @ParameterizedTest(name = "public path {0}")
    @ValueSource(booleans = {true, false})
    void refusesADerEs256SignatureThatVertxAloneAccepts(boolean publicPath) throws Exception {
        JwtFixture es = JwtFixture.fixed(JwtAlgorithm.ES256, 2, NOW, 7);
        String der = es.hostile(Hostile.ECDSA_DER_SIGNATURE);
        JWT vertx = new JWT().addJWK(new JWK(new JsonObject(JwkKeys.toJwk(es.policy().key())).put("alg", "ES256")));

        assertThat(vertx.decode(der).getString("sub")).as("vert.x's own JWT.decode takes DER").isEqualTo("user-0");
        assertRejected(new VertxVerifier(es.policy(), publicPath), der, Reason.BAD_SIGNATURE);
        assertRejected(new VertxVerifier(es.policy().withJwsOnly(true), publicPath), der, Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "public path {0}")
    @ValueSource(booleans = {true, false})
    void theFixedClockDecidesTheExactExpiryAndNotBeforeBoundaries(boolean publicPath) throws Rejected {
        String expiresAt = hs256("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":" + (NOW + 10));
        assertThat(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 9)), publicPath).authenticate(expiresAt)).isNotNull();
        assertRejected(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 10)), publicPath), expiresAt, Reason.EXPIRED);

        String notBefore = hs256("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"nbf\":" + (NOW + 10) + ",\"exp\":" + (NOW + 99));
        assertRejected(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 9)), publicPath), notBefore, Reason.NOT_YET_VALID);
        assertThat(new VertxVerifier(HS.policy().withClock(clockAt(NOW + 10)), publicPath).authenticate(notBefore)).isNotNull();

        // The policy does not check iat; vert.x's provider would refuse one in the future.
        String issuedLater = hs256("\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"iat\":" + (NOW + 3600) + ",\"exp\":" + (NOW + 99));
        assertThat(new VertxVerifier(HS.policy(), publicPath).authenticate(issuedLater)).isEqualTo(new Principal("u", "j"));
    }

    @ParameterizedTest(name = "public path {0}")
    @ValueSource(booleans = {true, false})
    void audienceIsCheckedOnlyWhenThePolicyHasOne(boolean publicPath) throws Rejected {
        VerifierPolicy noAudience = new VerifierPolicy(JwtAlgorithm.HS256, HS.keys().verificationKey(), clockAt(NOW),
                Duration.ZERO, JwtFixture.ISSUER, null, false);
        String elsewhere = hs256("\"aud\":[\"a\",\"b\"],\"exp\":" + (NOW + 60));

        assertThat(new VertxVerifier(noAudience, publicPath).authenticate(elsewhere)).isEqualTo(new Principal("u", "j"));
        assertRejected(new VertxVerifier(HS.policy(), publicPath), elsewhere, Reason.WRONG_AUDIENCE);
        assertThat(new VertxVerifier(HS.policy(), publicPath).authenticate(hs256("\"aud\":[\"a\",\"" + JwtFixture.AUDIENCE
                + "\"],\"exp\":" + (NOW + 60)))).isEqualTo(new Principal("u", "j"));
    }

    @Test
    void jwsOnlyChecksTheSignatureLayerOfANonJsonPayload() throws Rejected {
        assertJwsOnlyChecksTheSignatureLayer(new VertxVerifier(HS.policy().withJwsOnly(true), true), HS.keys().signingKey());
        assertJwsOnlyChecksTheSignatureLayer(new VertxVerifier(HS.policy().withJwsOnly(true), false), HS.keys().signingKey());
    }

    @Test
    void thePublicPathsFutureIsCompleteWhenAuthenticateReturns() {
        JWTAuth provider = JWTAuth.create(null, new JWTAuthOptions()
                .addJwk(new JsonObject(JwkKeys.toJwk(HS.policy().key())).put("alg", "HS256")));
        Future<User> user = provider.authenticate(new TokenCredentials(hs256("\"exp\":" + (System.currentTimeMillis() / 1000 + 60))));
        assertThat(user.isComplete()).isTrue();
        assertThat(user.result().attributes().getJsonObject("accessToken").getString("sub")).isEqualTo("u");
        assertThat(user.result().principal().getString("jti")).as("claims are copied into the principal").isEqualTo("j");
    }

    /** vert.x ignores crit; the public path reads the header again only when it can name crit, escapes included. */
    @ParameterizedTest(name = "public path {0}")
    @ValueSource(booleans = {true, false})
    void critIsRefusedHoweverItIsSpelled(boolean publicPath) throws Rejected {
        String claims = "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":" + (NOW + 60) + "}";
        for (String header : new String[] {"{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}",
                "{\"alg\":\"HS256\",\"\\u0063rit\":[\"x\"],\"x\":1}"}) {
            assertRejected(new VertxVerifier(HS.policy(), publicPath),
                    JwsSigner.sign(header, claims, "HmacSHA256", HS.keys().signingKey()), Reason.UNSUPPORTED);
        }
        assertThat(new VertxVerifier(HS.policy(), publicPath).authenticate(JwsSigner.sign("{\"alg\":\"HS256\",\"x\":\"crit\"}",
                claims, "HmacSHA256", HS.keys().signingKey()))).isEqualTo(new Principal(null, null));
    }

    /** Both paths refuse every hostile token for the same reason. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("org.authbench.support.JwtCases#hostiles")
    void bothPathsRefuseForTheSameReason(JwtAlgorithm alg, Hostile kind) {
        JwtFixture f = JwtFixture.fixed(alg, 2, NOW, 7);
        String token = f.hostile(kind);
        assertThat(refusal(new VertxVerifier(f.policy(), true), token)).isEqualTo(refusal(new VertxVerifier(f.policy(), false), token));
    }

    /** An HS256 token for subject "u", jti "j", issued by the fixture's issuer, with extra claims. */
    private static String hs256(String moreClaims) {
        return JwsSigner.sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"sub\":\"u\",\"jti\":\"j\","
                + moreClaims + "}", "HmacSHA256", HS.keys().signingKey());
    }

}
