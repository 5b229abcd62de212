package org.authbench.cli;

import java.io.PrintWriter;
import org.authbench.jwt.UnsupportedAlgorithmException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code authbench} command line: {@code java -jar target/authbench.jar <command>}.
 *
 * <p>Exit codes, for every command: 0 success; 1 a negative verdict (rejected token, regression found);
 * 2 bad input, printed as one line naming the problem; 3 an internal error (one line; set
 * {@code AUTHBENCH_DEBUG=1} for the stack trace).
 */
@Command(name = "authbench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "What does it cost to authenticate a request: API key versus JWT.",
        subcommands = {ListCommand.class, RunCommand.class, JmhCommand.class, VerifyCommand.class,
                ReportCommand.class, CompareCommand.class, BaselineCommand.class, ConformanceCommand.class,
                LatencyCommand.class})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int NEGATIVE = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the CLI and returns the exit code (tests call this instead of {@link #main}). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        for (CommandLine sub : cl.getSubcommands().values()) {
            // jmh hands -h and -V to JMH itself; every other command answers --help and --version.
            if (!(sub.getCommand() instanceof JmhCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true).versionProvider(new Version());
            }
        }
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("authbench: " + ex.getMessage() + " (see --help)");
            err.flush();
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof UsageException || ex instanceof IllegalArgumentException
                    || ex instanceof UnsupportedAlgorithmException) {
                err.println("authbench: " + ex.getMessage());
                err.flush();
                return USAGE;
            }
            err.println("authbench: internal error: " + ex + " (set AUTHBENCH_DEBUG=1 for the stack trace)");
            if (System.getenv("AUTHBENCH_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            err.flush();
            return INTERNAL;
        });
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reports the suite's version from the jar manifest (or "dev" when run from classes). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"authbench " + (v == null ? "dev" : v)};
        }
    }
}
