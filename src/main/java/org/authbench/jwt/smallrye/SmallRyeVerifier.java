package org.authbench.jwt.smallrye;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.VerifierPolicy;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.lang.InvalidAlgorithmException;
import org.jose4j.lang.JoseException;
import org.jose4j.lang.UnresolvableKeyException;

/**
 * SmallRye JWT 4.6 behind {@link Authenticator}: {@link DefaultJWTParser#parse(String)} with a
 * {@link JWTAuthContextInfo} for the pinned algorithm, key, issuer and audience, what a MicroProfile JWT runtime
 * (Quarkus's {@code smallrye-jwt} extension) calls for every bearer token. It returns the {@link JsonWebToken} the
 * application injects; parsing builds a jose4j {@code JwtConsumer} per token, which is part of what is measured.
 * Built once, shared by all threads (the parser caches its key resolver; the context is not changed after
 * construction). {@code java -jar target/authbench.jar jmh VerifyBenchmark -p library=SMALLRYE}
 *
 * <p>What SmallRye needed to reach {@link VerifierPolicy} (its defaults differ from the policy in four places):
 * <ul>
 *   <li>{@code setSignatureAlgorithm(Set.of(pinned))}: the default is RS256 only;</li>
 *   <li>{@code setClockSkew(leeway)}: the default is 60 s;</li>
 *   <li>{@code setMaxTimeToLiveSecs(0L)}: by default SmallRye requires {@code iat} (and {@code iat <= exp}), which the
 *       policy does not check; 0 turns that rule off;</li>
 *   <li>{@code setRequireNamedPrincipal(false)}: by default a token needs {@code sub}, {@code upn} or
 *       {@code preferred_username}; the policy's principal may have no {@code sub};</li>
 *   <li>{@code exp} is always required by SmallRye; {@code setIssuedBy} and {@code setExpectedAudience} make
 *       {@code iss} and {@code aud} required and exact, as the policy says.</li>
 * </ul>
 * SmallRye takes no clock: its jose4j consumer and its token-age check read the system time, and
 * {@code JWTAuthContextInfo} has no evaluation time. So the adapter checks {@code exp} and {@code nbf} itself on the
 * policy's clock after SmallRye accepts (as for vert.x); with the system clock SmallRye's own check with the policy's
 * skew runs too (what the benchmark times), with a fixed clock (tests, vectors, {@code verify --now}) SmallRye's
 * skew is set to the maximum so that only the policy clock decides. Kept from SmallRye's defaults:
 * {@code relaxVerificationKeyValidation} (jose4j's minimum key sizes are not enforced; the suite's keys meet them).
 *
 * <p>Key set: the set as JWKS JSON ({@code setPublicKeyContent}, {@code setSecretKeyContent} for HMAC), which its
 * {@code KeyLocationResolver} searches for the header's {@code kid}; with more than one key a header without
 * {@code kid} finds none. {@code crit}, {@code none} and header keys are jose4j's rules (refused, refused, never
 * used). JWS-only mode: SmallRye has no signature-only API, so the adapter uses the same parser and returns
 * (null, null); a token SmallRye refuses for its claim set (not JSON, no {@code exp}) is {@code UNSUPPORTED}. Reasons come from the jose4j
 * {@link InvalidJwtException} SmallRye keeps as the cause.
 */
public final class SmallRyeVerifier implements Authenticator {

    private static final Principal NO_PRINCIPAL = new Principal(null, null);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final VerifierPolicy policy;
    private final DefaultJWTParser parser;

