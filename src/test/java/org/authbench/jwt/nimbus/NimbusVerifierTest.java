package org.authbench.jwt.nimbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.flipLastSignatureByte;
import static org.authbench.support.JwtCases.refusal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the nimbus adapter had to set, proved: zero skew (nimbus's default is 60 s), the algorithm pin
 * (an RSA verifier alone accepts RS384 and PS256), {@code kid}/{@code typ} ignored as the policy says,
 * the JWS-only path, and the reason each hostile token is refused for.
 */
class NimbusVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture RSA = fixture(JwtAlgorithm.RS256);
    private static final Authenticator VERIFIER = new NimbusVerifier(RSA.policy());
    private static final Authenticator JWS_ONLY = new NimbusVerifier(RSA.policy().withJwsOnly(true));

    private static String claims(long exp, long nbf) {
        return "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE
                + "\",\"sub\":\"alice\",\"jti\":\"t-1\",\"nbf\":" + nbf + ",\"exp\":" + exp + "}";
    }

    private static String rs256(String header, String payload) {
        return JwsSigner.sign(header, payload, "SHA256withRSA", RSA.keys().signingKey());
    }

    private static JwtFixture fixture(JwtAlgorithm alg) {
        return Fixtures.jwt(alg, 2, NOW, 11);
    }


    @Test
    void expiredOneSecondAgoIsRefusedDespiteNimbusDefaultSkew() {
        assertThat(refusal(VERIFIER, rs256("{\"alg\":\"RS256\"}", claims(NOW - 1, NOW - 60)))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void expiringThisSecondIsRefused() {
        assertThat(refusal(VERIFIER, rs256("{\"alg\":\"RS256\"}", claims(NOW, NOW - 60)))).isEqualTo(Reason.EXPIRED);
    }

    @Test
    void validFromOneSecondAheadIsRefusedButFromNowIsAccepted() throws Rejected {
        assertThat(refusal(VERIFIER, rs256("{\"alg\":\"RS256\"}", claims(NOW + 60, NOW + 1)))).isEqualTo(Reason.NOT_YET_VALID);
        assertThat(VERIFIER.authenticate(rs256("{\"alg\":\"RS256\"}", claims(NOW + 60, NOW))))
                .isEqualTo(new Principal("alice", "t-1"));
    }

    @Test
    void otherRsaAlgorithmsSignedWithThePinnedKeyAreRefused() throws GeneralSecurityException {
        String rs384 = JwsSigner.sign("{\"alg\":\"RS384\"}", claims(NOW + 60, NOW), "SHA384withRSA", RSA.keys().signingKey());
        String ps256 = ps256("{\"alg\":\"PS256\"}", "{\"sub\":\"alice\",\"exp\":" + (NOW + 60) + "}");
        assertThat(refusal(VERIFIER, rs384)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(refusal(VERIFIER, ps256)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(refusal(JWS_ONLY, rs384)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
        assertThat(refusal(JWS_ONLY, ps256)).isEqualTo(Reason.ALGORITHM_NOT_ALLOWED);
    }

    private static String ps256(String header, String payload) throws GeneralSecurityException {
        String input = JwsSigner.b64(header) + "." + JwsSigner.b64(payload);
        Signature s = Signature.getInstance("RSASSA-PSS");
        s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        s.initSign((PrivateKey) RSA.keys().signingKey());
        s.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + JwsSigner.b64(s.sign());
    }

    @Test
    void keyIdAndTypeInTheHeaderDoNotMatter() throws Rejected {
        String token = rs256("{\"alg\":\"RS256\",\"kid\":\"rotated-2025\",\"typ\":\"at+jwt\"}", claims(NOW + 60, NOW));
        assertThat(VERIFIER.authenticate(token)).isEqualTo(new Principal("alice", "t-1"));
    }

    @Test
    void jwsOnlyChecksTheSignatureOfAnyPayload() throws Rejected {
        String token = rs256("{\"alg\":\"RS256\"}", "foo");
        assertThat(JWS_ONLY.authenticate(token)).isEqualTo(new Principal(null, null));
        assertThat(refusal(JWS_ONLY, flipLastSignatureByte(token))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(refusal(JWS_ONLY, rs256("{\"alg\":\"RS256\",\"crit\":[\"x\"],\"x\":1}", "foo"))).isEqualTo(Reason.UNSUPPORTED);
        assertThat(refusal(VERIFIER, token)).as("a claim set is required outside jwsOnly").isEqualTo(Reason.MALFORMED);
    }



    /** The reference's reason, except where nimbus itself judges the token malformed first. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostiles")
    void refusesForTheSameReasonAsTheReference(JwtAlgorithm alg, Hostile kind) {
        JwtFixture f = fixture(alg);
        String token = f.hostile(kind);
        Reason expected = switch (kind) {
            // nimbus parses "nOnE" as an unknown JWS algorithm, then finds the signature empty
            case ALG_NONE_MIXED_CASE, EMPTY_SIGNATURE -> Reason.MALFORMED;
            // a secret (oct) key is not a legal header jwk for nimbus
            case EMBEDDED_JWK -> alg.isHmac() ? Reason.MALFORMED : Reason.BAD_SIGNATURE;
            default -> refusal(new ReferenceVerifier(f.policy()), token);
        };
        assertThat(refusal(new NimbusVerifier(f.policy()), token)).isEqualTo(expected);
    }

    static Stream<Arguments> hostiles() {
        return JwtCases.hostiles(JwtLibrary.NIMBUS);
    }

    /**
     * Why nimbus has no EdDSA row: the processor's verifier factory (the production path) makes verifiers only
     * for secret, RSA and EC keys, and nimbus's own {@code Ed25519Verifier} is built on Google Tink, which is not
     * on this class path.
     */
    @Test
    void nimbusProcessorHasNoEdDsaVerifier() {
        JwtFixture ed = fixture(JwtAlgorithm.EdDSA);
        assertThatThrownBy(() -> new DefaultJWSVerifierFactory().createJWSVerifier(
                new JWSHeader(JWSAlgorithm.EdDSA), ed.keys().verificationKey()))
                .isInstanceOf(JOSEException.class);
        assertThatThrownBy(() -> Class.forName("com.google.crypto.tink.subtle.Ed25519Verify"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> new NimbusVerifier(ed.policy().withJwsOnly(true)))
                .isInstanceOf(UnsupportedAlgorithmException.class).hasMessageStartingWith("nimbus does not support EdDSA: ");
    }

}
