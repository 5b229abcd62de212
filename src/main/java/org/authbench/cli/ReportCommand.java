package org.authbench.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** PLACEHOLDER: being written. */
@Command(name = "report", description = "(not available yet)")
public final class ReportCommand implements Callable<Integer> {

    /** Writes every report file of a run folder; returns the paths to announce. */
    public static java.util.List<java.nio.file.Path> generate(java.nio.file.Path runDir) {
        return java.util.List.of();
    }

    @Override
    public Integer call() {
        throw new UsageException("report is not available yet");
    }
}
