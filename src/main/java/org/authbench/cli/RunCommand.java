package org.authbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.authbench.apikey.StoreKind;
import org.authbench.conformance.Candidate;
import org.authbench.crypto.CryptoProvider;
import org.authbench.conformance.ConformanceReport;
import org.authbench.conformance.ConformanceRun;
import org.authbench.jwt.JwtLibrary;
import org.authbench.revocation.DenylistKind;
import org.authbench.bench.Profile;
import org.authbench.bench.SupportedPairs;
import org.authbench.env.Environment;
import org.authbench.runfiles.AtomicWrite;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunManifest;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs a profile into a new run folder {@code results/runs/<UTC time>-<commit>[-dirty]-<profile>/}:
 * {@code jmh-result.json} (JMH's JSON, the source of truth), {@code manifest.json}, {@code jmh.log}, then
 * the report files. Never writes into an existing folder; an interrupted run keeps what finished and says
 * {@code "status": "interrupted"} in its manifest.
 */
@Command(name = "run", description = "Run a benchmark profile into a new run folder and write its report.")
public final class RunCommand implements Callable<Integer> {

    public static final String RESULT_FILE = RunFiles.RESULT;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "standard", description = "quick, standard (default), full, platform, stores, ci")
    String profileName;

    @Option(names = "--include", paramLabel = "REGEX", description = "only benchmark rows whose name matches (e.g. 'Verify.*valid')")
    String include;

    @Option(names = "--param", paramLabel = "NAME=V1,V2", description = "JMH parameter values, e.g. --param library=NIMBUS,REFERENCE")
    List<String> params = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "results/runs", description = "where run folders go (default: results/runs)")
    Path out;

    @Option(names = "--jvm", paramLabel = "PATH", description = "java executable for the forks (default: this JVM); "
            + "repeat to run the same profile on several JVMs into one run folder")
    List<String> jvms = new ArrayList<>();

    @Option(names = "--forks", paramLabel = "N", description = "forks per row instead of the profile's (scripts/compare.sh runs 1 per round)")
    Integer forks;

    @Option(names = "--threads", split = ",", paramLabel = "N[,N...]",
            description = "benchmark threads (default: the profile's); several values run every row at each, e.g. 1,2")
    List<Integer> threads;

    @Option(names = "--vectors", paramLabel = "DIR", defaultValue = "../shared/vectors",
            description = "external test vectors for the conformance check that ends a run (default: ../shared/vectors)")
    Path vectors;

    @Option(names = "--conformance-fuzz", paramLabel = "N", defaultValue = "10000",
            description = "random and mutated tokens per library in that check (default: 10000; 0 skips robustness)")
    int conformanceFuzz;

    @Option(names = "--no-conformance", description = "skip the conformance check at the end")
    boolean noConformance;

    @Option(names = "--no-report", description = "skip writing report files at the end")
    boolean noReport;

    @Override
    public Integer call() throws Exception {
        PrintWriter term = spec.commandLine().getOut();
        Profile profile = Profile.parse(profileName);
        if (forks != null && forks < 1) {
            throw new UsageException("--forks must be at least 1, got " + forks);
        }
        Map<String, String[]> paramValues = new LinkedHashMap<>();
        profile.params().forEach((k, v) -> paramValues.put(k, v.toArray(String[]::new)));
        paramValues.putAll(parseParams());
        Pattern userInclude = compile(include);
        if (threads != null && threads.stream().anyMatch(t -> t < 1)) {
            throw new UsageException("--threads must be positive, got " + threads);
        }
        if (conformanceFuzz < 0) {
            throw new UsageException("--conformance-fuzz must not be negative, got " + conformanceFuzz);
        }
        for (String j : jvms) {
            if (!Files.isExecutable(Path.of(j))) {
                throw new UsageException("--jvm " + j + " is not an executable file");
            }
        }
        // Before the grid is split into JMH runs (each gets its own copy of the parameters) and before any folder exists.
        Map<String, String> providerSkips = chooseProviders(paramValues);

        List<Profile.Pass> passes = profile.passes().stream().map(p -> forks == null ? p : p.withForks(forks)).toList();
        List<List<String>> rowsPerPass = new ArrayList<>();
        for (Profile.Pass pass : passes) {
            rowsPerPass.add(pass.benchmarks(userInclude));
        }
        if (rowsPerPass.stream().allMatch(List::isEmpty)) {
            throw new UsageException("no benchmark matches --include " + include + " in profile " + profile.cliName());
        }
        // Library × algorithm pairs a library does not support are dropped here, before any fork, and recorded.
        List<List<SupportedPairs.Grid>> gridsPerPass = new ArrayList<>();
        Map<String, String> notSupported = new LinkedHashMap<>();
        for (List<String> names : rowsPerPass) {
            SupportedPairs.Split split = SupportedPairs.split(names, paramValues);
            gridsPerPass.add(split.grids());
            notSupported.putAll(split.unsupported());
        }
        if (gridsPerPass.stream().allMatch(List::isEmpty)) {
            throw new UsageException("nothing to run: no requested library supports a requested algorithm ("
                    + String.join(", ", notSupported.keySet()) + ")");
        }

        Path cwd = Path.of("").toAbsolutePath();
        Map<String, Object> git = Environment.git(cwd);
        Path runDir = newRunDir(out, profile.cliName(), git);
        RunManifest manifest = StartManifest.of(runDir, profile.cliName(), git, spec.commandLine().getParseResult()
                .originalArgs().toArray(String[]::new));
        if (!jvms.isEmpty()) {
            // Each result row names its own JVM (JMH's "jvm", "vmVersion"); this lists what was asked for.
            manifest.forkJvms(jvms);
        }
        chooseStores(manifest, paramValues, term);
        notSupported.forEach((pair, why) -> {
            manifest.notSupported(pair, why);
            term.println("skipping " + pair + ": not supported (" + why + ")");
        });
        for (String name : paramValues.getOrDefault("provider", new String[] {CryptoProvider.DEFAULT.name()})) {
            manifest.providerRan(name);
        }
        providerSkips.forEach((name, why) -> {
            manifest.providerSkipped(name, why);
            term.println("skipping provider " + name.toLowerCase(java.util.Locale.ROOT) + ": " + why);
        });
        manifest.write();
        // Each fork appends what its JCA provider served; merged into the manifest after every pass.
        Path providerRecords = runDir.resolve(PROVIDER_RECORDS).toAbsolutePath();
        term.println("run folder: " + runDir);
        term.flush();

        Thread interruptHook = new Thread(() -> {
            if (manifest.running()) {
                manifest.end("interrupted");
                try {
                    manifest.write();
                } catch (IOException ignored) {
                    // nothing more can be done while the JVM exits
                }
                System.err.println("\nrun interrupted: completed passes are kept in " + runDir);
            }
        });
        Runtime.getRuntime().addShutdownHook(interruptHook);

        ArrayNode merged = JSON.createArrayNode();
        try (PrintStream logStream = new PrintStream(Files.newOutputStream(runDir.resolve(RunFiles.JMH_LOG)), true)) {
            OutputFormat log = OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL);
            RunProgress progress = new RunProgress(log, term, System.console() != null, manifest);
            // One JMH run per JVM, pass and thread count, in that order.
            List<Profile.Pass> jobPass = new ArrayList<>();
            List<List<String>> jobNames = new ArrayList<>();
            List<Map<String, String[]>> jobParams = new ArrayList<>();
            List<Integer> jobThreads = new ArrayList<>();
            List<String> jobJvm = new ArrayList<>();
            for (String jvm : jvms.isEmpty() ? java.util.Collections.<String>singletonList(null) : jvms) {
                for (int i = 0; i < passes.size(); i++) {
                    for (int t : threads != null ? threads : passes.get(i).threads()) {
                        for (SupportedPairs.Grid grid : gridsPerPass.get(i)) {
                            jobPass.add(passes.get(i));
                            jobNames.add(grid.benchmarks());
                            jobParams.add(grid.params());
                            jobThreads.add(t);
                            jobJvm.add(jvm);
                        }
                    }
                }
            }
            for (int i = 0; i < jobPass.size(); i++) {
                Profile.Pass pass = jobPass.get(i);
                List<String> names = jobNames.get(i);
                int rows = pass.rows(names, jobParams.get(i)) / pass.threads().size();
                int laterRows = 0;
                double laterSeconds = 0;
                for (int j = i + 1; j < jobPass.size(); j++) {
                    int r = jobPass.get(j).rows(jobNames.get(j), jobParams.get(j)) / jobPass.get(j).threads().size();
                    laterRows += r;
                    laterSeconds += r * rowSeconds(jobPass.get(j));
                }
                progress.plan(rows, rowSeconds(pass), laterRows, laterSeconds);
                Path passResult = runDir.resolve(".pass-" + i + ".json");
                ChainedOptionsBuilder b = pass.applyTo(new OptionsBuilder(), "-D" + org.authbench.bench.ProviderTrial.RECORD_PROPERTY + "=" + providerRecords)
                        .threads(jobThreads.get(i))
                        .resultFormat(ResultFormatType.JSON)
                        .result(passResult.toString())
                        .shouldFailOnError(false);
                for (String n : names) {
                    b.include("^" + Pattern.quote(n) + "$");
                }
                jobParams.get(i).forEach(b::param);
                if (jobJvm.get(i) != null) {
                    b.jvm(jobJvm.get(i));
                }
                try {
                    new Runner(b.build(), progress).run();
                } catch (RunnerException e) {
                    manifest.rowFailed("pass " + i, e.getMessage());
                }
                if (Files.exists(passResult)) {
                    JsonNode part = JSON.readTree(passResult.toFile());
                    part.forEach(merged::add);
                    Files.delete(passResult);
                    // Results so far are saved after every pass: an interruption loses at most the current pass.
                    AtomicWrite.write(runDir.resolve(RESULT_FILE), JSON.writeValueAsBytes(merged));
                }
                mergeProviderRecords(manifest, providerRecords);
            }
            progress.finishLine();
        }
        AtomicWrite.write(runDir.resolve(RESULT_FILE), JSON.writeValueAsBytes(merged));
        manifest.end("finished");
        manifest.write();
        Runtime.getRuntime().removeShutdownHook(interruptHook);

        if (!noConformance) {
            conformance(runDir, manifest, term);
        }
        int failed = manifest.failedRowCount();
        term.println("finished: " + merged.size() + " result rows" + (failed > 0 ? ", " + failed + " FAILED rows (see jmh.log)" : ""));
        term.println("results:  " + runDir.resolve(RESULT_FILE));
        if (!noReport) {
            for (Path p : ReportCommand.generate(runDir)) {
                term.println("report:   " + p);
            }
        }
        term.flush();
        return failed > 0 ? Main.NEGATIVE : Main.OK;
    }

    /**
     * Every library's accept/reject behaviour on external vectors and hostile tokens, next to its speed: the
     * report marks a library with a false accept in every ranking. Skipped with one line when the vectors
     * are absent (a fresh machine may not have them); the run's results stand either way.
     */
    private void conformance(Path runDir, RunManifest manifest, PrintWriter term) throws IOException {
        Path dir = vectors.toAbsolutePath().normalize();
        Path missing = ConformanceRun.missingFile(dir);
        if (missing != null) {
            String why = "vectors not found at " + missing + " (pass --vectors DIR)";
            term.println("conformance skipped: " + why);
            manifest.conformanceSkipped(why);
            manifest.write();
            return;
        }
        term.println("conformance: every library against external vectors, hostile tokens and " + conformanceFuzz
                + " mutated tokens ...");
        term.flush();
        List<Candidate> candidates = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            candidates.add(Candidate.of(l));
        }
        candidates.add(Candidate.jdk());
        long seed = new java.security.SecureRandom().nextLong();
        ConformanceReport report = ConformanceRun.run(new ConformanceRun.Options(dir, candidates, conformanceFuzz, seed,
                ConformanceRun.DEFAULT_BOUND, java.time.Instant.now().getEpochSecond()), line -> { });
        AtomicWrite.write(runDir.resolve(RunFiles.CONFORMANCE), ConformanceCommand.render(report, "json"));
        AtomicWrite.write(runDir.resolve(RunFiles.CONFORMANCE_MD), ConformanceCommand.render(report, "md"));
        manifest.conformanceChecked(report.falseAccepts().size(), report.clean(), seed);
        manifest.write();
        term.println("conformance: " + report.falseAccepts().size() + " false accepts"
                + (report.clean() ? "" : " (see conformance.md)"));
    }

    /** Where forks append their provider records; removed once merged into the manifest. */
    static final String PROVIDER_RECORDS = ".providers.jsonl";

    /**
     * The JCA providers asked for ({@code --param provider=...} or the profile's): unknown names are bad input; one
     * that cannot load in this JVM is dropped from the parameter and returned with why ({@code ACCP cannot load here:
     * ...}), to be printed as one line and recorded under {@code providers.skipped}; the rest of the run goes on.
     * Without the parameter the benchmarks' own default (DEFAULT only) applies and nothing is checked.
     */
    private static Map<String, String> chooseProviders(Map<String, String[]> paramValues) {
        Map<String, String> skipped = new LinkedHashMap<>();
        String[] requested = paramValues.get("provider");
        if (requested == null) {
            return skipped;
        }
        List<String> runnable = new ArrayList<>();
        for (String name : requested) {
            CryptoProvider p;
            try {
                p = CryptoProvider.parse(name.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            String why = p.unavailableReason();
            if (why == null) {
                runnable.add(p.name());
            } else {
                skipped.put(p.name(), why);
            }
        }
        if (runnable.isEmpty()) {
            throw new UsageException("no requested provider can run here: " + String.join("; ", skipped.values()));
        }
        paramValues.put("provider", runnable.toArray(String[]::new));
        return skipped;
    }

    /**
     * Moves the forks' provider records into {@code providers.checked} of the manifest, one entry per distinct
     * (JVM, benchmark, library, algorithm, provider, outcome) with the number of forks that reported it.
     */
    private static void mergeProviderRecords(RunManifest manifest, Path records) throws IOException {
        if (!Files.exists(records)) {
            return;
        }
        for (String line : Files.readAllLines(records)) {
            if (!line.isBlank()) {
                manifest.providerChecked((com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(line));
            }
        }
        Files.delete(records);
        manifest.write();
    }

    private static double rowSeconds(Profile.Pass pass) {
        return pass.secondsPerRowWithStartup();
    }

    /**
     * Store tiers and denylists whose server is unreachable are dropped from their parameter ({@code store},
     * {@code denylist}) and recorded as skipped, with one line each; the rest of the run goes on.
     */
    private static void chooseStores(RunManifest manifest, Map<String, String[]> paramValues, PrintWriter term) {
        Map<String, String> storeReasons = new LinkedHashMap<>();
        for (StoreKind k : StoreKind.values()) {
            storeReasons.put(k.name(), k.unavailableReason());
        }
        Map<String, String> denylistReasons = new LinkedHashMap<>();
        for (DenylistKind k : DenylistKind.values()) {
            denylistReasons.put(k.name(), k.unavailableReason());
        }
        skipUnavailable("store", storeReasons, manifest, paramValues, term);
        skipUnavailable("denylist", denylistReasons, manifest, paramValues, term);
    }

    private static void skipUnavailable(String param, Map<String, String> reasons, RunManifest manifest,
            Map<String, String[]> paramValues, PrintWriter term) {
        List<String> requested = paramValues.containsKey(param) ? List.of(paramValues.get(param)) : null;
        List<String> runnable = new ArrayList<>();
        for (Map.Entry<String, String> e : reasons.entrySet()) {
            String name = e.getKey();
            if (requested != null && requested.stream().noneMatch(name::equalsIgnoreCase)) {
                continue;
            }
            String what = param + " " + name.toLowerCase(java.util.Locale.ROOT);
            if (e.getValue() == null) {
                runnable.add(name);
                manifest.storeRan(what);
            } else {
                manifest.storeSkipped(what, e.getValue());
                term.println("skipping " + what + ": " + e.getValue());
            }
        }
        if (requested != null || runnable.size() < reasons.size()) {
            if (runnable.isEmpty()) {
                throw new UsageException("no requested " + param + " can run here");
            }
            paramValues.put(param, runnable.toArray(String[]::new));
        }
    }

    private Map<String, String[]> parseParams() {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0 || eq == p.length() - 1) {
                throw new UsageException("--param needs NAME=VALUE[,VALUE...], got '" + p + "'");
            }
            m.put(p.substring(0, eq), p.substring(eq + 1).split(","));
        }
        return m;
    }

    private static Pattern compile(String regex) {
        if (regex == null) {
            return null;
        }
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new UsageException("--include is not a valid regular expression: " + e.getDescription());
        }
    }

    /** A new folder {@code base/<UTC time>-<commit>[-dirty]-<label>}; shared with {@code latency}. */
    static Path newRunDir(Path base, String label, Map<String, Object> git) throws IOException {
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
        String name = stamp + "-" + git.get("shortCommit") + (Boolean.TRUE.equals(git.get("dirty")) ? "-dirty" : "")
                + "-" + label;
        Files.createDirectories(base);
        for (int n = 1; ; n++) {
            Path dir = base.resolve(n == 1 ? name : name + "-" + n);
            try {
                // createDirectory fails if it exists: a run never writes into an earlier run's folder.
                return Files.createDirectory(dir);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // try the next suffix
            }
        }
    }
}