    public SmallRyeVerifier(VerifierPolicy policy) {
        this.policy = policy;
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.fromAlgorithm(policy.algorithm().name())));
        if (policy.hasKeySet()) {
            String jwks = jwks(policy);
            if (policy.algorithm().isHmac()) {
                info.setSecretKeyContent(jwks);
            } else {
                info.setPublicKeyContent(jwks);
            }
        } else if (policy.algorithm().isHmac()) {
            info.setSecretVerificationKey((SecretKey) policy.key());
        } else {
            info.setPublicVerificationKey((PublicKey) policy.key());
        }
        info.setClockSkew(policy.fixedClock() ? Integer.MAX_VALUE : Math.toIntExact(policy.leewaySeconds()));
        info.setMaxTimeToLiveSecs(0L);
        info.setRequireNamedPrincipal(false);
        if (!policy.jwsOnly()) {
            info.setIssuedBy(policy.issuer());
            if (policy.audience() != null) {
                info.setExpectedAudience(Set.of(policy.audience()));
            }
        }
        this.parser = new DefaultJWTParser(info);
    }

    private static String jwks(VerifierPolicy policy) {
        List<Map<String, Object>> keys = new ArrayList<>();
        policy.keysById().forEach((kid, key) -> {
            Map<String, Object> jwk = new LinkedHashMap<>(JwkKeys.toJwk(key));
            jwk.put("kid", kid);
            keys.add(jwk);
        });
        try {
            return JSON.writeValueAsString(Map.of("keys", keys));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the key set as JWKS: " + e.getMessage(), e);
        }
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        JsonWebToken jwt;
        try {
            jwt = parser.parse(token);
        } catch (ParseException e) {
            throw new Rejected(reason(e), e.getMessage(), e);
        }
        if (policy.jwsOnly()) {
            return NO_PRINCIPAL;
        }
        long now = policy.nowEpochSecond();
        long leeway = policy.leewaySeconds();
        if (now >= jwt.getExpirationTime() + leeway) {
            throw new Rejected(Reason.EXPIRED, "expired at " + jwt.getExpirationTime());
        }
        if (jwt.getClaim("nbf") instanceof Number nbf && now + leeway < nbf.longValue()) {
            throw new Rejected(Reason.NOT_YET_VALID, "not valid before " + nbf);
        }
        return new Principal(jwt.getSubject(), jwt.getTokenID());
    }

    /** The first failed check in the reference verifier's order, from the jose4j exception SmallRye wraps. */
    private Reason reason(ParseException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnresolvableKeyException) {
            return Reason.UNKNOWN_KEY;
        }
        if (!(cause instanceof InvalidJwtException j)) {
            return Reason.OTHER;
        }
        if (j.getCause() instanceof UnresolvableKeyException) {
            return Reason.UNKNOWN_KEY;
        }
        if (j.hasErrorCode(ErrorCodes.SIGNATURE_INVALID)) {
            return Reason.BAD_SIGNATURE;
        }
        if (policy.jwsOnly() && (j.hasErrorCode(ErrorCodes.EXPIRATION_MISSING) || j.hasErrorCode(ErrorCodes.JSON_INVALID)
                || j.hasErrorCode(ErrorCodes.MALFORMED_CLAIM))) {
            return Reason.UNSUPPORTED; // a claim-set rule SmallRye always applies (exp required, JSON payload)
        }
        if (j.hasErrorCode(ErrorCodes.EXPIRATION_MISSING)) {
            return Reason.MISSING_CLAIM;
        }
        if (j.hasErrorCode(ErrorCodes.EXPIRED)) {
            return Reason.EXPIRED;
        }
        if (j.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
            return Reason.NOT_YET_VALID;
        }
        if (j.hasErrorCode(ErrorCodes.ISSUER_MISSING) || j.hasErrorCode(ErrorCodes.ISSUER_INVALID)) {
            return Reason.WRONG_ISSUER;
        }
        if (j.hasErrorCode(ErrorCodes.AUDIENCE_MISSING) || j.hasErrorCode(ErrorCodes.AUDIENCE_INVALID)) {
            return Reason.WRONG_AUDIENCE;
        }
        if (j.hasErrorCode(ErrorCodes.JSON_INVALID)) {
            return Reason.MALFORMED;
        }
        if (j.hasErrorCode(ErrorCodes.MALFORMED_CLAIM)) {
            return Reason.MALFORMED;
        }
        if (j.getCause() instanceof InvalidAlgorithmException) {
            return Reason.ALGORITHM_NOT_ALLOWED;
        }
        if (j.getCause() instanceof JoseException) {
            // jose4j has no exception type of its own for an unknown crit: read the header it parsed
            JwtContext ctx = j.getJwtContext();
            boolean crit = ctx != null && !ctx.getJoseObjects().isEmpty()
                    && ctx.getJoseObjects().get(0).getHeaders().getObjectHeaderValue("crit") != null;
            return crit ? Reason.UNSUPPORTED : Reason.MALFORMED;
        }
        return Reason.OTHER;
    }
}
