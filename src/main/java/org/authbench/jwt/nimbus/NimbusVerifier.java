package org.authbench.jwt.nimbus;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.jwt.VerifierPolicy;

/** PLACEHOLDER: being written. */
public final class NimbusVerifier implements Authenticator {

    public NimbusVerifier(VerifierPolicy policy) {
        throw new UnsupportedOperationException("nimbus adapter not written yet");
    }

    @Override
    public Principal authenticate(String credential) throws Rejected {
        throw new UnsupportedOperationException();
    }
}
