package org.authbench.jwt.reference;

import java.security.Key;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.LibraryModule;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.TokenIssuer;
import org.authbench.jwt.VerifierPolicy;

/** The project's own verifier on plain JCA: what the suite knows about it. */
public final class Reference implements LibraryModule {

    @Override
    public Facts facts() {
        return new Facts(List.of(), Map.of(), Reason.ALGORITHM_NOT_ALLOWED);
    }

    /** The bare verifier, unless the CI gate's self-test asks for its slowdown ({@link SelfTestSlowdown}). */
    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return SelfTestSlowdown.around(new ReferenceVerifier(policy));
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new ReferenceIssuer(algorithm, signingKey);
    }

    @Override
    public MessageApi messageApi() {
        return MessageApi.none("its only entry point is a compact JWS; its signature step is the JDK's Signature (see row jdk)");
    }
}
