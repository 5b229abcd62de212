package org.authbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * Plain JMH, unchanged: {@code authbench jmh -l}, {@code authbench jmh VerifyBenchmark -p library=NIMBUS
 * -prof gc}. Every JMH option works; no authbench defaults are applied (those live in the profiles).
 */
@Command(name = "jmh", description = "Run plain JMH with the given arguments (e.g. -l, -prof gc, -p library=NIMBUS).")
public final class JmhCommand implements Callable<Integer> {

    // Everything after "jmh" is JMH's, options included: picocli collects it unparsed, in order.
    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        // JMH's own main parses and reports its errors; it calls System.exit itself on bad options. Qualified:
        // this package has a Main of its own.
        org.openjdk.jmh.Main.main(args.toArray(String[]::new));
        return Main.OK;
    }
}
