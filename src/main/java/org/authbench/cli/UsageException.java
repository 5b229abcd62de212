package org.authbench.cli;

/**
 * Bad input from the user (missing file, malformed JSON, unknown name, wrong key type): printed as one
 * line naming the problem, exit code 2, no stack trace.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message, null, false, false);
    }
}
