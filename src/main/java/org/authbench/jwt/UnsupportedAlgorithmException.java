package org.authbench.jwt;

/**
 * Thrown by {@link JwtLibrary#create} for an algorithm the library does not support: a fact about the
 * library, not a failure. The CLI prints its message as one line and exits 2; {@code run} never gets here,
 * because it drops unsupported library × algorithm pairs before forking and records them in the manifest.
 */
public final class UnsupportedAlgorithmException extends UnsupportedOperationException {

    private final JwtLibrary library;
    private final JwtAlgorithm algorithm;
    private final String reason;

    public UnsupportedAlgorithmException(JwtLibrary library, JwtAlgorithm algorithm, String reason) {
        super(library.cliName() + " does not support " + algorithm + ": " + reason);
        this.library = library;
        this.algorithm = algorithm;
        this.reason = reason;
    }

    public JwtLibrary library() {
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
