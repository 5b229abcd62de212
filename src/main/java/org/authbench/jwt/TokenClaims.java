package org.authbench.jwt;

import java.util.Objects;

/**
 * The claim set every {@link TokenIssuer} signs: the one the fixture's tokens carry, so an issued token and a
 * fixture token of the same subject are interchangeable for every verifier. Times are epoch seconds
 * (JWT NumericDates); {@code aud} is one string; {@code scope} is a plain custom claim, kept so an issued
 * payload is as large as a verified one.
 */
public record TokenClaims(String issuer, String subject, String audience, long issuedAt, long notBefore,
        long expiresAt, String id, String scope) {

    public TokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
    }
}
