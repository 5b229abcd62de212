package org.authbench.revocation;

import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;

/**
 * JWT verification plus revocation: the wrapped verifier checks signature and claims first, then the
 * verified {@code jti} is looked up in a {@link Denylist}. Verify first, so an unauthenticated token never
 * reaches the denylist (and cannot probe it or load the server behind it); a token without {@code jti}
 * cannot be revoked and is refused.
 *
 * <pre>java -jar target/authbench.jar jmh RevocationBenchmark.jwt_ -p denylist=REDIS</pre>
 */
public final class DenylistAuthenticator implements Authenticator {

    private final Authenticator verifier;
    private final Denylist denylist;

    public DenylistAuthenticator(Authenticator verifier, Denylist denylist) {
        this.verifier = verifier;
        this.denylist = denylist;
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        Principal p = verifier.authenticate(token);
        if (p.credentialId() == null) {
            throw new Rejected(Reason.MISSING_CLAIM, "token has no jti, so it cannot be checked for revocation");
        }
        if (denylist.contains(p.credentialId())) {
            throw new Rejected(Reason.REVOKED, "token revoked");
        }
        return p;
    }
}
