package org.authbench.jwt.smallrye;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureBuilder;
import java.security.Key;
import java.security.PrivateKey;
import javax.crypto.SecretKey;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;

/**
 * SmallRye JWT's issuing side ({@code smallrye-jwt-build}): {@code Jwt.claims()...jws().algorithm(..).sign(key)} per
 * token, the fluent API Quarkus applications sign with. Nothing is shared between calls but the key.
 *
 * <p>What SmallRye needed to write the common token: {@code algorithm(..)} (the default is RS256); {@code iat} and
 * {@code exp} given explicitly (it would add {@code iat} = now and {@code exp} = now + 300 s itself); {@code nbf} and
 * {@code jti} as plain claims; the header carries {@code typ: JWT} by default.
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=SMALLRYE</pre>
 */
public final class SmallRyeIssuer implements TokenIssuer {

    private final SignatureAlgorithm algorithm;
    private final Key signingKey;

    public SmallRyeIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        this.algorithm = SignatureAlgorithm.fromAlgorithm(algorithm.name());
        this.signingKey = signingKey;
    }

    @Override
    public String issue(TokenClaims c) {
        JwtSignatureBuilder jws = Jwt.claims()
                .issuer(c.issuer())
                .subject(c.subject())
                .audience(c.audience())
                .issuedAt(c.issuedAt())
                .claim("nbf", c.notBefore())
                .expiresAt(c.expiresAt())
                .claim("jti", c.id())
                .claim("scope", c.scope())
                .jws()
                .algorithm(algorithm);
        return signingKey instanceof SecretKey secret ? jws.sign(secret) : jws.sign((PrivateKey) signingKey);
    }
}
