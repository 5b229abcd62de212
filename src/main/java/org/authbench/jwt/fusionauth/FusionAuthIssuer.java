package org.authbench.jwt.fusionauth;

import io.fusionauth.jwt.JWTEncoder;
import io.fusionauth.jwt.Signer;
import io.fusionauth.jwt.domain.JWT;
import io.fusionauth.jwt.ec.ECSigner;
import io.fusionauth.jwt.hmac.HMACSigner;
import io.fusionauth.jwt.rsa.RSAPSSSigner;
import io.fusionauth.jwt.rsa.RSASigner;
import java.security.Key;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;

/**
 * fusionauth-jwt 5 issuing: a {@link JWT} per token, encoded by the library's shared {@link JWTEncoder} with one
 * {@link Signer} built here ({@code HMACSigner}, {@code RSASigner}, {@code RSAPSSSigner}, {@code ECSigner}).
 *
 * <p>What fusionauth needed: the secret as raw bytes ({@code getEncoded()}); private keys as {@code PrivateKey}
 * objects (PEM strings are the other option); dates as {@code ZonedDateTime} (built per token from the epoch
 * seconds). fusionauth writes {@code typ: JWT} by default and one {@code aud} value as a string.
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=FUSIONAUTH</pre>
 */
public final class FusionAuthIssuer implements TokenIssuer {

    private final Signer signer;
    private final JWTEncoder encoder = JWT.getEncoder();

    public FusionAuthIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        this.signer = switch (algorithm) {
            case HS256 -> HMACSigner.newSHA256Signer(signingKey.getEncoded());
            case RS256 -> RSASigner.newSHA256Signer((PrivateKey) signingKey);
            case ES256 -> ECSigner.newSHA256Signer((PrivateKey) signingKey);
            case PS256 -> RSAPSSSigner.newSHA256Signer((PrivateKey) signingKey);
            case ES384 -> ECSigner.newSHA384Signer((PrivateKey) signingKey);
            case HS512 -> HMACSigner.newSHA512Signer(signingKey.getEncoded());
            case EdDSA -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
        };
    }

    @Override
    public String issue(TokenClaims c) {
        JWT jwt = new JWT()
                .setIssuer(c.issuer())
                .setSubject(c.subject())
                .setAudience(c.audience())
                .setIssuedAt(utc(c.issuedAt()))
                .setNotBefore(utc(c.notBefore()))
                .setExpiration(utc(c.expiresAt()))
                .setUniqueId(c.id())
                .addClaim("scope", c.scope());
        return encoder.encode(jwt, signer);
    }

    private static ZonedDateTime utc(long epochSecond) {
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
