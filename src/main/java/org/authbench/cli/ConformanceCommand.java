package org.authbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: being written. */
@Command(name = "conformance", description = "(not available yet)")
public final class ConformanceCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("conformance is not available yet");
    }
}
