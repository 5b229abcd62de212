package org.authbench.jwt.reference;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * The CI gate's self-test: with {@code -Dauthbench.selftest.slowdownPercent=N} the reference verifier is wrapped in
 * this decorator, which verifies an accepted token a second time on N% of calls (deterministically, per thread), a
 * real and proportional slowdown. Without the property nothing is wrapped, so {@code reference} times nothing but
 * verification. The run manifest records the property when set.
 */
public final class SelfTestSlowdown implements Authenticator {

    /** System property of the CI-gate self-test; off (0) by default. */
    public static final String PROPERTY = "authbench.selftest.slowdownPercent";

    private final Authenticator delegate;
    private final int percent;
    private final ThreadLocal<Credit> credit = ThreadLocal.withInitial(Credit::new);

    SelfTestSlowdown(Authenticator delegate, int percent) {
        this.delegate = delegate;
        this.percent = percent;
    }

    /** {@code verifier} itself when the property is unset or 0; otherwise {@code verifier} slowed by that percentage. */
    public static Authenticator around(Authenticator verifier) {
        int percent = Integer.getInteger(PROPERTY, 0);
        if (percent < 0) {
            throw new IllegalArgumentException(PROPERTY + " must not be negative");
        }
        return percent == 0 ? verifier : new SelfTestSlowdown(verifier, percent);
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        Principal principal = delegate.authenticate(token);
        // The whole verification again on N% of calls, so the cost grows by N%.
        Credit t = credit.get();
        t.credit += percent;
        while (t.credit >= 100) {
            t.credit -= 100;
            t.sink ^= delegate.authenticate(token).hashCode();
        }
        return principal;
    }

    private static final class Credit {
        int credit;
        int sink;
    }
}
