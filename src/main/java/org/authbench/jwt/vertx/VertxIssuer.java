package org.authbench.jwt.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.security.Key;
import java.util.Base64;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;

/**
 * vertx-auth-jwt 5 issuing through the provider's own call, {@link JWTAuth#generateToken(JsonObject, JWTOptions)}:
 * a {@link JsonObject} of claims per token, one provider and one {@link JWTOptions} (the pinned algorithm) built
 * here. Signing locks the key's shared {@code Mac}/{@code Signature}, as vert.x's verification does.
 *
 * <p>What vert.x needed:
 * <ul>
 *   <li>keys as {@link PubSecKeyOptions}: the HMAC secret as a raw buffer, private keys as PKCS#8 PEM
 *       ({@code -----BEGIN PRIVATE KEY-----}); vert.x takes no JCA key objects;</li>
 *   <li>{@code JWTAuth.create(null, options)}: the provider uses its {@code Vertx} only to read a key store file,
 *       and none is configured, so no {@code Vertx} (and none of its threads) is created;</li>
 *   <li>the claims' own {@code iat}: vert.x adds {@code iat = now} only when the claims lack one, and adds
 *       {@code exp}/{@code aud}/{@code iss}/{@code sub} only from {@code JWTOptions}, none of which is set here.
 *       vert.x always writes {@code typ: JWT}.</li>
 * </ul>
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=VERTX</pre>
 */
public final class VertxIssuer implements TokenIssuer {

    private final JWTAuth provider;
    private final JWTOptions options;

    public VertxIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        PubSecKeyOptions key = new PubSecKeyOptions().setAlgorithm(algorithm.name());
        if (algorithm.isHmac()) {
            key.setBuffer(Buffer.buffer(signingKey.getEncoded()));
        } else {
            key.setBuffer("-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(signingKey.getEncoded())
                    + "\n-----END PRIVATE KEY-----\n");
        }
        this.provider = JWTAuth.create(null, new JWTAuthOptions().addPubSecKey(key));
        this.options = new JWTOptions().setAlgorithm(algorithm.name());
    }

    @Override
    public String issue(TokenClaims c) {
        JsonObject claims = new JsonObject()
                .put("iss", c.issuer())
                .put("sub", c.subject())
                .put("aud", c.audience())
                .put("iat", c.issuedAt())
                .put("nbf", c.notBefore())
                .put("exp", c.expiresAt())
                .put("jti", c.id())
                .put("scope", c.scope());
        return provider.generateToken(claims, options);
    }
}
