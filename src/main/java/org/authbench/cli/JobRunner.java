package org.authbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.authbench.bench.LibraryVersions;
import org.authbench.bench.Profile;
import org.authbench.bench.ProviderTrial;
import org.authbench.env.HostNoise;
import org.authbench.runfiles.AtomicWrite;
import org.authbench.runfiles.ForkMerge;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunManifest;
import org.authbench.stats.ForkLevel;
import org.authbench.stats.Forked;
import org.authbench.stats.SteadyState;
import org.authbench.stats.VarianceComponents;
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
 *
 * <p>With a precision target, the rows of the AverageTime/Throughput jobs are measured fork by fork instead: in
 * rounds, each round one single-fork JMH invocation per unfinished row in a seeded shuffled order (so a slow
 * phase of a shared host spreads over every row rather than landing on a few), until the row has
 * {@link Adaptive#minForks} forks and its fork-level 95% interval is within the target, or it reaches the cap.
 * A row's forks are merged into one JMH row ({@link ForkMerge}). The percentile (SampleTime) jobs run after, as planned.
 */
final class JobRunner {

    /** Where forks append their provider records; removed once merged into the manifest. */
    static final String PROVIDER_RECORDS = ".providers.jsonl";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path runDir;
    private final RunManifest manifest;
    private final PrintWriter term;
    private final Path providerRecords;
    /** Host readings closer together than this would cost over 0.5% of the run (a reading takes 40-100 ms). */
    private static final long NOISE_READING_GAP_NANOS = 20_000_000_000L;

    /** The java executable JMH forks when a job names none. */
    private static final String THIS_JVM = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    private final ArrayNode fixedRows = JSON.createArrayNode();
    private final Map<RunPlan.Cell, List<ObjectNode>> forksOf = new LinkedHashMap<>();
    private final HostNoise noise = new HostNoise();
    private final Set<Integer> jobsDone;
    /** System properties every fork gets besides the provider record (e.g. the calibrated proxy delays). */
    private final List<String> forkProperties = new ArrayList<>();
    private long lastNoiseReading;
    /** When this runner started: the time budget of an adaptive run counts from here. */
    private final long created = System.nanoTime();

    /** A runner for a new run folder, or for one being resumed: {@code earlier} holds its saved rows. */
    JobRunner(Path runDir, RunManifest manifest, PrintWriter term, ArrayNode earlier) {
        this.runDir = runDir;
        this.manifest = manifest;
        this.term = term;
        this.providerRecords = runDir.resolve(PROVIDER_RECORDS).toAbsolutePath();
        this.jobsDone = Set.copyOf(manifest.jobsDone());
        earlier.forEach(fixedRows::add);
    }

    /** Adds {@code -Dname=value} to every fork's JVM arguments. */
    void forkProperty(String name, String value) {
        forkProperties.add("-D" + name + "=" + value);
    }

    /**
     * Runs every job in order and marks the manifest {@code finished}; returns every result row. A job that
     * JMH cannot even start (its fork JVM does not run) ends the run: the manifest says {@code failed}, the
     * rows of earlier jobs stay.
     */
    ArrayNode run(RunPlan plan, Adaptive adaptive) throws IOException {
        RunEnd end = RunEnd.watch(manifest, "\nrun interrupted: completed passes are kept in " + runDir);
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(runDir.resolve(RunFiles.JMH_LOG),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND), true)) {
            OutputFormat log = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
            RunProgress progress = new RunProgress(log, term, System.console() != null, manifest);
            readHostNoise(true);
            List<RunPlan.Job> fixed = new ArrayList<>();
            List<RunPlan.Cell> cells = new ArrayList<>();
            for (RunPlan.Job job : plan.jobs()) {
                if (adaptive != null && job.pass().adaptive()) {
                    cells.addAll(RunPlan.cells(job));
                } else if (!jobsDone.contains(job.index())) {
                    fixed.add(job);
                }
            }
            if (!cells.isEmpty()) {
                new Rounds(adaptive, cells, progress, fixed).run();
            }
            for (RunPlan.Job job : fixed) {
                progress.plan(job.rows(), job.secondsPerRow(), rowsAfter(fixed, job), secondsAfter(fixed, job));
                runJob(job, progress);
            }
            progress.finishLine();
            readHostNoise(true);
        } catch (RuntimeException | Error e) {
            end.failed();
            throw e;
        }
        saveResults();
        end.finished();
        return allRows();
    }

    private static int rowsAfter(List<RunPlan.Job> jobs, RunPlan.Job job) {
        return jobs.subList(jobs.indexOf(job) + 1, jobs.size()).stream().mapToInt(RunPlan.Job::rows).sum();
    }

    private static double secondsAfter(List<RunPlan.Job> jobs, RunPlan.Job job) {
        return jobs.subList(jobs.indexOf(job) + 1, jobs.size()).stream().mapToDouble(RunPlan.Job::seconds).sum();
    }

    /** Rows over budget the closing summary names, widest first. */
    static final int NAMED_OVER_BUDGET = 25;

    /** The adaptive rounds over the mean rows (see the class comment). */
    private final class Rounds {
        private final Adaptive adaptive;
        private final List<RunPlan.Cell> active = new ArrayList<>();
        private final Map<RunPlan.Cell, Integer> iterations = new LinkedHashMap<>();
        private final RunProgress progress;
        /** Wall seconds of each row's latest fork, the estimate for its next one. */
        private final Map<RunPlan.Cell, Double> forkSeconds = new LinkedHashMap<>();
        private final List<RunPlan.Cell> overBudget = new ArrayList<>();
        private final double fixedSeconds;
        private final int fixedRowCount;

        Rounds(Adaptive adaptive, List<RunPlan.Cell> cells, RunProgress progress, List<RunPlan.Job> fixed) {
            this.adaptive = adaptive;
            this.progress = progress;
            this.fixedSeconds = fixed.stream().mapToDouble(RunPlan.Job::seconds).sum();
            this.fixedRowCount = fixed.stream().mapToInt(RunPlan.Job::rows).sum();
            for (RunPlan.Cell c : cells) {
                forksOf.put(c, adoptEarlierForks(c));
                iterations.put(c, c.job().pass().iterations());
                if (!judge(c)) {
                    active.add(c);
                }
            }
        }

        void run() throws IOException {
            for (int round = 1; !active.isEmpty(); round++) {
                List<RunPlan.Cell> todo = new ArrayList<>();
                for (RunPlan.Cell c : active) {
                    if (forksOf.get(c).size() < round) {
                        todo.add(c);
                    }
                }
                Collections.shuffle(todo, new Random(adaptive.seed() + round));
                if (round > adaptive.minForks()) {
                    // Beyond the minimum the budget may not reach every row: rows one fork from the target go first.
                    todo.sort(adaptive.forkOrder(this::halfWidth, c -> forksOf.get(c).size()));
                }
                for (int i = 0; i < todo.size(); i++) {
                    RunPlan.Cell c = todo.get(i);
                    RunPlan.Job one = c.oneFork(iterations.get(c));
                    if (forksOf.get(c).size() >= adaptive.minForks() && !adaptive.fits((System.nanoTime() - created) / 1e9,
                            forkSeconds.getOrDefault(c, one.secondsPerRow()), fixedSeconds)) {
                        overBudget.add(c);
                        active.remove(c);
                        manifest.precisionOverBudget(c.name());
                        continue;
                    }
                    int left = todo.size() - i - 1 + laterForksAtLeast(round);
                    progress.plan(1, one.secondsPerRow(), left + fixedRowCount, left * one.secondsPerRow() + fixedSeconds);
                    long forkStarted = System.nanoTime();
                    ArrayNode rows = runOne(one, progress);
                    forkSeconds.put(c, (System.nanoTime() - forkStarted) / 1e9);
                    if (rows.isEmpty()) {
                        // RunProgress has recorded the failure; a row that cannot run is not retried.
                        active.remove(c);
                        continue;
                    }
                    forksOf.get(c).add((ObjectNode) rows.get(0));
                    saveResults();
                }
                active.removeIf(this::judge);
                manifest.write();
            }
            summarise();
        }

        /** The closing lines: how many rows reached the target, the median half-width, forks spent, rows capped. */
        private void summarise() {
            List<Double> halfWidths = new ArrayList<>();
            List<String> capped = new ArrayList<>();
            int forks = 0;
            for (Map.Entry<RunPlan.Cell, List<ObjectNode>> e : forksOf.entrySet()) {
                List<ObjectNode> f = e.getValue();
                forks += f.size();
                if (f.size() < 2) {
                    continue;
                }
                double hw = halfWidth(e.getKey());
                halfWidths.add(hw);
                if (hw > adaptive.target() && f.size() >= adaptive.maxForks()) {
                    capped.add(e.getKey().name() + String.format(Locale.ROOT, " ±%.1f%%", 100 * hw));
                }
            }
            Collections.sort(halfWidths);
            double median = halfWidths.isEmpty() ? Double.NaN : halfWidths.get(halfWidths.size() / 2);
            long reached = halfWidths.stream().filter(h -> h <= adaptive.target()).count();
            term.printf(Locale.ROOT, "%nprecision: %d of %d rows within ±%.1f%% (95%%, over fork means); median ±%.1f%%; %d forks "
                    + "(%d-%d per row; %d if every row ran to the cap)%n", reached, forksOf.size(), 100 * adaptive.target(),
                    100 * median, forks, adaptive.minForks(), adaptive.maxForks(), forksOf.size() * adaptive.maxForks());
            for (String c : capped) {
                term.println("  capped at " + adaptive.maxForks() + " forks: " + c);
            }
            // A long run (full on two JDKs) may stop hundreds of rows: the widest are named, the manifest holds them all.
            List<RunPlan.Cell> stopped = new ArrayList<>(overBudget);
            stopped.sort(Comparator.comparingDouble(this::halfWidth).reversed());
            for (RunPlan.Cell c : stopped.subList(0, Math.min(stopped.size(), NAMED_OVER_BUDGET))) {
                term.printf(Locale.ROOT, "  stopped by the %s-minute budget at %d forks: %s ±%.1f%%%n",
                        BigDecimal.valueOf(adaptive.budgetSeconds() / 60).round(new MathContext(3)).stripTrailingZeros()
                                .toPlainString(), forksOf.get(c).size(), c.name(), 100 * halfWidth(c));
            }
            if (stopped.size() > NAMED_OVER_BUDGET) {
                term.printf(Locale.ROOT, "  ... and %d more rows stopped by the budget (the manifest's precision rows "
                        + "mark them all overBudget)%n", stopped.size() - NAMED_OVER_BUDGET);
            }
            term.flush();
        }

        /** The row's relative half-width so far (NaN below two forks). */
        private double halfWidth(RunPlan.Cell c) {
            List<ObjectNode> forks = forksOf.get(c);
            return forks.size() < 2 ? Double.NaN
                    : Adaptive.standing(ForkMerge.forkValues(ForkMerge.merge(forks)), adaptive).halfWidth();
        }

        /** Forks still owed by active rows after this round, at the minimum (the planned remainder). */
        private int laterForksAtLeast(int round) {
            int n = 0;
            for (RunPlan.Cell c : active) {
                n += Math.max(0, adaptive.minForks() - Math.max(round, forksOf.get(c).size()));
            }
            return n;
        }

        /** Records where {@code c} stands; true when it needs no more forks. */
        private boolean judge(RunPlan.Cell c) {
            List<ObjectNode> forks = forksOf.get(c);
            double[][] values = forks.isEmpty() ? new double[0][] : ForkMerge.forkValues(ForkMerge.merge(forks));
            Adaptive.Standing s = Adaptive.standing(values, adaptive);
            if (!s.done() && forks.size() >= adaptive.minForks()) {
                iterations.put(c, Adaptive.iterationsPerFork(values, c.job().pass()));
            }
            manifest.precisionRow(c.name(), forks.size(), iterations.get(c), s.halfWidth(), s.done(), s.capped());
            return s.done();
        }

        /** On a resumed run, the forks this row already has in the results file (taken out of the kept rows). */
        private List<ObjectNode> adoptEarlierForks(RunPlan.Cell c) {
            List<ObjectNode> forks = new ArrayList<>();
            for (int i = 0; i < fixedRows.size(); i++) {
                JsonNode r = fixedRows.get(i);
                Map<String, String> params = new TreeMap<>();
                r.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
                if (c.matches(r.path("benchmark").asText(), r.path("mode").asText(), r.path("threads").asInt(1), params,
                        r.path("jvm").asText(), THIS_JVM, versionOf(r))) {
                    forks.addAll(ForkMerge.split(r));
                    fixedRows.remove(i);
                    break;
                }
            }
            return forks;
        }
    }

    /** The other library version a saved row's forks ran, or null. */
    private static String versionOf(JsonNode row) {
        List<String> args = new ArrayList<>();
        row.path("jvmArgs").forEach(a -> args.add(a.asText()));
        return RunFiles.libraryVersion(args);
    }

    /** Every row: the adaptive rows merged from their forks, then the rows of fixed jobs. */
    private ArrayNode allRows() {
        ArrayNode all = JSON.createArrayNode();
        forksOf.values().stream().filter(f -> !f.isEmpty()).forEach(f -> all.add(ForkMerge.merge(f)));
        all.addAll(fixedRows);
        return all;
    }

    private void runJob(RunPlan.Job job, RunProgress progress) throws IOException {
        fixedRows.addAll(runOne(job, progress));
        manifest.jobDone(job.index());
        saveResults();
        manifest.write();
    }

    /** One JMH invocation; returns its rows (none when it failed), with provider records and host noise taken after. */
    private ArrayNode runOne(RunPlan.Job job, RunProgress progress) throws IOException {
        Path jobResult = runDir.resolve(".pass-" + job.index() + ".json");
        ArrayNode rows = JSON.createArrayNode();
        // JMH 1.37 gives its forks this JVM's java.class.path as it reads it at fork time: another library version's
        // jars go first for the length of the job, so its forks load that version's classes before the shipped ones.
        String classPath = System.getProperty("java.class.path");
        if (job.version() != null) {
            List<String> cp = new ArrayList<>();
            job.version().jars().forEach(j -> cp.add(j.toString()));
            cp.add(classPath);
            System.setProperty("java.class.path", String.join(File.pathSeparator, cp));
        }
        try {
            new Runner(options(job, jobResult), progress).run();
        } catch (RunnerException e) {
            manifest.rowFailed("pass " + job.index(), e.getMessage());
        } finally {
            System.setProperty("java.class.path", classPath);
        }
        if (Files.exists(jobResult)) {
            JSON.readTree(jobResult.toFile()).forEach(rows::add);
            Files.delete(jobResult);
        }
        mergeProviderRecords();
        readHostNoise(false);
        return rows;
    }

    /**
     * One calibration reading of the host (40-100 ms), at the start, at the end and after a job when 20 s have passed
     * since the last, written to the manifest at once so an interrupted run still says how noisy its machine was.
     */
    private void readHostNoise(boolean always) throws IOException {
        if (!always && System.nanoTime() - lastNoiseReading < NOISE_READING_GAP_NANOS) {
            return;
        }
        lastNoiseReading = System.nanoTime();
        noise.sample();
        HostNoise.Summary s = noise.summary();
        manifest.hostNoise(s.readings(), s.medianMs(), s.spread(), s.stealShare());
        manifest.write();
    }

    private Options options(RunPlan.Job job, Path jobResult) {
        List<String> properties = new ArrayList<>();
        properties.add("-D" + ProviderTrial.RECORD_PROPERTY + "=" + providerRecords);
        properties.addAll(forkProperties);
        if (job.version() != null) {
            properties.add("-D" + LibraryVersions.PROPERTY + "=" + job.versionProperty());
        }
        ChainedOptionsBuilder b = job.pass().applyTo(new OptionsBuilder(), properties.toArray(String[]::new))
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
        AtomicWrite.write(runDir.resolve(RunCommand.RESULT_FILE), JSON.writeValueAsBytes(allRows()));
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
}
