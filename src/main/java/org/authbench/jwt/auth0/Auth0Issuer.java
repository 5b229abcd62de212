package org.authbench.jwt.auth0;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;

/**
 * auth0 java-jwt 4 issuing: {@code JWT.create()...sign(Algorithm)} per token, with one {@link Algorithm} built
 * here (auth0's algorithms hold only the key and create their {@code Mac}/{@code Signature} per call).
 *
 * <p>What auth0 needed: {@code Algorithm.RSA256}/{@code ECDSA256} take a (public, private) pair; signing needs
 * only the private half, so the public one is null. auth0 writes {@code typ: JWT} by default and one
 * {@code aud} value as a string.
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=AUTH0</pre>
 */
public final class Auth0Issuer implements TokenIssuer {

    private final Algorithm algorithm;

    public Auth0Issuer(JwtAlgorithm alg, Key signingKey) {
        TokenIssuer.checkSigningKey(alg, signingKey);
        this.algorithm = switch (alg) {
            case HS256 -> Algorithm.HMAC256(signingKey.getEncoded());
            case RS256 -> Algorithm.RSA256(null, (RSAPrivateKey) signingKey);
            case ES256 -> Algorithm.ECDSA256(null, (ECPrivateKey) signingKey);
            case PS256 -> Algorithm.RSA256PSS(null, (RSAPrivateKey) signingKey);
            case ES384 -> Algorithm.ECDSA384(null, (ECPrivateKey) signingKey);
            case HS512 -> Algorithm.HMAC512(signingKey.getEncoded());
            case EdDSA -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
        };
    }

    @Override
    public String issue(TokenClaims c) {
        return JWT.create()
                .withIssuer(c.issuer())
                .withSubject(c.subject())
                .withAudience(c.audience())
                .withIssuedAt(Instant.ofEpochSecond(c.issuedAt()))
                .withNotBefore(Instant.ofEpochSecond(c.notBefore()))
                .withExpiresAt(Instant.ofEpochSecond(c.expiresAt()))
                .withJWTId(c.id())
                .withClaim("scope", c.scope())
                .sign(algorithm);
    }
}
