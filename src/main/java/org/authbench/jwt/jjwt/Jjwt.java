package org.authbench.jwt.jjwt;

import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.SignatureAlgorithm;
import io.jsonwebtoken.security.VerifySecureDigestRequest;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.Key;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.LibraryModule;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.TokenIssuer;
import org.authbench.jwt.VerifierPolicy;

/** jjwt: what the suite knows about it. */
public final class Jjwt implements LibraryModule {

    /** jjwt calls {@code alg: none} an unsupported algorithm. */
    @Override
    public Facts facts() {
        return new Facts(List.of("io.jsonwebtoken:jjwt-impl"), Map.of(), Reason.UNSUPPORTED);
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new JjwtVerifier(policy);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new JjwtIssuer(algorithm, signingKey);
    }

    /** {@code Jwts.SIG.ES256/RS256.verify(VerifySecureDigestRequest)}: jjwt's public algorithm API. */
    @Override
    public MessageApi messageApi() {
        return (alg, key) -> {
            SignatureAlgorithm a = alg == JwtAlgorithm.ES256 ? Jwts.SIG.ES256 : Jwts.SIG.RS256;
            return (message, signature) -> {
                try {
                    return a.verify(new Request(key, message, signature));
                } catch (JwtException e) {
                    return false;
                }
            };
        };
    }

    /** jjwt's request is an interface; its builders live in the runtime-only impl module. */
    private record Request(PublicKey key, byte[] message, byte[] signature) implements VerifySecureDigestRequest<PublicKey> {
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
        public Provider getProvider() {
            return null;
        }

        @Override
        public SecureRandom getSecureRandom() {
            return null;
        }
    }
}
