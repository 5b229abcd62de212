package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.flipLastSignatureByte;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * Verify before timing, with deliberately broken verifiers: a trial whose verifier accepts a hostile token, or
 * refuses a valid one, or returns the wrong principal, fails in setup; an honest verifier passes.
 */
class PreflightTest {

    private static final JwtFixture F = Fixtures.jwt(JwtAlgorithm.HS256, 4, 1_750_000_000L, 42);

    private static Principal[] expected() {
        Principal[] p = new Principal[F.validTokens().length];
        for (int i = 0; i < p.length; i++) {
            p[i] = F.principal(i);
        }
        return p;
    }

    @Test
    void aVerifierThatAcceptsAHostileTokenFailsTheTrial() {
        Authenticator acceptsEverything = token -> F.principal(0);
        String[] hostile = F.hostileTokens().values().toArray(String[]::new);
        assertThatThrownBy(() -> Preflight.mustReject("broken", acceptsEverything, hostile))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("broken: ACCEPTED hostile credential #0");
        assertThatThrownBy(() -> Preflight.mustReject("broken", acceptsEverything, Reason.EXPIRED, hostile))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("broken: ACCEPTED credential #0");
    }

    @Test
    void aVerifierThatRefusesAValidTokenFailsTheTrial() {
        Authenticator refusesEverything = token -> {
            throw new Rejected(Reason.BAD_SIGNATURE, "no");
        };
        assertThatThrownBy(() -> Preflight.mustAccept("broken", refusesEverything, F.validTokens(), expected()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("broken: refused valid credential #0");
    }

    @Test
    void aVerifierThatReturnsAnotherPrincipalOrReasonFailsTheTrial() {
        Authenticator honest = JwtLibrary.REFERENCE.create(F.policy());
        Authenticator firstPrincipalOnly = token -> {
            honest.authenticate(token);
            return F.principal(0);
        };
        assertThatThrownBy(() -> Preflight.mustAccept("broken", firstPrincipalOnly, F.validTokens(), expected()))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("broken: credential #1 gave ");
        String[] badSignatures = {flipLastSignatureByte(F.validTokens()[0])};
        assertThatThrownBy(() -> Preflight.mustReject("broken", honest, Reason.EXPIRED, badSignatures))
                .isInstanceOf(IllegalStateException.class).hasMessage("broken: credential #0 refused as bad_signature, expected expired");
    }

    @Test
    void anHonestVerifierPasses() {
        Authenticator honest = JwtLibrary.REFERENCE.create(F.policy());
        assertThatCode(() -> {
            Preflight.mustAccept("reference", honest, F.validTokens(), expected());
            Preflight.mustReject("reference", honest, F.hostileTokens().values().toArray(String[]::new));
        }).doesNotThrowAnyException();
    }
}
