package org.authbench.jwt.vertx;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWS;
import java.security.Key;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.LibraryModule;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.TokenIssuer;
import org.authbench.jwt.VerifierPolicy;

/**
 * vertx-auth-jwt: what the suite knows about it. Two rows share this folder: the public path applications call
 * ({@code JWTAuth.authenticate}) and the JOSE-level call inside it ({@code JWT.decode}), whose difference is the cost
 * of vert.x's public wrapper.
 */
public final class Vertx implements LibraryModule {

    private final boolean publicPath;

    /** @param publicPath true for {@code JWTAuth.authenticate(TokenCredentials)}, false for {@code JWT.decode} */
    public Vertx(boolean publicPath) {
        this.publicPath = publicPath;
    }

    /** vert.x refuses the empty signature segment of an {@code alg: none} token before reading {@code alg}, as malformed. */
    @Override
    public Facts facts() {
        return new Facts(List.of("io.vertx:vertx-auth-jwt", "io.vertx:vertx-core"), Map.of(), Reason.MALFORMED);
    }

    /** The public {@code JWTAuth} path wraps the JOSE-level {@code JWT.decode} measured as {@code VERTX_JOSE}. */
    @Override
    public String buildsOn() {
        return publicPath ? "VERTX_JOSE" : null;
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new VertxVerifier(policy, publicPath);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new VertxIssuer(algorithm, signingKey);
    }

    /**
     * {@code io.vertx.ext.auth.impl.jose.JWS.verify(signature, data)}: an internal class, but the one its JWTAuth
     * verifies every token with, so its verdicts are vertx's. It refuses malformed signatures by throwing a plain
     * {@code RuntimeException} (its own, or wrapping JCA's); a subclass (index out of bounds...) is an error.
     */
    @Override
    public MessageApi messageApi() {
        return (alg, key) -> {
            Map<String, Object> jwk = new LinkedHashMap<>(JwkKeys.toJwk(key));
            jwk.put("alg", alg.name());
            JWS jws = new JWS(new JWK(new JsonObject(jwk)));
            return (message, signature) -> {
                try {
                    return jws.verify(signature, message);
                } catch (RuntimeException e) {
                    if (e.getClass() == RuntimeException.class) {
                        return false;
                    }
                    throw e;
                }
            };
        };
    }
}
