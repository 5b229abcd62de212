package org.authbench.jwt.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CI gate's self-test: the slowdown is real (the whole verification runs again), proportional (N% more calls
 * reach the verifier), only on accepted tokens, and absent unless the property is set, so {@code reference}
 * otherwise builds the bare {@link ReferenceVerifier}.
 */
class SelfTestSlowdownTest {

    private static final JwtFixture F = Fixtures.jwt(JwtAlgorithm.HS256, 4, 1_750_000_000L, 42);

    @AfterEach
    void clearProperty() {
        System.clearProperty(SelfTestSlowdown.PROPERTY);
    }

    @Test
    void withoutThePropertyReferenceIsTheBareVerifier() {
        assertThat(JwtLibrary.REFERENCE.create(F.policy())).isExactlyInstanceOf(ReferenceVerifier.class);
        System.setProperty(SelfTestSlowdown.PROPERTY, "0");
        assertThat(JwtLibrary.REFERENCE.create(F.policy())).isExactlyInstanceOf(ReferenceVerifier.class);
    }

    @Test
    void withThePropertyReferenceIsWrappedAndStillVerifies() throws Rejected {
        System.setProperty(SelfTestSlowdown.PROPERTY, "10");
        Authenticator v = JwtLibrary.REFERENCE.create(F.policy());
        assertThat(v).isExactlyInstanceOf(SelfTestSlowdown.class);
        assertThat(v.authenticate(F.validTokens()[1])).isEqualTo(F.principal(1));
        assertThatThrownBy(() -> v.authenticate("garbage")).isInstanceOf(Rejected.class);
    }

    @ParameterizedTest(name = "{0}%")
    @ValueSource(ints = {1, 10, 25, 100, 250})
    void theExtraVerificationsAreThatShareOfAcceptedCalls(int percent) throws Rejected {
        Counting inner = new Counting(new ReferenceVerifier(F.policy()));
        System.setProperty(SelfTestSlowdown.PROPERTY, Integer.toString(percent));
        Authenticator slowed = SelfTestSlowdown.around(inner);
        for (int i = 0; i < 1000; i++) {
            assertThat(slowed.authenticate(F.validTokens()[i & 3])).isEqualTo(F.principal(i & 3));
        }
        assertThat(inner.calls).isEqualTo(1000 + 10 * percent);
    }

    @Test
    void aRefusedTokenIsVerifiedOnce() {
        System.setProperty(SelfTestSlowdown.PROPERTY, "100");
        Counting inner = new Counting(token -> {
            throw new Rejected(Reason.BAD_SIGNATURE, "no");
        });
        Authenticator slowed = SelfTestSlowdown.around(inner);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> slowed.authenticate("t")).isInstanceOf(Rejected.class);
        }
        assertThat(inner.calls).isEqualTo(10);
    }

    @Test
    void aNegativePercentageIsRefused() {
        System.setProperty(SelfTestSlowdown.PROPERTY, "-5");
        assertThatThrownBy(() -> JwtLibrary.REFERENCE.create(F.policy())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(SelfTestSlowdown.PROPERTY + " must not be negative");
    }

    /** Counts the calls that reach the wrapped verifier. */
    private static final class Counting implements Authenticator {
        final Authenticator inner;
        int calls;

        Counting(Authenticator inner) {
            this.inner = inner;
        }

        @Override
        public Principal authenticate(String token) throws Rejected {
            calls++;
            return inner.authenticate(token);
        }
    }
}
