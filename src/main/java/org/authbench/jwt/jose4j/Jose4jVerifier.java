package org.authbench.jwt.jose4j;

import java.security.Key;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.VerifierPolicy;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmConstraints.ConstraintType;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * jose4j 0.9.x through its documented production path: one {@link JwtConsumer} built by
 * {@link JwtConsumerBuilder} in the constructor and shared by every thread. A built consumer holds no per-token
 * state; since jose4j 0.4.3 (its issue 25) "now" is read at validation time when no evaluation time is given,
 * precisely so one consumer can be reused across threads.
 *
 * <p>What jose4j needed to reach {@link VerifierPolicy}:
 * <ul>
 *   <li>{@code setJwsAlgorithmConstraints(PERMIT, <pinned alg>)}: only the pinned algorithm, so {@code none}
 *       and HS/RS confusion are refused before any key is touched;</li>
 *   <li>{@code setVerificationKey(policy.key())}: the one pinned key; no key resolver, so header keys
 *       ({@code jwk}, {@code jku}, {@code x5c}) are never consulted;</li>
 *   <li>with a key set, {@code setVerificationKeyResolver(JwksVerificationKeyResolver)} over the set's JWKs (each
 *       with its {@code kid}): jose4j's {@code VerificationJwkSelector} filters them by {@code kid}, key type and
 *       algorithm, and never reads header keys. When the header names no {@code kid} the selector still picks
 *       a key if only one fits (a one-key set), so the resolver is wrapped to refuse a token without
 *       {@code kid} first; an unknown {@code kid} is jose4j's {@code UnresolvableKeyException}
 *       ({@code UNKNOWN_KEY});</li>
 *   <li>{@code setRequireExpirationTime()} and {@code setAllowedClockSkewInSeconds(policy.leeway())}: jose4j's
 *       default skew is 0 already; set explicitly so the policy, not the default, decides;</li>
 *   <li>{@code setExpectedIssuer(true, iss)} when the policy has an issuer, otherwise no issuer check;</li>
 *   <li>{@code setExpectedAudience(true, aud)} when the policy has an audience; otherwise
 *       {@code setSkipDefaultAudienceValidation()}, because by default jose4j refuses every token that
 *       carries an {@code aud} when no audience is expected;</li>
 *   <li>{@code setEvaluationTime(NumericDate)} when the policy clock is fixed: jose4j takes a fixed instant,
 *       not a clock, so it is set once at build time; with the system clock jose4j's own "now" is used;</li>
 *   <li>nothing for {@code crit}: jose4j refuses any critical header it does not know (as a plain
 *       {@code JoseException}, so the adapter reads the parsed header to report it as unsupported).</li>
 * </ul>
 * Reasons come from {@link InvalidJwtException}'s error codes, in the reference verifier's order when a token
 * fails several checks. Left as jose4j does it: its base64url decoder skips characters outside the alphabet,
 * so a token with spaces or stray characters inserted can still verify (Wycheproof JWS tcId 360, 365, 368).
 * In {@link VerifierPolicy#jwsOnly()} mode the payload need not be a claim set, so the JWS layer alone is
 * used: a fresh {@link JsonWebSignature} per call (it is a mutable per-token object) with the same algorithm
 * constraint and key.
 */
public final class Jose4jVerifier implements Authenticator {

    private final VerifierPolicy policy;
    private final AlgorithmConstraints pinned;
    private final JwtConsumer consumer;

    public Jose4jVerifier(VerifierPolicy policy) {
        this.policy = policy;
        this.pinned = new AlgorithmConstraints(ConstraintType.PERMIT, policy.algorithm().name());
        JwtConsumerBuilder b = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(pinned)
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(Math.toIntExact(policy.leewaySeconds()));
        if (policy.hasKeySet()) {
            b.setVerificationKeyResolver(kidRequired(new JwksVerificationKeyResolver(jwks(policy))));
        } else {
            b.setVerificationKey(policy.key());
        }
        if (policy.issuer() != null) {
            b.setExpectedIssuer(true, policy.issuer());
        }
        if (policy.audience() != null) {
            b.setExpectedAudience(true, policy.audience());
        } else {
            b.setSkipDefaultAudienceValidation();
        }
        if (policy.fixedClock()) {
            b.setEvaluationTime(NumericDate.fromSeconds(policy.nowEpochSecond()));
        }
        this.consumer = b.build();
    }

    private static List<JsonWebKey> jwks(VerifierPolicy policy) {
        List<JsonWebKey> out = new ArrayList<>();
        for (Map.Entry<String, Key> e : policy.keysById().entrySet()) {
            Map<String, Object> json = new LinkedHashMap<>(JwkKeys.toJwk(e.getValue()));
            json.put("kid", e.getKey());
            try {
                out.add(JsonWebKey.Factory.newJwk(json));
            } catch (JoseException ex) {
                throw new IllegalArgumentException("jose4j cannot read the JWK of kid " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return out;
    }

    /** jose4j's resolver, refusing first a header without {@code kid} (which it would resolve to a lone key). */
    private static VerificationKeyResolver kidRequired(VerificationKeyResolver resolver) {
        return (jws, nesting) -> {
            if (jws.getKeyIdHeaderValue() == null) {
                throw new UnresolvableKeyException("no kid to choose a key by");
            }
            return resolver.resolveKey(jws, nesting);
        };
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        if (policy.jwsOnly()) {
            return verifyJwsOnly(token);
        }
        JwtClaims claims;
        try {
            claims = consumer.processToClaims(token);
        } catch (InvalidJwtException e) {
            throw new Rejected(reason(e), e.getMessage(), e);
        }
        try {
            return new Principal(claims.getSubject(), claims.getJwtId());
        } catch (MalformedClaimException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        }
    }

    private Principal verifyJwsOnly(String token) throws Rejected {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(pinned);
        jws.setKey(policy.key());
        try {
            jws.setCompactSerialization(token);
            if (!jws.verifySignature()) {
                throw new Rejected(Reason.BAD_SIGNATURE, "signature does not verify");
            }
        } catch (InvalidAlgorithmException e) {
            throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, e.getMessage(), e);
        } catch (JoseException e) {
            throw new Rejected(joseReason(jws), e.getMessage(), e);
        }
        return new Principal(null, null);
    }

    /** The first failed check in the reference verifier's order, so every adapter reports the same reason. */
    private static Reason reason(InvalidJwtException e) {
        if (e.getCause() instanceof UnresolvableKeyException) {
            return Reason.UNKNOWN_KEY;
        }
        if (e.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return Reason.BAD_SIGNATURE;
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return Reason.MISSING_CLAIM;
        }
        if (e.hasErrorCode(ErrorCodes.EXPIRED)) {
            return Reason.EXPIRED;
        }
        if (e.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return Reason.NOT_YET_VALID;
        }
        if (e.hasErrorCode(ErrorCodes.ISSUER_MISSING) || e.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
            return Reason.WRONG_ISSUER;
        }
        if (e.hasErrorCode(ErrorCodes.AUDIENCE_MISSING) || e.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
            return Reason.WRONG_AUDIENCE;
        }
        if (e.hasErrorCode(ErrorCodes.JSON_INVALID) || e.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return Reason.MALFORMED;
        }
        if (e.getCause() instanceof InvalidAlgorithmException) {
            return Reason.ALGORITHM_NOT_ALLOWED;
        }
        if (e.getCause() instanceof JoseException) {
            // jose4j has no exception type of its own for an unknown crit: read the header it parsed.
            JwtContext ctx = e.getJwtContext();
            boolean crit = ctx != null && !ctx.getJoseObjects().isEmpty() && hasCrit(ctx.getJoseObjects().get(0));
            return crit ? Reason.UNSUPPORTED : Reason.MALFORMED;
        }
        return Reason.OTHER;
    }

    /** A JoseException from a parsed JWS is an unknown crit when the header has one; otherwise the input was malformed. */
    private static Reason joseReason(JsonWebSignature jws) {
        return hasCrit(jws) ? Reason.UNSUPPORTED : Reason.MALFORMED;
    }

    private static boolean hasCrit(JsonWebStructure jose) {
        return jose.getHeaders().getObjectHeaderValue("crit") != null;
    }
}
