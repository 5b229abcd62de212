package org.authbench.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import org.authbench.env.Environment;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.MessageApi.MessageVerifier;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every constant's module is complete: what the compiler cannot see (a version the run can record, a message API
 * that really verifies or says why it cannot, stated reasons) fails here, at test time, not during a run.
 */
class LibraryModuleTest {

    private static final long NOW = 1_750_000_000L;

    @ParameterizedTest
    @EnumSource(JwtLibrary.class)
    void itsCoordinatesResolveToAVersionOnTheClassPath(JwtLibrary library) {
        if (library == JwtLibrary.REFERENCE) {
            assertThat(library.coordinates()).as("this project's own code has no coordinates").isEmpty();
            return;
        }
        assertThat(library.coordinates()).isNotEmpty();
        for (String c : library.coordinates()) {
            assertThat(Environment.tracked()).contains(c);
            String[] ga = c.split(":");
            assertThat(Environment.version(ga[0], ga[1])).as(c).matches("[0-9][0-9A-Za-z.+-]*");
        }
    }

    @ParameterizedTest
    @EnumSource(JwtLibrary.class)
    void itsReasonsAreStated(JwtLibrary library) {
        assertThat(library.algNoneReason()).isNotNull();
        for (JwtAlgorithm a : JwtAlgorithm.values()) {
            if (!library.supports(a)) {
                assertThat(library.unsupportedReason(a)).isNotBlank().doesNotContain("\n");
            }
        }
    }

    /** A layer names a library the suite measures, never itself, and following layers always ends. */
    @ParameterizedTest
    @EnumSource(JwtLibrary.class)
    void whatItIsBuiltOnIsAnotherMeasuredLibrary(JwtLibrary library) {
        JwtLibrary base = library.buildsOn();
        int depth = 0;
        while (base != null) {
            assertThat(base).isNotEqualTo(library);
            assertThat(++depth).as("layers of " + library).isLessThan(JwtLibrary.values().length);
            base = base.buildsOn();
        }
    }

    @Test
    void theFrameworksNameTheLibrariesTheyRunOn() {
        assertThat(JwtLibrary.SPRING.buildsOn()).isEqualTo(JwtLibrary.NIMBUS);
        assertThat(JwtLibrary.SPRING_CONVERTED.buildsOn()).isEqualTo(JwtLibrary.SPRING);
        assertThat(JwtLibrary.SMALLRYE.buildsOn()).isEqualTo(JwtLibrary.JOSE4J);
        assertThat(JwtLibrary.VERTX.buildsOn()).isEqualTo(JwtLibrary.VERTX_JOSE);
        assertThat(JwtLibrary.NIMBUS.buildsOn()).isNull();
    }

    /** A message API accepts a JCA signature over an arbitrary message and refuses it over another message. */
    @ParameterizedTest
    @EnumSource(JwtLibrary.class)
    void itsMessageApiVerifiesOrSaysWhyNot(JwtLibrary library) throws Exception {
        MessageApi api = library.messageApi();
        assertThat(api).isNotNull();
        if (api.cannotTake() != null) {
            assertThat(api.cannotTake()).isNotBlank();
            return;
        }
        for (JwtAlgorithm alg : new JwtAlgorithm[] {JwtAlgorithm.ES256, JwtAlgorithm.RS256}) {
            JwtFixture f = Fixtures.jwt(alg, 2, NOW, 3);
            byte[] message = "not a JWS signing input".getBytes(StandardCharsets.UTF_8);
            Signature s = Signature.getInstance(alg.jcaName());
            s.initSign((PrivateKey) f.keys().signingKey());
            s.update(message);
            byte[] signature = s.sign();
            MessageVerifier v = api.verifier(alg, (PublicKey) f.keys().verificationKey());
            assertThat(v.verify(message, signature)).as("%s %s valid", library, alg).isTrue();
            assertThat(v.verify("another message".getBytes(StandardCharsets.UTF_8), signature))
                    .as("%s %s other message", library, alg).isFalse();
        }
    }
}
