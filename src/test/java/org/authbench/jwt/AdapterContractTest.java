package org.authbench.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwtFixture;
import org.authbench.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every adapter × algorithm it supports: accepts the whole valid pool as the right principals, and refuses
 * every hostile variant. Every pair it does not support is refused at creation with its reason. Fixed clock, so
 * expiry cases do not depend on when the test runs.
 *
 * <p>The pairs come from the enum (each library's module states what it cannot verify), so a new library is
 * tested without editing this class. The tests still fail both ways: a pair declared supported that does not work
 * fails the pool and hostile tests here; a declared gap that the library has closed fails the library's own test,
 * which shows each gap in the library itself ({@code Auth0VerifierTest}, {@code FusionAuthVerifierTest},
 * {@code NimbusVerifierTest}).
 */
class AdapterContractTest {

    static final long NOW = 1_750_000_000L;
    static JwtFixture fixture(JwtAlgorithm alg) {
        return Fixtures.jwt(alg, 8, NOW, 42);
    }

    static Stream<Arguments> adapters() {
        return pairs(true);
    }

    static Stream<Arguments> unsupported() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean supported) {
        List<Arguments> out = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                if (l.supports(a) == supported) {
                    out.add(Arguments.of(l, a));
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> hostileCases() {
        List<Arguments> out = new ArrayList<>();
        adapters().forEach(args -> {
            JwtAlgorithm a = (JwtAlgorithm) args.get()[1];
            for (Hostile h : Hostile.values()) {
                if (h.appliesToAlgorithm(a)) {
                    out.add(Arguments.of(args.get()[0], a, h));
                }
            }
        });
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} is supported")
    @MethodSource("adapters")
    void supportedPairIsDeclaredSupported(JwtLibrary library, JwtAlgorithm alg) {
        assertThat(library.supports(alg)).isTrue();
        assertThat(library.unsupportedReason(alg)).isNull();
        library.requireSupport(alg);
    }

    @ParameterizedTest(name = "{0} {1} is refused at creation")
    @MethodSource("unsupported")
    void unsupportedPairIsRefusedAtCreationWithItsReason(JwtLibrary library, JwtAlgorithm alg) {
        assertThat(library.supports(alg)).isFalse();
        String reason = library.unsupportedReason(alg);
        assertThat(reason).isNotBlank();
        assertThatThrownBy(() -> library.create(fixture(alg).policy()))
                .isInstanceOfSatisfying(UnsupportedAlgorithmException.class, e -> {
                    assertThat(e.library()).isEqualTo(library.cliName());
                    assertThat(e.algorithm()).isEqualTo(alg);
                    assertThat(e.getMessage()).isEqualTo(library.cliName() + " does not support " + alg + ": " + reason)
                            .doesNotContain("\n");
                });
    }

    @ParameterizedTest(name = "{0} {1} accepts the valid pool")
    @MethodSource("adapters")
    void acceptsValidPoolAsTheRightPrincipal(JwtLibrary library, JwtAlgorithm alg) throws Rejected {
        JwtFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        String[] tokens = f.validTokens();
        for (int i = 0; i < tokens.length; i++) {
            assertThat(v.authenticate(tokens[i])).as("token #%d", i).isEqualTo(f.principal(i));
        }
    }

    @ParameterizedTest(name = "{0} {1} refuses {2}")
    @MethodSource("hostileCases")
    void refusesHostileToken(JwtLibrary library, JwtAlgorithm alg, Hostile kind) {
        JwtFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        String token = f.hostile(kind);
        assertThatThrownBy(() -> v.authenticate(token)).as("%s must be refused", kind).isInstanceOf(Rejected.class);
    }
}
