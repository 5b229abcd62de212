package org.authbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.authbench.report.Precision;
import org.authbench.report.ReportWriter;
import org.authbench.runfiles.RunFileException;
import org.authbench.runfiles.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Rebuilds every report file of a run folder (report.md, report.html, summary.csv, charts/) from its run files
 * alone; never touches jmh-result.json or manifest.json. {@code run} calls {@link #generate} when it ends.
 *
 * <pre>java -jar target/authbench.jar report results/runs/&lt;run folder&gt;
 * java -jar target/authbench.jar report --precision json results/runs/&lt;run folder&gt;</pre>
 */
@Command(name = "report", description = "Rebuild the report files (Markdown, HTML, CSV, charts) of a run folder.")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", description = "a run folder, e.g. results/runs/<stamp>-<sha>-standard")
    Path runDir;

    @Option(names = "--precision", paramLabel = "FORMAT", description = "print the run's precision figures (text or "
            + "json) instead of writing the report files")
    String precision;

    /** The precision figures of a run folder, as the report's precision section states them. */
    public static Precision precision(Path runDir) {
        try {
            return Precision.of(RunFolder.read(runDir));
        } catch (RunFileException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Writes every report file of a run folder; returns the paths to announce (report.html, report.md). */
    public static List<Path> generate(Path runDir) {
        try {
            return ReportWriter.write(runDir);
        } catch (RunFileException e) {
            throw new UsageException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + runDir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Integer call() {
        if (precision != null) {
            if (!List.of("text", "json").contains(precision)) {
                throw new UsageException("--precision takes text or json, got '" + precision + "'");
            }
            Precision p = precision(runDir);
            spec.commandLine().getOut().println("json".equals(precision) ? p.json() : String.join("\n", p.lines()));
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        for (Path p : generate(runDir)) {
            spec.commandLine().getOut().println("report:   " + p);
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
