package org.authbench.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.authbench.regress.Comparison;
import org.authbench.regress.Export;
import org.authbench.regress.GateSettings;
import org.authbench.regress.GateVerdict;
import org.authbench.regress.Rerun;
import org.authbench.regress.RunReader;
import org.authbench.regress.SummaryFormat;
import org.authbench.runfiles.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * The CI regression gate: compares two runs row by row and exits 1 when a row got worse beyond the
 * threshold (see {@link org.authbench.regress.RowVerdict} for how it decides).
 *
 * <pre>java -jar target/authbench.jar compare results/baseline/ci results/runs/&lt;run&gt; --format md</pre>
 */
@Command(name = "compare", description = {
        "Compare two runs (run folders, folders of rounds, or JMH JSON files); exit 0 no regression, "
                + "1 regression (or inconclusive with --strict), 2 bad input."})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BASE", description = "run folder, folder of run folders, or JMH JSON file")
    Path base;

    @Parameters(index = "1", paramLabel = "HEAD", description = "the same, for the change under test")
    Path head;

    @Option(names = "--threshold", paramLabel = "PCT", defaultValue = "5",
            description = "smallest change in percent that counts (default: ${DEFAULT-VALUE})")
    double threshold;

    @Option(names = "--confidence", paramLabel = "C", defaultValue = "0.99",
            description = "confidence of the interval and the U test (default: ${DEFAULT-VALUE})")
    double confidence;

    @Option(names = "--format", paramLabel = "md|json", defaultValue = "md", description = "output (default: md)")
    String format;

    @Option(names = "--strict", description = "inconclusive rows fail the gate too")
    boolean strict;

    @Option(names = "--export", paramLabel = "FORMAT",
            description = "also write the head run as github-bigger, github-smaller or bencher JSON")
    String export;

    @Option(names = "--export-file", paramLabel = "FILE", description = "where --export writes")
    Path exportFile;

    @Option(names = "--paired", description = "fork i of each row on the two sides ran in the same round (as "
            + "scripts/compare.sh and the jmh-gate action run them): judge each row on the ratios within rounds")
    boolean paired;

    @Option(names = "--rerun-file", paramLabel = "FILE", description = "also write the `run` arguments that measure the "
            + "inconclusive rows again, one line per invocation (scripts/compare.sh's extra rounds)")
    Path rerunFile;

    @Override
    public Integer call() throws Exception {
        SummaryFormat out = SummaryFormat.parse(format);
        Export exp = export == null ? null : Export.parse(export);
        if ((exp == null) != (exportFile == null)) {
            throw new UsageException("--export and --export-file go together");
        }
        GateSettings settings = GateSettings.of(threshold, confidence).withPaired(paired);
        Comparison c = Comparison.of(RunReader.read("BASE", base), RunReader.read("HEAD", head), settings);

        PrintWriter w = spec.commandLine().getOut();
        w.print(out.render(c));
        w.flush();
        if (exp != null) {
            Export.Result r = exp.render(c);
            AtomicWrite.write(exportFile, r.json());
            PrintWriter err = spec.commandLine().getErr();
            for (String s : r.skipped()) {
                err.println(exp.cliName() + " cannot hold " + s + "; left out");
            }
            err.flush();
        }
        if (rerunFile != null) {
            AtomicWrite.write(rerunFile, Rerun.of(c).render());
        }
        boolean fail = c.count(GateVerdict.REGRESSION) > 0 || (strict && c.count(GateVerdict.INCONCLUSIVE) > 0);
        return fail ? Main.NEGATIVE : Main.OK;
    }
}
