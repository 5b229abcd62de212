package org.authbench.jwt.jose4j;

import java.security.Key;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * jose4j 0.9 issuing: a {@link JwtClaims} and a {@link JsonWebSignature} per token (jose4j's JWS objects are
 * single-use), {@code getCompactSerialization()}.
 *
 * <p>What jose4j needed: the claims are serialised by the caller ({@code claims.toJson()} as the JWS payload);
 * {@code typ} set as a header ({@code setHeader("typ", "JWT")}); the JCA key as is (a {@code SecretKey} for
 * HS256, jose4j insists on ≥ 256 bits).
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=JOSE4J</pre>
 */
public final class Jose4jIssuer implements TokenIssuer {

    private final Key key;
    private final String alg;

    public Jose4jIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        this.key = signingKey;
        this.alg = switch (algorithm) {
            case HS256 -> AlgorithmIdentifiers.HMAC_SHA256;
            case RS256 -> AlgorithmIdentifiers.RSA_USING_SHA256;
            case ES256 -> AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256;
            case PS256 -> AlgorithmIdentifiers.RSA_PSS_USING_SHA256;
            case ES384 -> AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384;
            case HS512 -> AlgorithmIdentifiers.HMAC_SHA512;
            case EdDSA -> AlgorithmIdentifiers.EDDSA;
        };
    }

    @Override
    public String issue(TokenClaims c) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(c.issuer());
        claims.setSubject(c.subject());
        claims.setAudience(c.audience());
        claims.setIssuedAt(NumericDate.fromSeconds(c.issuedAt()));
        claims.setNotBefore(NumericDate.fromSeconds(c.notBefore()));
        claims.setExpirationTime(NumericDate.fromSeconds(c.expiresAt()));
        claims.setJwtId(c.id());
        claims.setClaim("scope", c.scope());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(alg);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("jose4j could not sign: " + e.getMessage(), e);
        }
    }
}
