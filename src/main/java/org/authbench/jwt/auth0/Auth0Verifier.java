package org.authbench.jwt.auth0;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.AlgorithmMismatchException;
import com.auth0.jwt.exceptions.IncorrectClaimException;
import com.auth0.jwt.exceptions.JWTDecodeException;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.exceptions.MissingClaimException;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.exceptions.TokenExpiredException;
import com.auth0.jwt.impl.JWTParser;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.auth0.jwt.interfaces.ECDSAKeyProvider;
import com.auth0.jwt.interfaces.RSAKeyProvider;
import com.auth0.jwt.interfaces.Verification;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.VerifierPolicy;

/**
 * auth0 java-jwt 4 behind {@link Authenticator}: one {@link JWTVerifier} from
 * {@code JWT.require(Algorithm...)}, built in the constructor and shared by all threads (auth0 documents
 * {@code JWTVerifier} as thread-safe; its {@link Algorithm}s hold only the key). Run its rows with
 * {@code java -jar target/authbench.jar jmh -- VerifyBenchmark -p library=AUTH0}.
 *
 * <p>What auth0 needed to reach {@link VerifierPolicy}:
 * <ul>
 *   <li>Algorithm pin: built in; {@code JWTVerifier} refuses any header {@code alg} other than its
 *       {@link Algorithm}'s name (including {@code none}).</li>
 *   <li>{@code exp} required: {@code withClaimPresence("exp")}; auth0 checks {@code exp} only when
 *       present otherwise.</li>
 *   <li>Clock: {@code BaseVerification.build(Clock)} with the policy's clock (auth0 marks it "for tests";
 *       it is the only clock seam, and {@code build()} is {@code build(Clock.systemUTC())}).
 *       {@code acceptLeeway(policy leeway)}; auth0's default is 0 already.</li>
 *   <li>{@code iat}: auth0 refuses an {@code iat} in the future by default; the policy does not check
 *       {@code iat}, so {@code ignoreIssuedAt()}.</li>
 *   <li>{@code iss}/{@code aud}: {@code withIssuer}, {@code withAudience} (auth0 reads {@code aud} as a
 *       string or an array).</li>
 *   <li>{@code crit}: auth0 ignores {@code crit}, so the adapter refuses a header carrying it
 *       ({@code UNSUPPORTED}) before verifying. Header keys are never used: the key is the
 *       {@link Algorithm}'s.</li>
 *   <li>Decoding once: the token is decoded with a reused {@link JWT} instance ({@code decodeJwt}, which
 *       never verifies) and the {@link DecodedJWT} handed to {@code JWTVerifier.verify(DecodedJWT)}, the
 *       same two steps as {@code verify(String)}, so the header can be checked for {@code crit} without a
 *       second decode.</li>
 *   <li>{@code jwsOnly}: auth0 has no JWS-only API. This mode checks the header {@code alg} against the
 *       pinned one and calls {@code Algorithm.verify(DecodedJWT)}, which checks only the signature; but
 *       auth0's decoder insists on a JSON object payload, so a token whose payload is not one is refused as
 *       {@code UNSUPPORTED} (auth0 cannot judge it), not as malformed.</li>
 *   <li>Key set, RS256/PS256/ES256/ES384: auth0's own mechanism, an {@link RSAKeyProvider}/{@link ECDSAKeyProvider} whose
 *       {@code getPublicKeyById(kid)} looks the header's {@code kid} up in the set; one {@link JWTVerifier}
 *       built on it. auth0 wraps whatever the provider throws in a {@code SignatureVerificationException}, so the
 *       provider throws its own exception for a missing or unknown {@code kid} and the adapter reads the cause
 *       ({@code UNKNOWN_KEY}).</li>
 *   <li>Key set, HS256/HS512: auth0 has no key provider for HMAC ({@code Algorithm.HMAC256} takes one secret). The
 *       adapter builds one {@link JWTVerifier} per {@code kid} up front and picks it by the decoded header's
 *       {@code kid}, a hash-map lookup after the decode auth0 does anyway; a header whose {@code alg} is not the
 *       pinned one is refused as such, as auth0's verifier would.</li>
 * </ul>
 */
