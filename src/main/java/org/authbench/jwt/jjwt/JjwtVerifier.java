package org.authbench.jwt.jjwt;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.InvalidClaimException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.JwtParserBuilder;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MalformedJwtException;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.PrematureJwtException;
import io.jsonwebtoken.ProtectedHeader;
import io.jsonwebtoken.SupportedJwtVisitor;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.lang.NestedCollection;
import io.jsonwebtoken.security.SecureDigestAlgorithm;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.util.Date;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.VerifierPolicy;

/**
 * jjwt (io.jsonwebtoken 0.13) behind {@link Authenticator}: one {@link JwtParser}, built in the constructor
 * with {@code Jwts.parser().verifyWith(key)} and shared by all threads (jjwt's parser is immutable and
 * thread-safe). Run its rows with {@code java -jar target/authbench.jar jmh -- VerifyBenchmark -p library=JJWT}.
 *
 * <p>What jjwt needed to reach {@link VerifierPolicy}:
 * <ul>
 *   <li>Algorithm pin: {@code sig().clear().add(<pinned>)} leaves exactly one algorithm in the parser's
 *       registry. Without it an RSA key accepts RS384/RS512/PS256... tokens. {@code none} is refused by
 *       default (unsecured JWSs are off unless {@code unsecured()} is called).</li>
 *   <li>{@code exp} required: jjwt checks {@code exp} only when present and has no presence rule, so the
 *       adapter refuses a verified claim set without one (reason {@code MISSING_CLAIM}).</li>
 *   <li>Clock: {@code clock(...)} from the policy, {@code clockSkewSeconds(policy leeway)} (jjwt's default
 *       is 0 already). jjwt compares in milliseconds and expires a token only <em>after</em> {@code exp},
 *       so at exactly {@code now == exp} it would still accept; the clock therefore hands jjwt the last
 *       millisecond of the policy's current second, which makes {@code exp} refuse from its own second on
 *       (RFC 7519 4.1.4, and the policy) and leaves {@code nbf} unchanged.</li>
 *   <li>{@code iss}/{@code aud}: {@code requireIssuer}, {@code requireAudience} (jjwt reads {@code aud} as
 *       a string or an array and requires the value among them).</li>
 *   <li>{@code crit}: jjwt refuses any {@code crit} name not registered through {@code critical()}; none is.
 *       Header keys ({@code jwk}, {@code jku}, {@code x5c}) are never used: the key comes from
 *       {@code verifyWith}.</li>
 *   <li>{@code jwsOnly}: the same parser on {@code parse(token)}, accepting a verified content JWS or claims
 *       JWS. jjwt reads a JSON payload as claims and still checks its {@code exp}/{@code nbf}; those checks
 *       run after the signature was verified (keys from {@code verifyWith} are resolved before the payload
 *       is read), so in this mode {@code ExpiredJwtException}/{@code PrematureJwtException} mean the
 *       signature layer passed.</li>
 *   <li>Key set: {@code keyLocator(...)} with a {@link LocatorAdapter} that looks the protected header's
 *       {@code kid} up in the set (jjwt's documented way to choose a verification key per token; it has no JWK-set
 *       selector of its own). A missing or unknown {@code kid} makes the locator throw, reported as
 *       {@code UNKNOWN_KEY} (jjwt itself would report a null key as {@code UnsupportedJwtException}).</li>
 * </ul>
 * Reasons: jjwt reports {@code alg: none} and unknown {@code crit} alike as {@code UnsupportedJwtException},
 * mapped to {@code UNSUPPORTED}; a header algorithm outside the registry surfaces as a
 * {@code SignatureException} caused by {@code UnsupportedJwtException}, mapped to
 * {@code ALGORITHM_NOT_ALLOWED}. {@code IllegalArgumentException} is jjwt's answer to an empty string.
 */
public final class JjwtVerifier implements Authenticator {

    private static final Principal NO_PRINCIPAL = new Principal(null, null);
    /** Any JWS whose signature verified; anything else (unsecured, JWE) is refused by jjwt's visitor. */
    private static final SupportedJwtVisitor<Void> SIGNED = new SupportedJwtVisitor<>() {
        @Override
        public Void onVerifiedContent(Jws<byte[]> jws) {
            return null;
        }

        @Override
        public Void onVerifiedClaims(Jws<Claims> jws) {
            return null;
        }
    };

    private final JwtParser parser;
    private final boolean jwsOnly;

