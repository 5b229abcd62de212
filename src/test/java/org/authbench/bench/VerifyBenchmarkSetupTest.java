package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import org.authbench.crypto.CryptoProvider;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.reference.ReferenceVerifier;
import org.authbench.jwt.reference.SelfTestSlowdown;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What {@code VerifyBenchmark} times for {@code reference}: the bare verifier, unless the CI self-test is on. */
class VerifyBenchmarkSetupTest {

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
