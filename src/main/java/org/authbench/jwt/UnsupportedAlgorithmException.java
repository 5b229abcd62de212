package org.authbench.jwt;

import java.util.Map;

/**
 * Thrown by {@link JwtLibrary#create} for an algorithm the library does not support: a fact about the
 * library, not a failure. The CLI prints its message as one line and exits 2; {@code run} never gets here,
 * because it drops unsupported library × algorithm pairs before forking and records them in the manifest.
 */
public final class UnsupportedAlgorithmException extends UnsupportedOperationException {

    private final String library;
    private final JwtAlgorithm algorithm;
    private final String reason;

    /** @param library the library's command-line name ({@code auth0}) */
    public UnsupportedAlgorithmException(String library, JwtAlgorithm algorithm, String reason) {
        super(library + " does not support " + algorithm + ": " + reason);
        this.library = library;
        this.algorithm = algorithm;
        this.reason = reason;
    }

    /**
     * Throws unless {@code unsupported} (a library's table of algorithms it cannot verify, with reasons) lacks
     * {@code algorithm}. Adapters call it with their own table, so they never reach back into {@link JwtLibrary}.
     */
    public static void check(String library, Map<JwtAlgorithm, String> unsupported, JwtAlgorithm algorithm) {
        String why = unsupported.get(algorithm);
        if (why != null) {
            throw new UnsupportedAlgorithmException(library, algorithm, why);
        }
    }

    /** The library's command-line name. */
    public String library() {
        return library;
    }

    public JwtAlgorithm algorithm() {
        return algorithm;
    }

    /** Why, in a few words ("java-jwt has no EdDSA algorithm"). */
    public String reason() {
        return reason;
    }
}
