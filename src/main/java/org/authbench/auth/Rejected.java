package org.authbench.auth;

import java.util.Objects;

/**
 * A credential was refused. Carries a {@link Reason} so tests and reports can tell why, not only that.
 *
 * <p>No stack trace is captured: refusing hostile traffic is a measured path, and a stack walk would make
 * every adapter's reject cost mostly the cost of {@code fillInStackTrace}.
 */
public final class Rejected extends Exception {

    /** Why a credential was refused. Adapters map their library's exceptions onto these. */
    public enum Reason {
        /** Not a parseable credential: wrong shape, bad base64url, bad JSON, bad key format. */
        MALFORMED,
        /** An API key whose checksum does not match: refused before any lookup. */
        BAD_CHECKSUM,
        /** The header names an algorithm other than the pinned one (including {@code none}). */
        ALGORITHM_NOT_ALLOWED,
        /** The signature does not verify with the pinned key. */
        BAD_SIGNATURE,
        /** {@code exp} is in the past (beyond the leeway). */
        EXPIRED,
        /** {@code nbf} is in the future (beyond the leeway). */
        NOT_YET_VALID,
        /** A claim the policy requires is absent (e.g. {@code exp}). */
        MISSING_CLAIM,
        /** {@code iss} differs from the policy's issuer. */
        WRONG_ISSUER,
        /** {@code aud} does not contain the policy's audience. */
        WRONG_AUDIENCE,
        /** The header asks for something the verifier does not support (unknown {@code crit}, embedded key). */
        UNSUPPORTED,
        /** No such key (API key not found, unknown {@code kid}). */
        UNKNOWN_KEY,
        /** The key or token was revoked. */
        REVOKED,
        /** The API key's record is past its expiry. */
        KEY_EXPIRED,
        /** The library refused without saying why in a way the adapter can map. */
        OTHER
    }

    private final Reason reason;

    public Rejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason);
    }

    public Rejected(Reason reason, String message, Throwable cause) {
        super(message, cause, false, false);
        this.reason = Objects.requireNonNull(reason);
    }

    public Reason reason() {
        return reason;
    }

    /** The wire form used by the CLI and batch output: {@code bad_signature}, {@code expired}, ... */
    public String code() {
        return reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
