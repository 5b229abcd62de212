package org.authbench.jwt.smallrye;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.assertRejected;
import static org.authbench.support.JwtCases.clockAt;
import static org.authbench.support.JwtCases.refusal;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
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

/**
 * What the SmallRye adapter had to set, proved: SmallRye's defaults refuse what the policy accepts (no {@code iat},
 * no {@code sub}, any algorithm but RS256) and accept what it refuses (30 s after {@code exp}); the exact expiry and
 * not-before seconds on a fixed policy clock, which SmallRye itself cannot take; the JWS-only mode; and the reason
 * each hostile token is refused for. {@code mvn -B test -Dtest=SmallRyeVerifierTest}
 */
class SmallRyeVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture HS = Fixtures.jwt(JwtAlgorithm.HS256, 2, NOW, 17);

    private static String hs256(String claims) {
        return JwsSigner.sign("{\"alg\":\"HS256\",\"typ\":\"JWT\"}", "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\""
                + JwtFixture.AUDIENCE + "\"" + claims + "}", "HmacSHA256", HS.keys().signingKey());
    }

    @Test
    void smallRyesDefaultsDifferFromThePolicyBothWays() throws Exception {
        long now = Instant.now().getEpochSecond();
        JWTAuthContextInfo defaults = new JWTAuthContextInfo();
        defaults.setSecretVerificationKey((SecretKey) HS.keys().verificationKey());
        defaults.setSignatureAlgorithm(Set.of(SignatureAlgorithm.HS256));
        DefaultJWTParser parser = new DefaultJWTParser(defaults);

        String expiredThirtySecondsAgo = hs256(",\"sub\":\"a\",\"iat\":" + (now - 90) + ",\"exp\":" + (now - 30));
        assertThat(parser.parse(expiredThirtySecondsAgo).getSubject()).as("60 s of skew by default").isEqualTo("a");
        assertThatThrownBy(() -> parser.parse(hs256(",\"sub\":\"a\",\"exp\":" + (now + 60))))
                .as("iat required by default").isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> parser.parse(hs256(",\"iat\":" + now + ",\"exp\":" + (now + 60))))
                .as("sub, upn or preferred_username required by default").isInstanceOf(ParseException.class);
        assertThat(new JWTAuthContextInfo().getSignatureAlgorithm()).containsExactly(SignatureAlgorithm.RS256);

        Authenticator adapter = new SmallRyeVerifier(HS.policy().withClock(Clock.systemUTC()));
        assertRejected(adapter, expiredThirtySecondsAgo, Reason.EXPIRED);
        assertThat(adapter.authenticate(hs256(",\"jti\":\"j\",\"exp\":" + (now + 60)))).isEqualTo(new Principal(null, "j"));
    }

    @Test
    void theFixedClockDecidesTheExactExpiryAndNotBeforeSeconds() throws Rejected {
        String token = hs256(",\"sub\":\"alice\",\"jti\":\"t-1\",\"nbf\":" + (NOW + 10) + ",\"exp\":" + (NOW + 20));
        assertRejected(new SmallRyeVerifier(HS.policy().withClock(clockAt(NOW + 9))), token, Reason.NOT_YET_VALID);
        assertThat(new SmallRyeVerifier(HS.policy().withClock(clockAt(NOW + 10))).authenticate(token))
                .isEqualTo(new Principal("alice", "t-1"));
        assertThat(new SmallRyeVerifier(HS.policy().withClock(clockAt(NOW + 19))).authenticate(token))
                .isEqualTo(new Principal("alice", "t-1"));
        assertRejected(new SmallRyeVerifier(HS.policy().withClock(clockAt(NOW + 20))), token, Reason.EXPIRED);
    }

    @Test
    void jwsOnlyChecksTheSignatureAndCannotJudgeANonJsonPayload() throws Rejected {
        Authenticator jwsOnly = new SmallRyeVerifier(HS.policy().withJwsOnly(true));
        String expired = hs256(",\"exp\":" + (NOW - 3600));
        assertThat(jwsOnly.authenticate(expired)).isEqualTo(new Principal(null, null));
        assertRejected(jwsOnly, JwtCases.flipLastSignatureByte(expired), Reason.BAD_SIGNATURE);
        assertRejected(jwsOnly, JwsSigner.sign("{\"alg\":\"HS256\"}", "not a claim set", "HmacSHA256",
                HS.keys().signingKey()), Reason.UNSUPPORTED);
        assertRejected(jwsOnly, JwsSigner.sign("{\"alg\":\"HS512\"}", "{}", "HmacSHA512", HS.keys().signingKey()),
                Reason.ALGORITHM_NOT_ALLOWED);
    }

    /**
     * A finding the conformance robustness run shows: SmallRye copies the claims into JSON-P values recursively
     * ({@code JsonUtils.wrapValue}), so a signed payload nested a few thousand levels deep overflows the stack, which
     * jose4j alone parses. It is not a refusal, so it is not turned into one.
     */
    @Test
    void aDeeplyNestedSignedPayloadOverflowsSmallRyesStackWhereJose4jAloneCopes() throws Rejected {
        String nested = hs256(",\"exp\":" + (NOW + 60) + ",\"x\":" + "[".repeat(5000) + "]".repeat(5000));
        assertThatThrownBy(() -> new SmallRyeVerifier(HS.policy()).authenticate(nested)).isInstanceOf(StackOverflowError.class);
        assertThat(JwtLibrary.JOSE4J.create(HS.policy()).authenticate(nested)).isEqualTo(new Principal(null, null));
    }

    /** The reference's reason, except where jose4j (SmallRye's parser) classifies the token itself. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostiles")
    void refusesForTheSameReasonAsTheReference(JwtAlgorithm alg, Hostile kind) {
        JwtFixture f = Fixtures.jwt(alg, 2, NOW, 11);
        String token = f.hostile(kind);
        Reason expected = kind == Hostile.MISSING_ALG
                // jose4j's algorithm constraint compares the (absent) alg with the pinned one: a mismatch
                ? Reason.ALGORITHM_NOT_ALLOWED
                : refusal(new ReferenceVerifier(f.policy()), token);
        assertThat(refusal(new SmallRyeVerifier(f.policy()), token)).isEqualTo(expected);
    }

    static Stream<Arguments> hostiles() {
        return JwtCases.hostiles(JwtLibrary.SMALLRYE);
    }
}
