package org.authbench.jwt.spring;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.proc.BadJWTException;
import java.security.Key;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.VerifierPolicy;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;

/**
 * Spring Security 7 behind {@link Authenticator}, built the way a resource server builds its {@code JwtDecoder} for a
 * local key: {@code NimbusJwtDecoder.withSecretKey(..).macAlgorithm(..)} for HMAC,
 * {@code withPublicKey(..).signatureAlgorithm(..)} for RSA, and {@code withJwkSource(..).jwsAlgorithm(..)} for EC
 * (the public-key builder takes RSA keys only) and for key sets; built once, shared by all threads (the decoder holds
 * only its configuration). With {@code converted}, each accepted {@code Jwt} also goes through
 * {@link JwtAuthenticationConverter} into the {@code Authentication} (scope authorities, principal name) that Spring's
 * {@code BearerTokenAuthenticationFilter} stores for the request: the second row says what that step costs.
 * {@code java -jar target/authbench.jar jmh VerifyBenchmark -p library=SPRING,SPRING_CONVERTED}
 *
 * <p>What Spring needed to reach {@link VerifierPolicy}:
 * <ul>
 *   <li>validators: {@code JwtValidators.createDefaultWithValidators} with Spring's own {@link JwtTimestampValidator},
 *       {@link JwtIssuerValidator} and {@link JwtAudienceValidator}. {@code createDefaultWithIssuer} is the same list,
 *       except that it adds a timestamp validator with 60 s of clock skew on the system clock; passing one keeps
 *       Spring from adding its own;</li>
 *   <li>the timestamp validator: clock skew = the policy's leeway, {@code setAllowEmptyExpiryClaim(false)} (Spring
 *       accepts a token without {@code exp} by default), and {@code setClock} with the policy's clock at the last
 *       millisecond of its second: Spring expires a token only when now is after {@code exp}, so at exactly
 *       {@code now == exp} it would accept (the same adjustment as for nimbus);</li>
 *   <li>the algorithm pin is the builder's ({@code SingleKeyJWSKeySelector} or {@code JWSVerificationKeySelector}
 *       for one algorithm, nimbus's selectors). The EC JWK source hands the one key to any selector, so the header's
 *       {@code kid} is ignored as the policy says (nimbus's set matcher would refuse a {@code kid} the JWK lacks);</li>
 *   <li>key set: an {@link ImmutableJWKSet} wrapped to find no key for a header without {@code kid} (the matcher would
 *       match every key and nimbus would try them all); HMAC sets need {@code jwtProcessorCustomizer} with nimbus's
 *       selector, because the JWK-source builder takes only asymmetric {@code SignatureAlgorithm}s;</li>
 *   <li>kept from Spring's defaults: {@code typ} must be {@code JWT} or absent ({@code JwtTypeValidator.jwt()}, stricter
 *       than the policy, which ignores {@code typ}; the suite's tokens carry {@code JWT}); a {@code cnf} thumbprint is
 *       checked against the request's client certificate (none here, and no suite token has {@code cnf}).</li>
 *   <li>{@code crit}, {@code none} and header keys: nimbus's processor underneath refuses unknown {@code crit} and
 *       unsigned tokens, and takes keys only from the selector.</li>
 * </ul>
 * In {@link VerifierPolicy#jwsOnly()} mode the decoder runs with a validator that accepts every claim set; Spring has
 * no signature-only API, so a payload that is not a JSON claim set is {@code UNSUPPORTED}. Reasons follow the cause
 * Spring keeps (nimbus's exception) and, for validation failures, Spring's error descriptions.
 */
public final class SpringVerifier implements Authenticator {

    private static final Principal NO_PRINCIPAL = new Principal(null, null);

    private final JWSAlgorithm pinned;
    private final boolean keySet;
    private final boolean jwsOnly;
    private final NimbusJwtDecoder decoder;
    private final JwtAuthenticationConverter converter;

    public SpringVerifier(VerifierPolicy policy, boolean converted) {
        Spring.requireSupport(policy.algorithm());
        this.pinned = JWSAlgorithm.parse(policy.algorithm().name());
        this.keySet = policy.hasKeySet();
        this.jwsOnly = policy.jwsOnly();
        this.decoder = decoder(policy);
        decoder.setJwtValidator(jwsOnly ? jwt -> OAuth2TokenValidatorResult.success() : validators(policy));
        this.converter = converted ? new JwtAuthenticationConverter() : null;
    }

    private static NimbusJwtDecoder decoder(VerifierPolicy policy) {
        String alg = policy.algorithm().name();
        if (policy.hasKeySet()) {
            JWKSource<SecurityContext> set = new ImmutableJWKSet<>(jwkSet(policy));
            JWKSource<SecurityContext> byKid = (selector, context) ->
                    selector.getMatcher().getKeyIDs() == null ? List.of() : set.get(selector, context);
            if (policy.algorithm().isHmac()) {
                JWSAlgorithm mac = JWSAlgorithm.parse(alg);
                return NimbusJwtDecoder.withJwkSource(byKid)
                        .jwtProcessorCustomizer(p -> p.setJWSKeySelector(new JWSVerificationKeySelector<>(mac, byKid)))
                        .build();
            }
            return NimbusJwtDecoder.withJwkSource(byKid).jwsAlgorithm(SignatureAlgorithm.from(alg)).build();
        }
        return switch (policy.algorithm().keyType()) {
            case OCT -> NimbusJwtDecoder.withSecretKey(policy.secretKey()).macAlgorithm(MacAlgorithm.from(alg)).build();
            case RSA -> NimbusJwtDecoder.withPublicKey((RSAPublicKey) policy.publicKey())
                    .signatureAlgorithm(SignatureAlgorithm.from(alg)).build();
            case EC -> {
                List<JWK> one = List.of(jwk(policy.key(), null));
                yield NimbusJwtDecoder.withJwkSource((selector, context) -> one)
                        .jwsAlgorithm(SignatureAlgorithm.from(alg)).build();
            }
            case OKP -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
        };
    }

