package org.authbench.report;

/** A run folder that cannot be reported (missing, truncated or foreign files): one line naming the problem. */
public final class RunFolderException extends IllegalArgumentException {

    public RunFolderException(String message) {
        super(message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this; // bad input, not a bug: the message is the whole story
    }
}