public final class Auth0Verifier implements Authenticator {

    private static final Principal NO_PRINCIPAL = new Principal(null, null);

    private final JWT decoder = new JWT();
    private final Algorithm algorithm;
    private final JWTVerifier verifier;
    /** HS256 with a key set: one verifier per kid; null otherwise. */
    private final Map<String, JWTVerifier> hmacVerifiers;
    private final boolean jwsOnly;
    private final String pinnedAlg;

    public Auth0Verifier(VerifierPolicy policy) {
        Auth0.requireSupport(policy.algorithm());
        this.jwsOnly = policy.jwsOnly();
        this.pinnedAlg = policy.algorithm().name();
        if (policy.hasKeySet() && policy.algorithm().isHmac()) {
            this.hmacVerifiers = new HashMap<>();
            policy.keysById().forEach((kid, key) ->
                    hmacVerifiers.put(kid, verifier(policy, policy.algorithm() == JwtAlgorithm.HS512
                            ? Algorithm.HMAC512(key.getEncoded()) : Algorithm.HMAC256(key.getEncoded()))));
            this.algorithm = null;
            this.verifier = null;
            return;
        }
        this.hmacVerifiers = null;
        this.algorithm = policy.hasKeySet() ? keySetAlgorithm(policy) : switch (policy.algorithm()) {
            case HS256 -> Algorithm.HMAC256(policy.secretKey().getEncoded());
            case RS256 -> Algorithm.RSA256((RSAPublicKey) policy.publicKey(), null);
            case ES256 -> Algorithm.ECDSA256((ECPublicKey) policy.publicKey(), null);
            case PS256 -> Algorithm.RSA256PSS((RSAPublicKey) policy.publicKey(), null);
            case ES384 -> Algorithm.ECDSA384((ECPublicKey) policy.publicKey(), null);
            case HS512 -> Algorithm.HMAC512(policy.secretKey().getEncoded());
            case EdDSA -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
        };
        this.verifier = verifier(policy, algorithm);
    }

    private static JWTVerifier verifier(VerifierPolicy policy, Algorithm algorithm) {
        Verification v = JWT.require(algorithm)
                .acceptLeeway(policy.leewaySeconds())
                .ignoreIssuedAt()
                .withClaimPresence("exp");
        if (policy.issuer() != null) {
            v.withIssuer(policy.issuer());
        }
        if (policy.audience() != null) {
            v.withAudience(policy.audience());
        }
        return ((JWTVerifier.BaseVerification) v).build(policy.clock());
    }

    private static Algorithm keySetAlgorithm(VerifierPolicy policy) {
        Map<String, Key> keys = policy.keysById();
        return switch (policy.algorithm()) {
            case RS256 -> Algorithm.RSA256(new RsaKeys(keys));
            case PS256 -> Algorithm.RSA256PSS(new RsaKeys(keys));
            case ES256 -> Algorithm.ECDSA256(new EcKeys(keys));
            case ES384 -> Algorithm.ECDSA384(new EcKeys(keys));
            default -> throw new IllegalArgumentException("auth0 has no key provider for " + policy.algorithm());
        };
    }

    /** auth0's key provider for RSA algorithms: the set's key for the header's kid (verification only). */
    private record RsaKeys(Map<String, Key> keys) implements RSAKeyProvider {
        @Override
        public RSAPublicKey getPublicKeyById(String kid) {
            return (RSAPublicKey) lookUp(keys, kid);
        }

        @Override
        public RSAPrivateKey getPrivateKey() {
            return null;
        }

        @Override
        public String getPrivateKeyId() {
            return null;
        }
    }

    /** auth0's key provider for ECDSA algorithms: the set's key for the header's kid (verification only). */
    private record EcKeys(Map<String, Key> keys) implements ECDSAKeyProvider {
        @Override
        public ECPublicKey getPublicKeyById(String kid) {
            return (ECPublicKey) lookUp(keys, kid);
        }

        @Override
        public ECPrivateKey getPrivateKey() {
            return null;
        }

        @Override
        public String getPrivateKeyId() {
            return null;
        }
    }

