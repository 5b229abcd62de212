package org.authbench.revocation;

/**
 * Revoked JWT ids ({@code jti}), kept until the token would have expired anyway. Keyed on the {@code jti}
 * claim, never on the token string: the same token has several encodings (base64url padding bits, header
 * order), and a denylist keyed on one of them lets the others through.
 *
 * <p>Thread-safe. {@link #close()} removes this denylist's namespace and nothing else.
 */
public interface Denylist extends AutoCloseable {

    /** Revokes {@code jti}; {@code expiresAt} is the token's {@code exp} (epoch second). */
    void deny(String jti, long expiresAt);

    /** Whether {@code jti} is revoked. The measured call. */
    boolean contains(String jti);

    @Override
    void close();
}
