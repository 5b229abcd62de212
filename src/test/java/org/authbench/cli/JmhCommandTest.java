package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Plain JMH arguments reach JMH untouched and in order, options included. */
class JmhCommandTest {

    @Test
    void passesEveryArgumentThroughInOrder() {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult parsed = cl.parseArgs("jmh", "VerifyBenchmark.verify_valid", "-p", "library=NIMBUS",
                "-prof", "gc", "-f", "1", "-h");
        JmhCommand jmh = (JmhCommand) parsed.subcommand().commandSpec().userObject();
        assertThat(jmh.args).containsExactly("VerifyBenchmark.verify_valid", "-p", "library=NIMBUS", "-prof", "gc",
                "-f", "1", "-h");
    }
}
