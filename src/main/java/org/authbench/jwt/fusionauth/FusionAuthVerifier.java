package org.authbench.jwt.fusionauth;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.jwt.VerifierPolicy;

/** PLACEHOLDER: being written. */
public final class FusionAuthVerifier implements Authenticator {

    public FusionAuthVerifier(VerifierPolicy policy) {
        throw new UnsupportedOperationException("fusionauth adapter not written yet");
    }

    @Override
    public Principal authenticate(String credential) throws Rejected {
        throw new UnsupportedOperationException();
    }
}
