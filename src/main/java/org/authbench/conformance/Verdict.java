package org.authbench.conformance;

import org.authbench.auth.Principal;

/**
 * What a verifier did with one case, and how long it took.
 *
 * @param detail the rejection code ({@code bad_signature}, ...), or the exception for {@link Kind#ERROR}
 */
public record Verdict(Kind kind, String detail, Principal principal, long nanos) {

    public enum Kind {
        ACCEPTED,
        /** Refused the way the contract says: {@code Rejected} (or, for a signature API, false / its refusal). */
        REJECTED,
        /** Any other exception or error (including StackOverflowError and OutOfMemoryError). */
        ERROR,
        /** No verdict within the bound; the worker thread was abandoned. */
        TIMEOUT
    }

    public boolean accepted() {
        return kind == Kind.ACCEPTED;
    }

    public boolean failed() {
        return kind == Kind.ERROR || kind == Kind.TIMEOUT;
    }
}
