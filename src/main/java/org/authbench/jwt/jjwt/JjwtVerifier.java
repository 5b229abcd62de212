package org.authbench.jwt.jjwt;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.jwt.VerifierPolicy;

/** PLACEHOLDER: being written. */
public final class JjwtVerifier implements Authenticator {

    public JjwtVerifier(VerifierPolicy policy) {
        throw new UnsupportedOperationException("jjwt adapter not written yet");
    }

    @Override
    public Principal authenticate(String credential) throws Rejected {
        throw new UnsupportedOperationException();
    }
}
