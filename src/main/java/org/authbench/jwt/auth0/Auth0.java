package org.authbench.jwt.auth0;

import java.security.Key;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.LibraryModule;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.TokenIssuer;
import org.authbench.jwt.UnsupportedAlgorithmException;
import org.authbench.jwt.VerifierPolicy;

/** auth0 java-jwt: what the suite knows about it. */
public final class Auth0 implements LibraryModule {

    static final Map<JwtAlgorithm, String> UNSUPPORTED = Map.of(JwtAlgorithm.EdDSA,
            "java-jwt 4.x has no EdDSA algorithm (HMAC, RSA, RSA-PSS and ECDSA only)");

    static void requireSupport(JwtAlgorithm alg) {
        UnsupportedAlgorithmException.check("auth0", UNSUPPORTED, alg);
    }

    @Override
    public Facts facts() {
        return new Facts(List.of("com.auth0:java-jwt"), UNSUPPORTED, Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new Auth0Verifier(policy);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new Auth0Issuer(algorithm, signingKey);
    }

    @Override
    public MessageApi messageApi() {
        return MessageApi.none("its Algorithm.verify takes only a DecodedJWT and checks header + '.' + payload: no arbitrary message");
    }
}
