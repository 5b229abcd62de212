package org.authbench.jwt.spring;

import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.TokenClaims;
import org.authbench.jwt.TokenIssuer;
import org.bouncycastle.jcajce.provider.asymmetric.util.EC5Util;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Spring Security's issuing side, as Spring Authorization Server signs: a {@link NimbusJwtEncoder} over a
 * {@code JWKSource} holding the one signing JWK, a {@link JwtClaimsSet} and the header per token. The encoder is
 * immutable once built and shared by all threads.
 *
 * <p>What Spring needed to write the common token: a JWK without {@code kid} (the encoder copies a JWK's {@code kid}
 * into every header, and its {@code withSecretKey}/{@code withKeyPair} builders always set one, so they are not used);
 * the header {@code alg} + {@code typ: JWT} passed with every token (the encoder's default header is RS256); an
 * RSA/EC JWK needs the public half, which the suite's issuers are not given, so it is derived from the private key
 * (RSA: modulus and public exponent of the CRT key; EC: the curve's generator times the private scalar).
 * {@code aud} is a one-element list, which nimbus writes as a string.
 *
 * <pre>java -jar target/authbench.jar jmh IssueBenchmark -p library=SPRING</pre>
 */
public final class SpringIssuer implements TokenIssuer {

    private final NimbusJwtEncoder encoder;
    private final JwsHeader header;

    public SpringIssuer(JwtAlgorithm algorithm, Key signingKey) {
        TokenIssuer.checkSigningKey(algorithm, signingKey);
        Spring.requireSupport(algorithm);
        JWK jwk;
        try {
            jwk = switch (algorithm.keyType()) {
                case OCT -> new OctetSequenceKey.Builder((SecretKey) signingKey).build();
                case RSA -> new RSAKey.Builder(rsaPublic((RSAPrivateCrtKey) signingKey)).privateKey((RSAPrivateKey) signingKey).build();
                case EC -> {
                    ECPublicKey pub = ecPublic((ECPrivateKey) signingKey);
                    yield new ECKey.Builder(Curve.forECParameterSpec(pub.getParams()), pub).privateKey((ECPrivateKey) signingKey).build();
                }
                case OKP -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
            };
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("spring cannot sign " + algorithm + " with this key: " + e.getMessage(), e);
        }
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        JwsAlgorithm alg = algorithm.isHmac() ? MacAlgorithm.from(algorithm.name()) : SignatureAlgorithm.from(algorithm.name());
        this.header = JwsHeader.with(alg).type("JWT").build();
    }

    private static RSAPublicKey rsaPublic(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static ECPublicKey ecPublic(ECPrivateKey key) throws GeneralSecurityException {
        var q = EC5Util.convertSpec(key.getParams()).getG().multiply(key.getS()).normalize();
        ECPoint w = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, key.getParams()));
    }

    @Override
    public String issue(TokenClaims c) {
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(c.issuer())
                .subject(c.subject())
                .audience(List.of(c.audience()))
                .issuedAt(Instant.ofEpochSecond(c.issuedAt()))
                .notBefore(Instant.ofEpochSecond(c.notBefore()))
                .expiresAt(Instant.ofEpochSecond(c.expiresAt()))
                .id(c.id())
                .claim("scope", c.scope())
                .build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
