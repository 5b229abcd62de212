package org.authbench.runfiles;

/** A run file that cannot be read (missing, truncated or foreign): one line naming the file and the problem. */
public final class RunFileException extends IllegalArgumentException {

    public RunFileException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // bad input, not a bug: the message is the whole story
    }
}
