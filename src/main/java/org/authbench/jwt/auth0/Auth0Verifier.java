package org.authbench.jwt.auth0;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.jwt.VerifierPolicy;

/** PLACEHOLDER: being written. */
public final class Auth0Verifier implements Authenticator {

    public Auth0Verifier(VerifierPolicy policy) {
        throw new UnsupportedOperationException("auth0 adapter not written yet");
    }

    @Override
    public Principal authenticate(String credential) throws Rejected {
        throw new UnsupportedOperationException();
    }
}
