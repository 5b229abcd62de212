package org.authbench.jwt.nimbus;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.Key;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.util.Date;
import javax.crypto.SecretKey;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;

/**
 * nimbus-jose-jwt 10 issuing: a {@link JWTClaimsSet} and a {@link SignedJWT} per token, signed by one
 * {@link JWSSigner} built here ({@code MACSigner}, {@code RSASSASigner}, {@code ECDSASigner}; each creates its
 * {@code Mac}/{@code Signature} per call, so one signer serves all threads) under one immutable header.
 *
 * <p>What nimbus needed: {@code JWSHeader.Builder(alg).type(JOSEObjectType.JWT)} (nimbus writes no {@code typ}
 * unless told); the ES256 signer takes an {@code ECPrivateKey} and writes r || s itself. {@code aud} with one value
 * is written as a string.
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=NIMBUS</pre>
 */
public final class NimbusIssuer implements TokenIssuer {

    private final JWSHeader header;
    private final JWSSigner signer;

    public NimbusIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        JWSAlgorithm alg = switch (algorithm) {
            case HS256 -> JWSAlgorithm.HS256;
            case RS256 -> JWSAlgorithm.RS256;
            case ES256 -> JWSAlgorithm.ES256;
            case PS256 -> JWSAlgorithm.PS256;
            case ES384 -> JWSAlgorithm.ES384;
            case HS512 -> JWSAlgorithm.HS512;
            case EdDSA -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
        };
        this.header = new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build();
        try {
            this.signer = switch (algorithm.keyType()) {
                case OCT -> new MACSigner((SecretKey) signingKey);
                case RSA -> new RSASSASigner((PrivateKey) signingKey);
                case EC -> new ECDSASigner((ECPrivateKey) signingKey);
                case OKP -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
            };
        } catch (JOSEException e) {
            throw new IllegalArgumentException("nimbus cannot sign " + algorithm + " with this key: " + e.getMessage(), e);
        }
    }

    @Override
    public String issue(TokenClaims c) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(c.issuer())
                .subject(c.subject())
                .audience(c.audience())
                .issueTime(new Date(c.issuedAt() * 1000))
                .notBeforeTime(new Date(c.notBefore() * 1000))
                .expirationTime(new Date(c.expiresAt() * 1000))
                .jwtID(c.id())
                .claim("scope", c.scope())
                .build();
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("nimbus could not sign: " + e.getMessage(), e);
        }
        return jwt.serialize();
    }
}
