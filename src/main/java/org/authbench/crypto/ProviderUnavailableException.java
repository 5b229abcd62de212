package org.authbench.crypto;

/**
 * A JCA provider cannot load or lacks a primitive in this JVM; its rows are skipped or fail with this one-line
 * message (e.g. {@code ACCP cannot load here: ...}), the rest of the run goes on.
 */
public final class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code <provider> cannot load here: <what failed>[: <innermost cause>]}, on one line. */
    static ProviderUnavailableException of(CryptoProvider provider, Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String why = describe(failure) + (root == failure ? "" : ": " + describe(root));
        return new ProviderUnavailableException(provider + " cannot load here: " + why.replaceAll("\\s+", " ").trim(),
                failure);
    }

    private static String describe(Throwable t) {
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
