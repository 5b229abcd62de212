package org.authbench.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.authbench.report.Agreement;
import org.authbench.report.Precision;
import org.authbench.report.ReadmeBlock;
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
 * alone; never touches jmh-result.json or manifest.json. {@code run} calls {@link #generate} when it ends. Given
 * several run folders, writes one report comparing them with the machine as the axis into {@code --out}; with
 * {@code --readme}, prints the README's results block of one run instead of writing anything.
 *
 * <pre>
 * java -jar target/authbench.jar report results/runs/&lt;run folder&gt;
 * java -jar target/authbench.jar report --out results/runs/machines results/runs/A results/runs/B
 * java -jar target/authbench.jar report --readme results/reference/standard
 * java -jar target/authbench.jar report --precision json results/runs/&lt;run folder&gt;
 * java -jar target/authbench.jar report --agreement results/runs/A results/runs/B
 * </pre>
 */
@Command(name = "report", description = "Rebuild the report files (Markdown, HTML, CSV, charts) of a run folder; "
        + "compare several run folders by machine (--out); print the README's results block (--readme).")
public final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "RUN_DIR", arity = "1..*", description = "run folder(s), e.g. results/runs/<stamp>-<sha>-standard")
    List<Path> runDirs;

    @Option(names = "--out", paramLabel = "DIR", description = "with several run folders: a new folder for the merged report")
    Path out;

    @Option(names = "--readme", description = "print the README's results block of one run folder; write nothing")
    boolean readme;

    @Option(names = "--precision", paramLabel = "FORMAT", description = "print the run's precision figures (text or "
            + "json) instead of writing the report files")
    String precision;

    @Option(names = "--agreement", description = "with two run folders of the same rows: print whether each row's "
            + "interval in the first run overlaps its interval in the second (fork-level and JMH's own); write nothing")
    boolean agreement;

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
            if (runDirs.size() != 1 || out != null) {
                throw new UsageException("--precision takes exactly one run folder and no --out");
            }
            Precision p = precision(runDirs.get(0));
            spec.commandLine().getOut().println("json".equals(precision) ? p.json() : String.join("\n", p.lines()));
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        if (agreement) {
            if (runDirs.size() != 2 || out != null) {
                throw new UsageException("--agreement takes exactly two run folders and no --out");
            }
            try {
                Agreement a = Agreement.of(RunFolder.read(runDirs.get(0)), RunFolder.read(runDirs.get(1)));
                spec.commandLine().getOut().println(String.join("\n", a.lines()));
            } catch (RunFileException e) {
                throw new UsageException(e.getMessage());
            }
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        if (readme) {
            if (runDirs.size() != 1 || out != null) {
                throw new UsageException("--readme takes exactly one run folder and no --out");
            }
            try {
                spec.commandLine().getOut().print(ReadmeBlock.render(runDirs.get(0)));
            } catch (RunFileException e) {
                throw new UsageException(e.getMessage());
            }
            spec.commandLine().getOut().flush();
            return Main.OK;
        }
        List<Path> written;
        if (runDirs.size() == 1) {
            if (out != null) {
                throw new UsageException("--out is for several run folders; one run's report goes into its own folder");
            }
            written = generate(runDirs.get(0));
        } else {
            if (out == null) {
                throw new UsageException("several run folders need --out DIR, a new folder for the merged report");
            }
            try {
                written = ReportWriter.writeMerged(runDirs, out);
            } catch (RunFileException e) {
                throw new UsageException(e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the merged report into " + out + ": " + e.getMessage(), e);
            }
        }
        for (Path p : written) {
            spec.commandLine().getOut().println("report:   " + p);
        }
        spec.commandLine().getOut().flush();
        return Main.OK;
    }
}
