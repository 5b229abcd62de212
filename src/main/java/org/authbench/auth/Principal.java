package org.authbench.auth;

/**
 * Who a credential belongs to, as every scheme returns it.
 *
 * <p>For a JWT: {@code subject} is {@code sub} and {@code credentialId} is {@code jti}. For an API key:
 * {@code subject} is the owner and {@code credentialId} the key's record id. Either may be null when the
 * credential does not carry it (an RFC 7515 example token has no {@code sub}); adapters never invent values.
 */
public record Principal(String subject, String credentialId) {
}
