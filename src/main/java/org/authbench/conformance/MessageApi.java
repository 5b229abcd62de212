package org.authbench.conformance;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.fusionauth.jwt.JWTException;
import io.fusionauth.jwt.Verifier;
import io.fusionauth.jwt.domain.Algorithm;
import io.fusionauth.jwt.ec.ECVerifier;
import io.fusionauth.jwt.rsa.RSAVerifier;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.VerifySecureDigestRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWS;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.JwtAlgorithm;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.JsonWebSignatureAlgorithm;
import org.jose4j.lang.JoseException;

/**
 * Each library's own JWS signature primitive (ES256 or RS256) applied to an arbitrary message: the only way
 * the Wycheproof ECDSA and RSA vectors, which sign a raw {@code msg} rather than a JWS signing input, can
 * reach a library. A library whose API verifies nothing but {@code header.payload} says so through
 * {@link #cannotTake()}, and the matrix reports it. Each verifier maps the library's documented refusal
 * (false, or its signature exception) to "rejected"; anything else is an error.
 */
public enum MessageApi {
    /** {@code Jwts.SIG.ES256/RS256.verify(VerifySecureDigestRequest)}: jjwt's public algorithm API. */
    JJWT {
        @Override
        MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) {
            io.jsonwebtoken.security.SignatureAlgorithm a = alg == JwtAlgorithm.ES256 ? Jwts.SIG.ES256 : Jwts.SIG.RS256;
            return (message, signature) -> {
                try {
                    return a.verify(new JjwtRequest(key, message, signature));
                } catch (JwtException e) {
                    return false;
                }
            };
        }
    },
    /** {@code ECDSAVerifier/RSASSAVerifier.verify(JWSHeader, signingInput, signature)}: what its processor calls. */
    NIMBUS {
        @Override
        MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) throws JOSEException {
            com.nimbusds.jose.JWSVerifier v = alg == JwtAlgorithm.ES256
                    ? new ECDSAVerifier((ECPublicKey) key) : new RSASSAVerifier((RSAPublicKey) key);
            JWSHeader header = new JWSHeader(alg == JwtAlgorithm.ES256 ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256);
            return (message, signature) -> {
                try {
                    return v.verify(header, message, Base64URL.encode(signature));
                } catch (JOSEException e) {
                    return false;
                }
            };
        }
    },
    AUTH0 {
        @Override
        String cannotTake() {
            return "its Algorithm.verify takes only a DecodedJWT and checks header + '.' + payload: no arbitrary message";
        }
    },
    /** {@code JsonWebSignatureAlgorithm.verifySignature(sig, key, securedInput, context)} from its algorithm factory. */
    JOSE4J {
        @Override
        MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) throws JoseException {
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
        }
    },
    /** {@code ECVerifier/RSAVerifier.verify(Algorithm, message, signature)}: fusionauth's public Verifier API. */
    FUSIONAUTH {
        @Override
        MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) {
            Verifier v = alg == JwtAlgorithm.ES256 ? ECVerifier.newVerifier(key) : RSAVerifier.newVerifier(key);
            Algorithm a = alg == JwtAlgorithm.ES256 ? Algorithm.ES256 : Algorithm.RS256;
            return (message, signature) -> {
                try {
                    v.verify(a, message, signature);
                    return true;
                } catch (JWTException e) {
                    return false;
                }
            };
        }
    },
    /**
     * {@code io.vertx.ext.auth.impl.jose.JWS.verify(signature, data)}: an internal class, but the one its JWTAuth
     * verifies every token with, so its verdicts are vertx's. It refuses malformed signatures by throwing a plain
     * {@code RuntimeException} (its own, or wrapping JCA's); a subclass (index out of bounds...) is an error.
     */
    VERTX {
        @Override
        MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) {
            Map<String, Object> jwk = new java.util.LinkedHashMap<>(JwkKeys.toJwk(key));
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
        }
    },
    REFERENCE {
        @Override
        String cannotTake() {
            return "its only entry point is a compact JWS; its signature step is the JDK's Signature (see row jdk)";
        }
    },
    /** Plain JCA ({@code SHA256withECDSAinP1363Format}, {@code SHA256withRSA}): the primitive reference relies on. */
    JDK {
        @Override
        MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) throws GeneralSecurityException {
            Signature s = Signature.getInstance(alg.jcaName());
            s.initVerify(key);
            return (message, signature) -> {
                try {
                    s.update(message);
                    return s.verify(signature);
                } catch (java.security.SignatureException e) {
                    return false;
                }
            };
        }
    };

    /** Verifies a signature over an arbitrary message: true valid, false refused; other exceptions are errors. */
    @FunctionalInterface
    interface MessageVerifier {
        boolean verify(byte[] message, byte[] signature) throws Exception;
    }

    /** Builds a verifier for ES256 or RS256 with {@code key}; called only when {@link #cannotTake()} is null. */
    MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) throws Exception {
        throw new UnsupportedOperationException(cannotTake());
    }

    /** Why this library cannot verify an arbitrary message, or null when it can. */
    String cannotTake() {
        return null;
    }

    /** jjwt's request is an interface; its builders live in the runtime-only impl module. */
    private record JjwtRequest(PublicKey key, byte[] message, byte[] signature) implements VerifySecureDigestRequest<PublicKey> {
        @Override
        public InputStream getPayload() {
            return new ByteArrayInputStream(message);
        }

        @Override
        public PublicKey getKey() {
            return key;
        }

        @Override
        public byte[] getDigest() {
            return signature;
        }

        @Override
        public java.security.Provider getProvider() {
            return null;
        }

        @Override
        public SecureRandom getSecureRandom() {
            return null;
        }
    }
}
