package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.crypto.CryptoProvider;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.reference.ReferenceVerifier;
import org.authbench.jwt.reference.SelfTestSlowdown;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code VerifyBenchmark} times for {@code reference}: the bare verifier, unless the CI self-test is on; and its
 * proof before timing, which takes a bad signature only as {@code BAD_SIGNATURE}, from every supported pair.
 */
class VerifyBenchmarkSetupTest {

    private static final long NOW = 1_750_000_000L;

    static Stream<Arguments> supportedPairs() {
        List<Arguments> out = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                if (l.supports(a)) {
                    out.add(Arguments.of(l, a));
                }
            }
        }
        return out.stream();
    }

    private static void prove(JwtFixture f, Authenticator verifier) {
        String[] valid = f.validTokens();
        Principal[] expected = new Principal[valid.length];
        String[] bad = new String[valid.length];
        for (int i = 0; i < valid.length; i++) {
            expected[i] = f.principal(i);
            bad[i] = VerifyBenchmark.flipSignatureBit(valid[i]);
        }
        String[] hostile = f.hostileTokens().values().toArray(String[]::new);
        VerifyBenchmark.prove("test", verifier, valid, expected, bad, hostile);
    }

    @ParameterizedTest(name = "{0} {1} refuses a flipped signature bit as bad_signature")
    @MethodSource("supportedPairs")
    void everySupportedPairPassesTheProof(JwtLibrary library, JwtAlgorithm alg) {
        JwtFixture f = Fixtures.jwt(alg, 8, NOW, 42);
        assertThatCode(() -> prove(f, library.create(f.policy()))).doesNotThrowAnyException();
    }

    @Test
    void aVerifierThatRefusesABadSignatureForAnotherReasonFailsTheProof() {
        JwtFixture f = Fixtures.jwt(JwtAlgorithm.HS256, 8, NOW, 42);
        Authenticator honest = JwtLibrary.REFERENCE.create(f.policy());
        Authenticator otherReason = token -> {
            try {
                return honest.authenticate(token);
            } catch (Rejected e) {
                throw e.reason() == Reason.BAD_SIGNATURE ? new Rejected(Reason.MALFORMED, "no") : e;
            }
        };
        assertThatThrownBy(() -> prove(f, otherReason)).isInstanceOf(IllegalStateException.class)
                .hasMessage("test: credential #0 refused as malformed, expected bad_signature");
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(SelfTestSlowdown.PROPERTY);
    }

    private static Object verifierAfterSetup() throws ReflectiveOperationException {
        VerifyBenchmark b = new VerifyBenchmark();
        b.library = JwtLibrary.REFERENCE;
        b.alg = JwtAlgorithm.HS256;
        b.poolSize = 8;
        b.provider = CryptoProvider.DEFAULT;
        b.setup();
        Field f = VerifyBenchmark.class.getDeclaredField("verifier");
        f.setAccessible(true);
        return f.get(b);
    }

    @Test
    void referenceTimesTheBareVerifier() throws ReflectiveOperationException {
        assertThat(verifierAfterSetup()).isExactlyInstanceOf(ReferenceVerifier.class);
    }

    @Test
    void theSelfTestInstallsItsSlowdownAroundReference() throws ReflectiveOperationException {
        System.setProperty(SelfTestSlowdown.PROPERTY, "10");
        assertThat(verifierAfterSetup()).isExactlyInstanceOf(SelfTestSlowdown.class);
    }
}
