package org.authbench.jwt.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;
import static org.authbench.support.JwtCases.clockAt;
import static org.authbench.support.JwtCases.refusal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.reference.ReferenceVerifier;
import org.authbench.support.Fixtures;
import org.authbench.support.JwtCases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * What the Spring adapter had to set, proved: Spring's defaults alone accept what the policy refuses (60 s of skew,
 * no {@code exp}), the exact expiry and not-before seconds on the policy clock, the converted row's principal, the
 * EC key's {@code kid} ignored, the JWS-only mode, and the reason each hostile token is refused for.
 * {@code mvn -B test -Dtest=SpringVerifierTest}
 */
class SpringVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture HS = Fixtures.jwt(JwtAlgorithm.HS256, 2, NOW, 13);

    private static String hs256(String claims) {
        return JwsSigner.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\""
                + JwtFixture.AUDIENCE + "\",\"sub\":\"alice\",\"jti\":\"t-1\"" + claims + "}", "HmacSHA256",
                HS.keys().signingKey());
    }

    @Test
    void springsDefaultsAloneAcceptWhatThePolicyRefuses() throws Rejected {
        String expiredThirtySecondsAgo = hs256(",\"exp\":" + (Instant.now().getEpochSecond() - 30));
        String noExp = hs256("");
        NimbusJwtDecoder defaults = NimbusJwtDecoder.withSecretKey(HS.policy().secretKey()).build();
        defaults.setJwtValidator(JwtValidators.createDefaultWithIssuer(JwtFixture.ISSUER));

        assertThat(defaults.decode(expiredThirtySecondsAgo).getSubject()).as("60 s of skew by default").isEqualTo("alice");
        assertThat(defaults.decode(noExp).getSubject()).as("exp not required by default").isEqualTo("alice");
        Authenticator adapter = new SpringVerifier(HS.policy().withClock(Clock.systemUTC()), false);
        assertRejected(adapter, expiredThirtySecondsAgo, Reason.EXPIRED);
        assertRejected(adapter, noExp, Reason.MISSING_CLAIM);
    }

    @Test
    void theFixedClockDecidesTheExactExpiryAndNotBeforeSeconds() throws Rejected {
        String token = hs256(",\"nbf\":" + (NOW + 10) + ",\"exp\":" + (NOW + 20));
        assertRejected(new SpringVerifier(HS.policy().withClock(clockAt(NOW + 9)), false), token, Reason.NOT_YET_VALID);
        assertThat(new SpringVerifier(HS.policy().withClock(clockAt(NOW + 10)), false).authenticate(token))
                .isEqualTo(new Principal("alice", "t-1"));
        assertThat(new SpringVerifier(HS.policy().withClock(clockAt(NOW + 19)), false).authenticate(token))
                .isEqualTo(new Principal("alice", "t-1"));
        assertRejected(new SpringVerifier(HS.policy().withClock(clockAt(NOW + 20)), false), token, Reason.EXPIRED);
    }

    @Test
    void theConvertedRowReturnsTheSamePrincipalAsTheDecoder() throws Rejected {
        String token = hs256(",\"scope\":\"read write\",\"exp\":" + (NOW + 60));
        assertThat(new SpringVerifier(HS.policy(), true).authenticate(token)).isEqualTo(new Principal("alice", "t-1"))
                .isEqualTo(new SpringVerifier(HS.policy(), false).authenticate(token));
    }

    @Test
    void anEcKeyIgnoresTheHeadersKidAsThePolicySays() throws Rejected {
        JwtFixture es = Fixtures.jwt(JwtAlgorithm.ES256, 2, NOW, 13);
        String withKid = JwsSigner.sign("{\"alg\":\"ES256\",\"kid\":\"any\"}", "{\"sub\":\"bob\",\"jti\":\"j\",\"iss\":\""
                + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":" + (NOW + 60) + "}",
                "SHA256withECDSAinP1363Format", es.keys().signingKey());
        assertThat(new SpringVerifier(es.policy(), false).authenticate(withKid)).isEqualTo(new Principal("bob", "j"));
    }

    @Test
    void jwsOnlyChecksTheSignatureAndCannotJudgeANonJsonPayload() throws Rejected {
        Authenticator jwsOnly = new SpringVerifier(HS.policy().withJwsOnly(true), false);
        String expired = hs256(",\"exp\":" + (NOW - 3600));
        assertThat(jwsOnly.authenticate(expired)).isEqualTo(new Principal(null, null));
        assertRejected(jwsOnly, JwtCases.flipLastSignatureByte(expired), Reason.BAD_SIGNATURE);
        assertRejected(jwsOnly, JwsSigner.sign("{\"alg\":\"HS256\"}", "not a claim set", "HmacSHA256",
                HS.keys().signingKey()), Reason.UNSUPPORTED);
        assertRejected(jwsOnly, JwsSigner.sign("{\"alg\":\"HS512\"}", "{}", "HmacSHA512", HS.keys().signingKey()),
                Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Test
    void springRefusesATypOtherThanJwtByDefault() {
        String accessTokenTyp = JwsSigner.sign("{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}", "{\"iss\":\"" + JwtFixture.ISSUER
                + "\",\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":" + (NOW + 60) + "}", "HmacSHA256",
                HS.keys().signingKey());
        assertRejected(new SpringVerifier(HS.policy(), false), accessTokenTyp, Reason.OTHER);
    }

    /** The reference's reason, except where nimbus (Spring's parser) judges the token malformed first. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostiles")
    void refusesForTheSameReasonAsTheReference(JwtAlgorithm alg, Hostile kind) {
        JwtFixture f = Fixtures.jwt(alg, 2, NOW, 11);
        String token = f.hostile(kind);
        Reason expected = switch (kind) {
            case ALG_NONE_MIXED_CASE, EMPTY_SIGNATURE -> Reason.MALFORMED;
            case EMBEDDED_JWK -> alg.isHmac() ? Reason.MALFORMED : Reason.BAD_SIGNATURE;
            default -> refusal(new ReferenceVerifier(f.policy()), token);
        };
        assertThat(refusal(new SpringVerifier(f.policy(), false), token)).isEqualTo(expected);
        assertThat(refusal(new SpringVerifier(f.policy(), true), token)).isEqualTo(expected);
    }

    static Stream<Arguments> hostiles() {
        return JwtCases.hostiles(JwtLibrary.SPRING);
    }

    /** Spring's own enum names no EdDSA, so there is nothing to pin for it. */
    @Test
    void springHasNoEdDsaSignatureAlgorithm() {
        List<String> names = new ArrayList<>();
        for (SignatureAlgorithm a : SignatureAlgorithm.values()) {
            names.add(a.getName());
        }
        assertThat(names).contains("RS256", "ES256", "PS256").doesNotContain("EdDSA", "Ed25519");
        assertThat(JwtLibrary.SPRING.supports(JwtAlgorithm.EdDSA)).isFalse();
    }
}
