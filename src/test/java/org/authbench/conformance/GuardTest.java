package org.authbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.junit.jupiter.api.Test;

/** The per-case bound and the classification of what a verifier throws. */
class GuardTest {

    @Test
    void classifiesAcceptRejectErrorAndTimeout() {
        try (Guard g = new Guard(Duration.ofMillis(200))) {
            assertThat(g.run(() -> new Principal("s", "j")).kind()).isEqualTo(Verdict.Kind.ACCEPTED);
            Verdict rejected = g.run(() -> {
                throw new Rejected(Rejected.Reason.BAD_SIGNATURE, "no");
            });
            assertThat(rejected.kind()).isEqualTo(Verdict.Kind.REJECTED);
            assertThat(rejected.detail()).isEqualTo("bad_signature");
            Verdict overflow = g.run(() -> {
                throw new StackOverflowError("deep");
            });
            assertThat(overflow.kind()).isEqualTo(Verdict.Kind.ERROR);
            assertThat(overflow.detail()).contains("StackOverflowError");
            AtomicBoolean release = new AtomicBoolean();
            Verdict hang = g.run(() -> {
                while (!release.get()) { // ignores interrupts: the worker must be abandoned, not waited for
                    Thread.interrupted();
                    LockSupport.parkNanos(1_000_000);
                }
                return new Principal(null, null);
            });
            release.set(true);
            assertThat(hang.kind()).isEqualTo(Verdict.Kind.TIMEOUT);
            assertThat(g.abandoned()).isEqualTo(1);
            assertThat(g.run(() -> new Principal(null, null)).kind()).as("a fresh worker takes the next case")
                    .isEqualTo(Verdict.Kind.ACCEPTED);
        }
    }
}