    private static OAuth2TokenValidator<Jwt> validators(VerifierPolicy policy) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator(policy.leeway());
        timestamps.setAllowEmptyExpiryClaim(false);
        timestamps.setClock(new LastMillisecondClock(policy));
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>(List.of(timestamps));
        if (policy.issuer() != null) {
            validators.add(new JwtIssuerValidator(policy.issuer()));
        }
        if (policy.audience() != null) {
            validators.add(new JwtAudienceValidator(policy.audience()));
        }
        return JwtValidators.createDefaultWithValidators(validators);
    }

    private static JWKSet jwkSet(VerifierPolicy policy) {
        List<JWK> jwks = new ArrayList<>();
        policy.keysById().forEach((kid, key) -> jwks.add(jwk(key, kid)));
        return new JWKSet(jwks);
    }

    private static JWK jwk(Key key, String kid) {
        Map<String, Object> json = new LinkedHashMap<>(JwkKeys.toJwk(key));
        if (kid != null) {
            json.put("kid", kid);
        }
        try {
            return JWK.parse(json);
        } catch (ParseException e) {
            throw new IllegalArgumentException("nimbus cannot read the JWK" + (kid == null ? "" : " of kid " + kid)
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        Jwt jwt;
        try {
            jwt = decoder.decode(token);
        } catch (JwtException e) {
            throw new Rejected(reason(token, e), e.getMessage(), e);
        }
        if (jwsOnly) {
            return NO_PRINCIPAL;
        }
        if (converter == null) {
            return new Principal(jwt.getSubject(), jwt.getId());
        }
        // The principal comes out of the Authentication (its name is "" rather than null when sub is absent).
        Jwt converted = (Jwt) converter.convert(jwt).getPrincipal();
        return new Principal(converted.getSubject(), converted.getId());
    }

    private Reason reason(String token, JwtException e) {
        if (e instanceof JwtValidationException v) {
            return validationReason(v.getErrors());
        }
        Throwable cause = e.getCause();
        if (cause == null) {
            // Spring's own refusal of an unsecured token: "Unsupported algorithm of none"
            return String.valueOf(e.getMessage()).startsWith("Unsupported algorithm") ? Reason.ALGORITHM_NOT_ALLOWED
                    : Reason.OTHER;
        }
        if (cause instanceof ParseException) {
            return Reason.MALFORMED;
        }
        if (cause instanceof BadJWTException && cause.getCause() instanceof ParseException) {
            return jwsOnly ? Reason.UNSUPPORTED : Reason.MALFORMED; // the payload is not a JSON claim set
        }
        if (cause instanceof BadJWSException) {
            return header(token).containsKey("crit") ? Reason.UNSUPPORTED : Reason.BAD_SIGNATURE;
        }
        if (cause instanceof BadJOSEException) {
            // the selector found no key: another algorithm, or (key set) no key with the header's kid
            Object alg = header(token).get("alg");
            return !pinned.getName().equals(alg) ? Reason.ALGORITHM_NOT_ALLOWED
                    : keySet ? Reason.UNKNOWN_KEY : Reason.OTHER;
        }
        if (cause instanceof JOSEException) {
            return Reason.OTHER;
        }
        return Reason.MALFORMED; // Spring's claim conversion refused a claim's type
    }

    /** Spring 7's validator descriptions; anything else is OTHER (a finding, not a guess). */
    private static Reason validationReason(Collection<OAuth2Error> errors) {
        String d = errors.isEmpty() ? "" : String.valueOf(errors.iterator().next().getDescription());
        if (d.startsWith("exp is required")) {
            return Reason.MISSING_CLAIM;
        }
        if (d.startsWith("Jwt expired at")) {
            return Reason.EXPIRED;
        }
        if (d.startsWith("Jwt used before")) {
            return Reason.NOT_YET_VALID;
        }
        if (d.startsWith("The iss claim is not valid")) {
            return Reason.WRONG_ISSUER;
        }
        if (d.startsWith("The aud claim is not valid")) {
            return Reason.WRONG_AUDIENCE;
        }
        return Reason.OTHER;
    }

    /** The token's header, read again on the refusal path only; Spring keeps none of it in its exceptions. */
    private static Map<String, Object> header(String token) {
        try {
            return JWTParser.parse(token).getHeader().toJSONObject();
        } catch (ParseException e) {
            return Map.of();
        }
    }

    /**
     * The policy's clock at the last millisecond of its current second: Spring compares instants and refuses only
     * after {@code exp}; read this way, a token expires from its {@code exp} second on and is valid from its
     * {@code nbf} second on, as the policy says.
     */
    private static final class LastMillisecondClock extends Clock {
        private final VerifierPolicy policy;

        LastMillisecondClock(VerifierPolicy policy) {
            this.policy = policy;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(policy.nowEpochSecond() * 1000 + 999);
        }

        @Override
        public long millis() {
            return policy.nowEpochSecond() * 1000 + 999;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
