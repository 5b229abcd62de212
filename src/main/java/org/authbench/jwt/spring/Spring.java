package org.authbench.jwt.spring;

import java.security.Key;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.LibraryModule;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.TokenIssuer;
import org.authbench.jwt.UnsupportedAlgorithmException;
import org.authbench.jwt.VerifierPolicy;

/**
 * Spring Security's resource-server JWT support: what the suite knows about it. Two rows share this folder: the
 * {@code NimbusJwtDecoder} alone, and the decoder plus the {@code JwtAuthenticationConverter} step that turns the
 * {@code Jwt} into the {@code Authentication} every request of a resource server pays for.
 */
public final class Spring implements LibraryModule {

    static final Map<JwtAlgorithm, String> UNSUPPORTED = Map.of(JwtAlgorithm.EdDSA,
            "its SignatureAlgorithm enum has no EdDSA, and its NimbusJwtDecoder runs nimbus's DefaultJWTProcessor, "
                    + "which makes no EdDSA verifier");

    private final boolean converted;

    /** @param converted true for decoder + {@code JwtAuthenticationConverter}, false for the decoder alone */
    public Spring(boolean converted) {
        this.converted = converted;
    }

    static void requireSupport(JwtAlgorithm alg) {
        UnsupportedAlgorithmException.check("spring", UNSUPPORTED, alg);
    }

    @Override
    public Facts facts() {
        List<String> coordinates = converted
                ? List.of("org.springframework.security:spring-security-oauth2-resource-server",
                        "org.springframework.security:spring-security-oauth2-jose", "com.nimbusds:nimbus-jose-jwt")
                : List.of("org.springframework.security:spring-security-oauth2-jose", "com.nimbusds:nimbus-jose-jwt");
        return new Facts(coordinates, UNSUPPORTED, Reason.ALGORITHM_NOT_ALLOWED);
    }

    /** The decoder runs nimbus's processor; the converting row adds Spring's conversion to the decoder. */
    @Override
    public String buildsOn() {
        return converted ? "SPRING" : "NIMBUS";
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new SpringVerifier(policy, converted);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new SpringIssuer(algorithm, signingKey);
    }

    @Override
    public MessageApi messageApi() {
        return MessageApi.none("Spring Security verifies whole tokens only (JwtDecoder.decode); its signature layer "
                + "is nimbus's, tested under nimbus");
    }
}
