package org.authbench.jwt.jose4j;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.jwt.VerifierPolicy;

/** PLACEHOLDER: being written. */
public final class Jose4jVerifier implements Authenticator {

    public Jose4jVerifier(VerifierPolicy policy) {
        throw new UnsupportedOperationException("jose4j adapter not written yet");
    }

    @Override
    public Principal authenticate(String credential) throws Rejected {
        throw new UnsupportedOperationException();
    }
}
