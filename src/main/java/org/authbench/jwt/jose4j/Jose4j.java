package org.authbench.jwt.jose4j;

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
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;

/** jose4j: what the suite knows about it. */
public final class Jose4j implements LibraryModule {

    @Override
    public Facts facts() {
        return new Facts(List.of("org.bitbucket.b_c:jose4j"), Map.of(), Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new Jose4jVerifier(policy);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new Jose4jIssuer(algorithm, signingKey);
    }

    /** {@code JsonWebSignatureAlgorithm.verifySignature(sig, key, securedInput, context)} from its algorithm factory. */
    @Override
    public MessageApi messageApi() {
        return (alg, key) -> {
            JsonWebSignatureAlgorithm a = AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                    .getAlgorithm(alg.name());
            ProviderContext context = new ProviderContext();
            return (message, signature) -> {
                try {
                    return a.verifySignature(signature, key, message, context);
                } catch (JoseException e) {
                    return false;
                }
            };
        };
    }
}
