package org.authbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: being written. */
@Command(name = "baseline", description = "(not available yet)")
public final class BaselineCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("baseline is not available yet");
    }
}
