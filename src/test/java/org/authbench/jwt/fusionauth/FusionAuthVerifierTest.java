package org.authbench.jwt.fusionauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;
import static org.authbench.support.JwtCases.clockAt;
import static org.authbench.support.JwtCases.assertJwsOnlyChecksTheSignatureLayer;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fusionauth.jwt.domain.Algorithm;
import io.fusionauth.jwt.domain.JWT;
import io.fusionauth.jwt.ec.ECVerifier;
import io.fusionauth.jwt.hmac.HMACVerifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.UnsupportedAlgorithmException;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What {@code AdapterContractTest} does not show for fusionauth-jwt: the two library gaps the adapter closes
 * (a token is still valid at {@code now == exp}; zero-padded ES256 signatures verify), the time-machine decoder
 * at the exact boundaries, the system-clock branch, the JWS-only path on a non-JSON payload, and RFC 7515
 * Appendix A. {@code mvn -B test -Dtest=FusionAuthVerifierTest}
 */
class FusionAuthVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture HS = JwtFixture.fixed(JwtAlgorithm.HS256, 2, NOW, 7);

    @Test
    void refusesATokenAtItsExpiryInstantThatFusionAuthAloneAccepts() throws Rejected {
        String expiresNow = hs256("\"exp\":" + NOW);
        JWT decoded = JWT.getTimeMachineDecoder(Instant.ofEpochSecond(NOW).atZone(ZoneOffset.UTC))
                .decode(expiresNow, HMACVerifier.newVerifier(HS.keys().verificationKey().getEncoded()));
        assertThat(decoded.subject).as("fusionauth's own check is exp < now").isEqualTo("u");

        assertRejected(new FusionAuthVerifier(HS.policy()), expiresNow, Reason.EXPIRED);
        assertThat(new FusionAuthVerifier(HS.policy().withClock(clockAt(NOW - 1))).authenticate(expiresNow))
                .isEqualTo(new Principal("u", "j"));
    }

    @Test
    void notBeforeFollowsTheFixedClock() throws Rejected {
        String notBefore = hs256("\"nbf\":" + (NOW + 10) + ",\"exp\":" + (NOW + 99));
        assertRejected(new FusionAuthVerifier(HS.policy().withClock(clockAt(NOW + 9))), notBefore, Reason.NOT_YET_VALID);
        assertThat(new FusionAuthVerifier(HS.policy().withClock(clockAt(NOW + 10))).authenticate(notBefore)).isNotNull();
    }

    @Test
    void refusesAZeroPaddedEs256SignatureThatFusionAuthAloneAccepts() {
        JwtFixture es = JwtFixture.fixed(JwtAlgorithm.ES256, 2, NOW, 7);
        String valid = es.validTokens()[0];
        int dot = valid.lastIndexOf('.');
        byte[] rs = Base64.getUrlDecoder().decode(valid.substring(dot + 1));
        byte[] padded = new byte[66];
        System.arraycopy(rs, 0, padded, 1, 32);
        System.arraycopy(rs, 32, padded, 34, 32);
        String token = valid.substring(0, dot + 1) + JwsSigner.b64(padded);

        assertThatCode(() -> ECVerifier.newVerifier(es.policy().publicKey()).verify(Algorithm.ES256,
                valid.substring(0, dot).getBytes(StandardCharsets.US_ASCII), padded))
                .as("fusionauth's own ECVerifier takes zero-padded r and s").doesNotThrowAnyException();
        assertRejected(new FusionAuthVerifier(es.policy()), token, Reason.BAD_SIGNATURE);
        assertRejected(new FusionAuthVerifier(es.policy().withJwsOnly(true)), token, Reason.BAD_SIGNATURE);
    }

    @Test
    void withTheSystemClockTheStandardDecoderIsUsed() throws Rejected {
        JwtFixture live = JwtFixture.create(JwtAlgorithm.HS256, 2);
        FusionAuthVerifier v = new FusionAuthVerifier(live.policy());

        assertThat(v.authenticate(live.validTokens()[0])).isEqualTo(live.principal(0));
        assertRejected(v, live.hostile(Hostile.EXPIRED), Reason.EXPIRED);
        assertRejected(v, live.hostile(Hostile.NOT_YET_VALID), Reason.NOT_YET_VALID);
    }

    @Test
    void jwsOnlyChecksTheSignatureLayerOfANonJsonPayload() throws Rejected {
        assertJwsOnlyChecksTheSignatureLayer(new FusionAuthVerifier(HS.policy().withJwsOnly(true)), HS.keys().signingKey());
    }

    /** An HS256 token for subject "u", jti "j", for the fixture's issuer and audience, with extra claims. */
    private static String hs256(String moreClaims) {
        return JwsSigner.sign("{\"alg\":\"HS256\"}", "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\""
                + JwtFixture.AUDIENCE + "\",\"sub\":\"u\",\"jti\":\"j\"," + moreClaims + "}", "HmacSHA256",
                HS.keys().signingKey());
    }

    /** Why fusionauth has no EdDSA row: its {@code Algorithm} enum (every verifier's vocabulary) has no EdDSA. */
    @Test
    void fusionAuthKnowsNoEdDsa() {
        assertThat(Arrays.stream(Algorithm.values()).map(Enum::name))
                .contains("PS256", "ES384", "HS512")
                .noneMatch(n -> n.toUpperCase(Locale.ROOT).startsWith("ED"));
        assertThat(Algorithm.fromName("EdDSA")).isNull();
        assertThatThrownBy(() -> new FusionAuthVerifier(JwtFixture.fixed(JwtAlgorithm.EdDSA, 2, NOW, 7).policy()))
                .isInstanceOf(UnsupportedAlgorithmException.class).hasMessageStartingWith("fusionauth does not support EdDSA: ");
    }

    /** ES384 gets the same fixed-length rule as ES256: 96 bytes, not r and s zero-padded to 49 each. */
    @Test
    void refusesAZeroPaddedEs384Signature() throws Rejected {
        JwtFixture es = JwtFixture.fixed(JwtAlgorithm.ES384, 2, NOW, 7);
        String valid = es.validTokens()[0];
        int dot = valid.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(valid.substring(dot + 1));
        byte[] padded = new byte[98];
        System.arraycopy(sig, 0, padded, 1, 48);
        System.arraycopy(sig, 48, padded, 50, 48);
        String token = valid.substring(0, dot + 1) + JwsSigner.b64(padded);
        assertThat(new FusionAuthVerifier(es.policy()).authenticate(valid)).isEqualTo(es.principal(0));
        assertRejected(new FusionAuthVerifier(es.policy()), token, Reason.BAD_SIGNATURE);
    }

}
