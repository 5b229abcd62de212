package org.authbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: being written. */
@Command(name = "compare", description = "(not available yet)")
public final class CompareCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("compare is not available yet");
    }
}
