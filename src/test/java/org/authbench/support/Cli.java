package org.authbench.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.authbench.cli.Main;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what it printed. */
public final class Cli {

    public record Result(int exit, String out, String err) {
        /** Error output as lines (a bad-input error must be exactly one). */
        public String[] errLines() {
            return err.isBlank() ? new String[0] : err.strip().split("\\R");
        }
    }

    /** JMH's switch for running while another JMH run holds its machine-wide lock. */
    public static final String IGNORE_JMH_LOCK = "jmh.ignoreLock";

    private Cli() {
    }

    /**
     * Lets the JMH runs of a test go ahead while another JMH run on the machine (another checkout's tests) holds
     * JMH's lock: these runs prove wiring, and their numbers are never looked at.
     */
    public static void ignoreJmhLock() {
        System.setProperty(IGNORE_JMH_LOCK, "true");
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
