package org.authbench.apikey;

/** A store tier's server cannot be reached; its rows are skipped with this message, the run goes on. */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
