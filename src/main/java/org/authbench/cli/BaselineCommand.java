package org.authbench.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.authbench.regress.Baseline;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Manages {@code results/baseline/}: the only command that changes it.
 *
 * <pre>java -jar target/authbench.jar baseline update results/runs/&lt;run&gt;</pre>
 */
@Command(name = "baseline", description = "Manage the recorded reference runs in results/baseline/.",
        subcommands = BaselineCommand.Update.class)
public final class BaselineCommand implements Runnable {

    @Override
    public void run() {
        throw new UsageException("baseline needs a subcommand: update RUN_DIR");
    }

    /** {@code baseline update RUN_DIR}: records a finished, clean run as its profile's baseline. */
    @Command(name = "update", description = "Copy a finished run's results and manifest into results/baseline/<profile>/.")
    static final class Update implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "RUN_DIR", description = "a run folder under results/runs/")
        Path runDir;

        @Option(names = "--dir", paramLabel = "DIR", defaultValue = "results/baseline",
                description = "baseline root (default: ${DEFAULT-VALUE})")
        Path dir;

        @Option(names = "--allow-dirty", description = "accept a run built from uncommitted changes")
        boolean allowDirty;

        @Override
        public Integer call() throws Exception {
            Path target = Baseline.update(runDir, dir, allowDirty);
            spec.commandLine().getOut().println("baseline: " + target + " (from " + runDir.getFileName() + ")");
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
    }
}
