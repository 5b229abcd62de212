package org.authbench.jwt.jjwt;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.MacAlgorithm;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SignatureAlgorithm;
import java.security.Key;
import java.security.PrivateKey;
import java.util.Date;
import javax.crypto.SecretKey;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;

/**
 * jjwt 0.13 issuing: {@code Jwts.builder()} per token (jjwt's builders are single-use), {@code signWith(key, alg)}
 * with the pinned algorithm, {@code compact()}.
 *
 * <p>What jjwt needed to write the common claim set: {@code header().type("JWT")} (jjwt writes only {@code alg}
 * by default); {@code audience().single(aud)}, deprecated but the only way to write {@code aud} as one string
 * (jjwt 0.12+ otherwise writes an array); dates as {@code java.util.Date} (jjwt writes whole seconds).
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=JJWT</pre>
 */
public final class JjwtIssuer implements TokenIssuer {

    private final Key key;
    private final SecureDigestAlgorithm<?, ?> algorithm;

    public JjwtIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        this.key = signingKey;
        this.algorithm = switch (algorithm) {
            case HS256 -> Jwts.SIG.HS256;
            case RS256 -> Jwts.SIG.RS256;
            case ES256 -> Jwts.SIG.ES256;
            case PS256 -> Jwts.SIG.PS256;
            case ES384 -> Jwts.SIG.ES384;
            case HS512 -> Jwts.SIG.HS512;
            case EdDSA -> Jwts.SIG.EdDSA;
        };
    }

    @Override
    @SuppressWarnings("deprecation") // audience().single: see the class comment
    public String issue(TokenClaims c) {
        var b = Jwts.builder()
                .header().type("JWT").and()
                .issuer(c.issuer())
                .subject(c.subject())
                .audience().single(c.audience())
                .issuedAt(new Date(c.issuedAt() * 1000))
                .notBefore(new Date(c.notBefore() * 1000))
                .expiration(new Date(c.expiresAt() * 1000))
                .id(c.id())
                .claim("scope", c.scope());
        return (algorithm instanceof MacAlgorithm mac ? b.signWith((SecretKey) key, mac)
                : b.signWith((PrivateKey) key, (SignatureAlgorithm) algorithm)).compact();
    }
}
