package org.authbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: being written. */
@Command(name = "latency", description = "(not available yet)")
public final class LatencyCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new UsageException("latency is not available yet");
    }
}
