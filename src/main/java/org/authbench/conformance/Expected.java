package org.authbench.conformance;

/** What a correct verifier does with a case. */
public enum Expected {
    /** Must be accepted (as the expected principal, when the case names one). */
    ACCEPT,
    /** Must be refused; accepting it is a false accept, a security finding. */
    REJECT,
    /** Wycheproof {@code acceptable}: either outcome is fine; counted apart. */
    EITHER,
    /**
     * The vectors contradict a strict verifier or themselves: Wycheproof JWS 372 and 373 (a {@code ?} inserted
     * into header or payload) are marked valid yet a strict base64url decoder refuses them, and 367 and 370 are
     * marked invalid yet are the very string of valid case 357. Either outcome counts as correct; it is reported.
     */
    EITHER_REPORTED
}
