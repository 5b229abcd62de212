package org.authbench.bench;

import java.util.Locale;
import java.util.Objects;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * Verify before timing: a trial whose authenticator accepts a forged credential, or refuses a valid one,
 * fails in setup instead of producing a number. A benchmark of a verifier that accepts everything is a
 * lie with a number on it.
 */
public final class Preflight {

    private Preflight() {
    }

    /** Every credential must authenticate to the expected principal. */
    public static void mustAccept(String what, Authenticator auth, String[] credentials, Principal[] expected) {
        for (int i = 0; i < credentials.length; i++) {
            Principal got;
            try {
                got = auth.authenticate(credentials[i]);
            } catch (Rejected e) {
                throw new IllegalStateException(what + ": refused valid credential #" + i + " (" + e.code() + ": "
                        + e.getMessage() + ")");
            }
            if (!Objects.equals(got, expected[i])) {
                throw new IllegalStateException(what + ": credential #" + i + " gave " + got + ", expected " + expected[i]);
            }
        }
    }

    /** Every credential must be refused (any reason). */
    public static void mustReject(String what, Authenticator auth, String... credentials) {
        for (int i = 0; i < credentials.length; i++) {
            try {
                Principal p = auth.authenticate(credentials[i]);
                throw new IllegalStateException(what + ": ACCEPTED hostile credential #" + i + " as " + p);
            } catch (Rejected expected) {
                // refused, as it must be
            }
        }
    }

    /** Every credential must be refused with exactly {@code reason}. */
    public static void mustReject(String what, Authenticator auth, Rejected.Reason reason, String... credentials) {
        for (int i = 0; i < credentials.length; i++) {
            try {
                Principal p = auth.authenticate(credentials[i]);
                throw new IllegalStateException(what + ": ACCEPTED credential #" + i + " as " + p);
            } catch (Rejected e) {
                if (e.reason() != reason) {
                    throw new IllegalStateException(what + ": credential #" + i + " refused as " + e.code()
                            + ", expected " + reason.name().toLowerCase(Locale.ROOT));
                }
            }
        }
    }
}