    public JjwtVerifier(VerifierPolicy policy) {
        this.jwsOnly = policy.jwsOnly();
        SecureDigestAlgorithm<?, ?> pinned = signatureAlgorithm(policy);
        // Every other signature algorithm removed one by one rather than sig().clear(): jjwt 0.12 refuses the empty
        // set clear() passes through, and the version axis measures 0.12 with this adapter too.
        NestedCollection<SecureDigestAlgorithm<?, ?>, JwtParserBuilder> sig = Jwts.parser().sig().add(pinned);
        for (SecureDigestAlgorithm<?, ?> other : Jwts.SIG.get().values()) {
            if (!other.getId().equals(pinned.getId())) {
                sig.remove(other);
            }
        }
        JwtParserBuilder b = sig.and()
                .clock(() -> new Date(policy.nowEpochSecond() * 1000 + 999))
                .clockSkewSeconds(policy.leewaySeconds());
        if (policy.hasKeySet()) {
            b.keyLocator(new KidLocator(policy.keysById()));
        } else if (policy.algorithm().isHmac()) {
            b.verifyWith(policy.secretKey());
        } else {
            b.verifyWith(policy.publicKey());
        }
        if (!jwsOnly && policy.issuer() != null) {
            b.requireIssuer(policy.issuer());
        }
        if (!jwsOnly && policy.audience() != null) {
            b.requireAudience(policy.audience());
        }
        this.parser = b.build();
    }

    private static SecureDigestAlgorithm<?, ?> signatureAlgorithm(VerifierPolicy policy) {
        return switch (policy.algorithm()) {
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
    public Principal authenticate(String token) throws Rejected {
        try {
            if (jwsOnly) {
                return verifySignatureOnly(token);
            }
            Claims claims = parser.parseSignedClaims(token).getPayload();
            if (claims.getExpiration() == null) {
                throw new Rejected(Reason.MISSING_CLAIM, "exp is required");
            }
            return new Principal(claims.getSubject(), claims.getId());
        } catch (UnknownKid e) {
            throw new Rejected(Reason.UNKNOWN_KEY, e.getMessage(), e);
        } catch (ExpiredJwtException e) {
            throw new Rejected(Reason.EXPIRED, e.getMessage(), e);
        } catch (PrematureJwtException e) {
            throw new Rejected(Reason.NOT_YET_VALID, e.getMessage(), e);
        } catch (MissingClaimException e) {
            throw new Rejected(claimReason(e, Reason.MISSING_CLAIM), e.getMessage(), e);
        } catch (IncorrectClaimException e) {
            throw new Rejected(claimReason(e, Reason.OTHER), e.getMessage(), e);
        } catch (SignatureException e) {
            Reason r = e.getCause() instanceof UnsupportedJwtException ? Reason.ALGORITHM_NOT_ALLOWED : Reason.BAD_SIGNATURE;
            throw new Rejected(r, e.getMessage(), e);
        } catch (UnsupportedJwtException e) {
            throw new Rejected(Reason.UNSUPPORTED, e.getMessage(), e);
        } catch (MalformedJwtException | IllegalArgumentException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        } catch (JwtException e) {
            throw new Rejected(Reason.OTHER, e.getMessage(), e);
        }
    }

    private Principal verifySignatureOnly(String token) {
        try {
            parser.parse(token).accept(SIGNED);
        } catch (ExpiredJwtException | PrematureJwtException e) {
            // Thrown only after the signature verified: the signature layer passed, claims are not this mode's business.
        }
        return NO_PRINCIPAL;
    }

    /** Chooses the verification key by the protected header's {@code kid}. */
    private static final class KidLocator extends LocatorAdapter<Key> {
        private final Map<String, Key> keys;

        KidLocator(Map<String, Key> keys) {
            this.keys = keys;
        }

        @Override
        protected Key locate(ProtectedHeader header) {
            String kid = header.getKeyId();
            Key key = kid == null ? null : keys.get(kid);
            if (key == null) {
                throw new UnknownKid(kid == null ? "no kid to choose a key by" : "no key with kid " + kid);
            }
            return key;
        }
    }

    /** Thrown by {@link KidLocator}; jjwt lets a locator's exception through. */
    private static final class UnknownKid extends JwtException {
        UnknownKid(String message) {
            super(message);
        }
    }

    private static Reason claimReason(InvalidClaimException e, Reason otherwise) {
        return switch (e.getClaimName()) {
            case "iss" -> Reason.WRONG_ISSUER;
            case "aud" -> Reason.WRONG_AUDIENCE;
            default -> otherwise;
        };
    }
}
