package org.authbench.jwt.vertx;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.jwt.VerifierPolicy;

/** PLACEHOLDER: being written. */
public final class VertxVerifier implements Authenticator {

    public VertxVerifier(VerifierPolicy policy) {
        throw new UnsupportedOperationException("vertx adapter not written yet");
    }

    @Override
    public Principal authenticate(String credential) throws Rejected {
        throw new UnsupportedOperationException();
    }
}
