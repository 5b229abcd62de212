package org.authbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.authbench.bench.ProviderTrial;
import org.authbench.env.HostNoise;
import org.authbench.runfiles.AtomicWrite;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunManifest;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Executes a {@link RunPlan} into its run folder: each job is one JMH invocation whose rows are appended to
 * {@code jmh-result.json} as soon as it ends, so an interruption loses at most the job in progress; JMH's
 * full log goes to {@code jmh.log}; a shutdown hook marks the manifest {@code interrupted} when the JVM
 * exits before the last job.
 */
final class JobRunner {

    /** Where forks append their provider records; removed once merged into the manifest. */
    static final String PROVIDER_RECORDS = ".providers.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path runDir;
    private final RunManifest manifest;
    private final PrintWriter term;
    private final Path providerRecords;
    private final ArrayNode merged = JSON.createArrayNode();
    private final HostNoise noise = new HostNoise();

    JobRunner(Path runDir, RunManifest manifest, PrintWriter term) {
        this.runDir = runDir;
        this.manifest = manifest;
        this.term = term;
        this.providerRecords = runDir.resolve(PROVIDER_RECORDS).toAbsolutePath();
    }

    /**
     * Runs every job in order and marks the manifest {@code finished}; returns every result row. A job that
     * JMH cannot even start (its fork JVM does not run) ends the run: the manifest says {@code failed}, the
     * rows of earlier jobs stay.
     */
    ArrayNode run(RunPlan plan) throws IOException {
        Thread interruptHook = new Thread(this::markInterrupted);
        Runtime.getRuntime().addShutdownHook(interruptHook);
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(runDir.resolve(RunFiles.JMH_LOG)), true)) {
            OutputFormat log = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
            RunProgress progress = new RunProgress(log, term, System.console() != null, manifest);
            readHostNoise();
            for (RunPlan.Job job : plan.jobs()) {
                progress.plan(job.rows(), job.secondsPerRow(), plan.rowsAfter(job), plan.secondsAfter(job));
                runJob(job, progress);
            }
            progress.finishLine();
        } catch (RuntimeException | Error e) {
            manifest.end("failed");
            manifest.write();
            Runtime.getRuntime().removeShutdownHook(interruptHook);
            throw e;
        }
        saveResults();
        manifest.end("finished");
        manifest.write();
        Runtime.getRuntime().removeShutdownHook(interruptHook);
        return merged;
    }

    private void runJob(RunPlan.Job job, RunProgress progress) throws IOException {
        Path jobResult = runDir.resolve(".pass-" + job.index() + ".json");
        try {
            new Runner(options(job, jobResult), progress).run();
        } catch (RunnerException e) {
            manifest.rowFailed("pass " + job.index(), e.getMessage());
        }
        if (Files.exists(jobResult)) {
            JSON.readTree(jobResult.toFile()).forEach(merged::add);
            Files.delete(jobResult);
            saveResults();
        }
        mergeProviderRecords();
        readHostNoise();
    }

    /**
     * One calibration reading of the host (tens of milliseconds, against seconds per job), written to the manifest
     * at once so an interrupted run still says how noisy its machine was.
     */
    private void readHostNoise() throws IOException {
        noise.sample();
        HostNoise.Summary s = noise.summary();
        manifest.hostNoise(s.readings(), s.medianMs(), s.spread(), s.stealShare());
        manifest.write();
    }

    private Options options(RunPlan.Job job, Path jobResult) {
        ChainedOptionsBuilder b = job.pass().applyTo(new OptionsBuilder(),
                        "-D" + ProviderTrial.RECORD_PROPERTY + "=" + providerRecords)
                .threads(job.threads())
                .resultFormat(ResultFormatType.JSON)
                .result(jobResult.toString())
                .shouldFailOnError(false);
        for (String n : job.benchmarks()) {
            b.include("^" + Pattern.quote(n) + "$");
        }
        job.params().forEach(b::param);
        if (job.jvm() != null) {
            b.jvm(job.jvm());
        }
        return b.build();
    }

    private void saveResults() throws IOException {
        AtomicWrite.write(runDir.resolve(RunCommand.RESULT_FILE), JSON.writeValueAsBytes(merged));
    }

    /**
     * Moves the forks' provider records into {@code providers.checked} of the manifest, one entry per distinct
     * (JVM, benchmark, library, algorithm, provider, outcome) with the number of forks that reported it.
     */
    private void mergeProviderRecords() throws IOException {
        if (!Files.exists(providerRecords)) {
            return;
        }
        for (String line : Files.readAllLines(providerRecords)) {
            if (!line.isBlank()) {
                manifest.providerChecked((ObjectNode) JSON.readTree(line));
            }
        }
        Files.delete(providerRecords);
        manifest.write();
    }

    private void markInterrupted() {
        if (manifest.running()) {
            manifest.end("interrupted");
            try {
                manifest.write();
            } catch (IOException ignored) {
                // nothing more can be done while the JVM exits
            }
            System.err.println("\nrun interrupted: completed passes are kept in " + runDir);
        }
    }
}
