package org.authbench.apikey;

/**
 * A store tier's server cannot be reached; its rows are skipped with this message, the run goes on. The
 * message is one line: {@code no Redis at 127.0.0.1:6379: Connection refused}.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code no <server> at <where>: <innermost cause's message>}, on one line. */
    public static StoreUnavailableException of(String server, String where, Throwable failure) {
        Throwable root = innermost(failure);
        String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new StoreUnavailableException("no " + server + " at " + where + ": " + why.replaceAll("\\s+", " ").trim(),
                failure);
    }

    /** The first cause of all: follows causes, then a cause-less exception's first suppressed one (Jedis). */
    private static Throwable innermost(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getSuppressed().length > 0 ? innermost(root.getSuppressed()[0]) : root;
    }
}