    private static Key lookUp(Map<String, Key> keys, String kid) {
        Key key = kid == null ? null : keys.get(kid);
        if (key == null) {
            throw new UnknownKid(kid == null ? "no kid to choose a key by" : "no key with kid " + kid);
        }
        return key;
    }

    /** Thrown by the key providers; auth0 wraps it in a {@code SignatureVerificationException} as its cause. */
    private static final class UnknownKid extends IllegalStateException {
        UnknownKid(String message) {
            super(message);
        }
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        DecodedJWT jwt;
        try {
            jwt = decoder.decodeJwt(token);
        } catch (JWTDecodeException e) {
            throw jwsOnly && onlyThePayloadIsNotJson(token)
                    ? new Rejected(Reason.UNSUPPORTED, "auth0 decodes only JSON object payloads and has no JWS-only API", e)
                    : new Rejected(Reason.MALFORMED, e.getMessage(), e);
        }
        if (!jwt.getHeaderClaim("crit").isMissing()) {
            throw new Rejected(Reason.UNSUPPORTED, "crit names extensions this verifier does not understand");
        }
        try {
            if (jwsOnly) {
                if (!algorithm.getName().equals(jwt.getAlgorithm())) {
                    throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, "alg " + jwt.getAlgorithm() + " is not the pinned " + algorithm.getName());
                }
                algorithm.verify(jwt);
                return NO_PRINCIPAL;
            }
            verifierFor(jwt).verify(jwt);
            return new Principal(jwt.getSubject(), jwt.getId());
        } catch (AlgorithmMismatchException e) {
            throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, e.getMessage(), e);
        } catch (SignatureVerificationException e) {
            throw new Rejected(e.getCause() instanceof UnknownKid ? Reason.UNKNOWN_KEY : Reason.BAD_SIGNATURE, e.getMessage(), e);
        } catch (TokenExpiredException e) {
            throw new Rejected(Reason.EXPIRED, e.getMessage(), e);
        } catch (MissingClaimException e) {
            throw new Rejected(claimReason(e.getClaimName(), Reason.MISSING_CLAIM), e.getMessage(), e);
        } catch (IncorrectClaimException e) {
            throw new Rejected(claimReason(e.getClaimName(), Reason.OTHER), e.getMessage(), e);
        } catch (JWTDecodeException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e); // a claim of the wrong type, read lazily
        } catch (JWTVerificationException e) {
            throw new Rejected(Reason.OTHER, e.getMessage(), e);
        }
    }

    private JWTVerifier verifierFor(DecodedJWT jwt) throws Rejected {
        if (hmacVerifiers == null) {
            return verifier;
        }
        String kid = jwt.getKeyId();
        JWTVerifier v = kid == null ? null : hmacVerifiers.get(kid);
        if (v != null) {
            return v;
        }
        if (!pinnedAlg.equals(jwt.getAlgorithm())) {
            throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, "alg " + jwt.getAlgorithm() + " is not the pinned " + pinnedAlg);
        }
        throw new Rejected(Reason.UNKNOWN_KEY, kid == null ? "no kid to choose a key by" : "no key with kid " + kid);
    }

    private static Reason claimReason(String claim, Reason otherwise) {
        return switch (claim) {
            case "nbf" -> Reason.NOT_YET_VALID;
            case "iss" -> Reason.WRONG_ISSUER;
            case "aud" -> Reason.WRONG_AUDIENCE;
            default -> otherwise;
        };
    }

    /** Failure path of jwsOnly mode: replays auth0's decoding steps to see whether only the payload's JSON failed. */
    private static boolean onlyThePayloadIsNotJson(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        JWTParser parser = new JWTParser();
        Base64.Decoder b64 = Base64.getUrlDecoder();
        try {
            parser.parseHeader(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
            String payload = new String(b64.decode(parts[1]), StandardCharsets.UTF_8);
            try {
                parser.parsePayload(payload);
                return false;
            } catch (JWTDecodeException e) {
                return true;
            }
        } catch (JWTDecodeException | IllegalArgumentException e) {
            return false;
        }
    }
}
