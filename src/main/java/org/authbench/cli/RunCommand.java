package org.authbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.authbench.bench.LibraryVersions;
import org.authbench.bench.Profile;
import org.authbench.conformance.Candidate;
import org.authbench.conformance.ConformanceReport;
import org.authbench.conformance.ConformanceRun;
import org.authbench.env.Environment;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.reference.SelfTestSlowdown;
import org.authbench.runfiles.AtomicWrite;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFileException;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunManifest;
import org.authbench.apikey.StoreKind;
import org.authbench.net.ProxyDelays;
import org.authbench.net.Rtt;
import org.authbench.runfiles.Network;
import picocli.CommandLine;
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

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "standard", completionCandidates = ProfileNames.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); `list` says what each runs and how long")
    String profileName;

    @Option(names = "--include", paramLabel = "REGEX", description = "only benchmark rows whose name matches (e.g. 'Verify.*valid')")
    String include;

    @Option(names = "--param", paramLabel = "NAME=V1,V2", description = "JMH parameter values, e.g. --param library=NIMBUS,REFERENCE")
    List<String> params = new ArrayList<>();

    @Option(names = "--rtt", paramLabel = "RTT[,RTT...]", description = "also run the remote store rows (redis, postgres, "
            + "a cache over them, the redis denylist) through a delay proxy at each round trip, e.g. 0us,100us,250us,500us,1ms,2ms "
            + "(0us: the proxy alone); the injector is calibrated first into network.json")
    String rtt;

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

    @Option(names = "--vectors", paramLabel = "DIR", defaultValue = "vectors",
            description = "external test vectors for the conformance check that ends a run (default: vectors, shipped with the project)")
    Path vectors;

    @Option(names = "--conformance-fuzz", paramLabel = "N", defaultValue = "10000",
            description = "random and mutated tokens per library in that check (default: 10000; 0 skips robustness)")
    int conformanceFuzz;

    @Option(names = "--no-conformance", description = "skip the conformance check at the end")
    boolean noConformance;

    @Option(names = "--no-report", description = "skip writing report files at the end")
    boolean noReport;

    @Option(names = "--precision", paramLabel = "X", description = "stop adding forks to a mean row when its 95%% fork-level "
            + "half-width is within this share of its mean, e.g. 0.03 (default: the profile's; 0, or --forks, = fixed forks)")
    Double precision;

    @Option(names = "--max-forks", paramLabel = "N", description = "forks at which a row short of --precision stops and is "
            + "named as capped (default: " + Profile.MAX_FORKS + ")")
    int maxForks = Profile.MAX_FORKS;

    @Option(names = "--budget", paramLabel = "MINUTES", description = "a --precision run adds forks beyond the minimum "
            + "only while its measurement still fits this many minutes per --jvm, rows one fork from the target first "
            + "(default: the profile's; 0 = none)")
    Double budgetMinutes;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the shuffled fork order of a --precision run (default: random; recorded)")
    Long seed;

    @Option(names = "--versions", split = ",", paramLabel = "LIBRARY[,LIBRARY...]", description = "also measure these "
            + "libraries' rows on every other version the build copies into versions/ beside the jar, each in its own "
            + "forks (the versions and full profiles do VERTX,JJWT)")
    List<String> versions = new ArrayList<>();

    @Option(names = "--resume", paramLabel = "DIR", description = "go on with an interrupted run in its folder, with its own "
            + "arguments: rows already measured are kept, the rest run")
    Path resume;

    @Override
    public Integer call() throws Exception {
        PrintWriter term = spec.commandLine().getOut();
        if (resume != null) {
            return resume(term);
        }
        Planned p = plan(term);
        Map<String, Object> git = Environment.git(Path.of("").toAbsolutePath());
        Path runDir = newRunDir(out, p.profile().cliName(), git);
        RunManifest manifest = startManifest(runDir, p.profile().cliName(), git, spec);
        recordChoices(manifest, p.choices(), p.plan(), term);
        if (p.adaptive() != null) {
            manifest.precision(p.adaptive().target(), p.adaptive().minForks(), p.adaptive().maxForks(), p.adaptive().seed(),
                    p.adaptive().budgetSeconds());
        }
        manifest.write();
        term.println("run folder: " + runDir);
        term.flush();
        RoundTripCalibration.calibrate(runDir, manifest, p.plan(), term);
        return execute(runDir, manifest, p, JsonNodeFactory.instance.arrayNode(), term);
    }

    /** What a run will do, decided before any folder exists; {@code adaptive} is null for fixed forks. */
    private record Planned(Profile profile, RunChoices choices, RunPlan plan, Adaptive adaptive) {
    }

    private Planned plan(PrintWriter term) {
        Profile profile = Profile.parse(profileName);
        checkNumbersAndJvms();
        Map<String, String[]> requested = new LinkedHashMap<>();
        profile.params().forEach((k, v) -> requested.put(k, v.toArray(String[]::new)));
        Map<String, String[]> user = parseParams();
        if (rtt != null) {
            if (user.containsKey(Rtt.PARAM)) {
                throw new UsageException("give the round trips once: --rtt or --param rtt=..., not both");
            }
            List<String> sweep = new ArrayList<>(List.of(Rtt.DIRECT_LABEL));
            try {
                Rtt.parseList(rtt).stream().map(Rtt::label).filter(l -> !sweep.contains(l)).forEach(sweep::add);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--rtt: " + e.getMessage());
            }
            requested.put(Rtt.PARAM, sweep.toArray(String[]::new));
        }
        requested.putAll(user);
        for (String r : requested.getOrDefault(Rtt.PARAM, new String[0])) {
            try {
                Rtt.parse(r);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        // Before the grid is split into JMH runs (each gets its own copy of the parameters) and before any folder exists.
        RunChoices choices = RunChoices.choose(requested);
        List<JwtLibrary> versioned = new ArrayList<>(profile.versioned());
        for (String name : versions) {
            JwtLibrary l;
            try {
                l = JwtLibrary.parse(name.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException("--versions: " + e.getMessage());
            }
            if (!versioned.contains(l)) {
                versioned.add(l);
            }
        }
        RunPlan plan = RunPlan.of(profile, forks, include, choices.params(), threads, jvms, user.keySet(), versioned,
                LibraryVersions.root());
        double target = precision != null ? precision : forks != null ? 0 : profile.precision();
        double budget = budgetMinutes != null ? budgetMinutes : profile.budgetMinutes();
        if (budget < 0) {
            throw new UsageException("--budget must be 0 (none) or a number of minutes, not " + budgetMinutes);
        }
        Adaptive adaptive = target > 0 ? new Adaptive(target, Profile.MIN_FORKS, maxForks,
                seed != null ? seed : new SecureRandom().nextLong(), Adaptive.budgetSeconds(budget, jvms.size())) : null;
        return new Planned(profile, choices, plan, adaptive);
    }

    private int execute(Path runDir, RunManifest manifest, Planned p, ArrayNode earlier, PrintWriter term) throws IOException {
        JobRunner runner = new JobRunner(runDir, manifest, term, earlier);
        Network network = Network.read(runDir);
        if (network != null && !ProxyDelays.property(network).isEmpty()) {
            // The forks' proxies run at the delays the calibration found to add each setting (resumed runs too).
            runner.forkProperty(ProxyDelays.PROPERTY, ProxyDelays.property(network));
        }
        ArrayNode results = runner.run(p.plan(), p.adaptive());
        if (!noConformance) {
            conformance(runDir, manifest, term);
        }
        return finish(runDir, results.size(), manifest.failedRowCount(), term);
    }

    /**
     * Goes on with the run in {@code resume} with the arguments it was started with: the same plan, the rows in its
     * results file kept (fixed jobs the manifest lists as done are skipped; adaptive rows keep their forks).
     */
    private int resume(PrintWriter term) throws IOException {
        List<String> others = spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName())
                .filter(n -> !n.equals("--resume") && !n.equals("--profile")).toList();
        if (!others.isEmpty()) {
            throw new UsageException("--resume goes on with the run's own arguments; drop " + String.join(", ", others));
        }
        Path dir = resume.toAbsolutePath().normalize();
        if (!Files.isRegularFile(dir.resolve(RunFiles.MANIFEST))) {
            throw new UsageException(resume + " is not a run folder (no " + RunFiles.MANIFEST + ")");
        }
        RunManifest manifest;
        try {
            manifest = RunManifest.reopen(dir);
        } catch (RunFileException e) {
            throw new UsageException(e.getMessage());
        }
        List<String> args = manifest.arguments();
        if (args.isEmpty() || !"run".equals(args.get(0))) {
            throw new UsageException(resume + " is not a folder of `run` (it was made by `" + String.join(" ", args) + "`)");
        }
        if ("finished".equals(manifest.status())) {
            throw new UsageException(resume + " is a finished run; nothing to resume");
        }
        String commit = String.valueOf(Environment.git(Path.of("").toAbsolutePath()).get("commit"));
        if (!manifest.commit().equals(commit)) {
            throw new UsageException(resume + " was run at commit " + manifest.commit() + ", this is " + commit);
        }
        if (spec.commandLine().getParseResult().hasMatchedOption("--profile") && !manifest.profile().equals(profileName)) {
            throw new UsageException(resume + " is a run of profile " + manifest.profile() + ", not " + profileName);
        }
        RunCommand original = new RunCommand();
        CommandLine line = new CommandLine(original);
        line.setOut(spec.commandLine().getOut());
        line.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        Planned p = original.plan(term);
        if (p.adaptive() != null) {
            Long recorded = manifest.precisionSeed();
            p = new Planned(p.profile(), p.choices(), p.plan(),
                    p.adaptive().withSeed(recorded != null ? recorded : p.adaptive().seed()));
        }
        Path results = dir.resolve(RESULT_FILE);
        ArrayNode earlier = Files.exists(results) ? (ArrayNode) JSON.readTree(results.toFile()) : JSON.createArrayNode();
        manifest.resumed();
        manifest.write();
        term.println("resuming " + dir + ": " + earlier.size() + " rows kept");
        term.flush();
        return original.execute(dir, manifest, p, earlier, term);
    }

    private void checkNumbersAndJvms() {
        if (forks != null && forks < 1) {
            throw new UsageException("--forks must be at least 1, got " + forks);
        }
        if (precision != null && (precision < 0 || precision >= 1)) {
            throw new UsageException("--precision must be between 0 and 1 (a share of the mean, e.g. 0.03), got " + precision);
        }
        if (maxForks < Profile.MIN_FORKS) {
            throw new UsageException("--max-forks must be at least " + Profile.MIN_FORKS + ", got " + maxForks);
        }
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
    }

    /**
     * A run folder's manifest, status {@code running}, with the environment and the command line captured
     * ({@code run} and {@code latency} both start theirs here).
     */
    static RunManifest startManifest(Path runDir, String label, Map<String, Object> git, CommandSpec command) {
        RunManifest manifest = RunManifest.start(runDir, label, git,
                command.commandLine().getParseResult().originalArgs().toArray(String[]::new),
                new RunManifest.HostFacts(Environment.jvm(), Environment.os(), Environment.cpu(),
                        Environment.jcaProviders(), Environment.libraryVersions()),
                Integer.getInteger(SelfTestSlowdown.PROPERTY));
        // The report's claims name store tiers by these facts; it never loads the store enum itself.
        manifest.recordStoreCatalogue(Arrays.stream(StoreKind.values())
                .map(k -> new Manifest.StoreTier(k.name(), k.label(), k.database())).toList());
        Map<String, String> layers = new LinkedHashMap<>();
        Arrays.stream(JwtLibrary.values()).filter(l -> l.buildsOn() != null).forEach(l -> layers.put(l.name(), l.buildsOn().name()));
        manifest.recordLibraryLayers(layers);
        return manifest;
    }


    /** What the run asked for and what it left out, in the manifest and as one terminal line per skip. */
    private void recordChoices(RunManifest manifest, RunChoices choices, RunPlan plan, PrintWriter term) {
        if (!jvms.isEmpty()) {
            // Each result row names its own JVM (JMH's "jvm", "vmVersion"); this lists what was asked for.
            manifest.forkJvms(jvms);
        }
        choices.storesRan().forEach(manifest::storeRan);
        choices.storesSkipped().forEach((what, why) -> {
            manifest.storeSkipped(what, why);
            term.println("skipping " + what + ": " + why);
        });
        plan.notSupported().forEach((pair, why) -> {
            manifest.notSupported(pair, why);
            term.println("skipping " + pair + ": not supported (" + why + ")");
        });
        plan.jobs().stream().filter(j -> j.version() != null).map(RunPlan.Job::version).distinct().forEach(v -> {
            manifest.otherVersion(v.coordinates(), v.version());
            term.println("also on " + v.label() + " (" + v.jars().size() + " jars first on the forks' classpath)");
        });
        choices.providersRan().forEach(manifest::providerRan);
        choices.providersSkipped().forEach((name, why) -> {
            manifest.providerSkipped(name, why);
            term.println("skipping provider " + name.toLowerCase(Locale.ROOT) + ": " + why);
        });
    }

    /** The closing lines and the report; exit 1 when a row failed. */
    private int finish(Path runDir, int rows, int failed, PrintWriter term) throws IOException {
        term.println("finished: " + rows + " result rows" + (failed > 0 ? ", " + failed + " FAILED rows (see jmh.log)" : ""));
        term.println("results:  " + runDir.resolve(RESULT_FILE));
        if (!noReport) {
            for (Path p : ReportCommand.generate(runDir)) {
                term.println("report:   " + p);
            }
        }
        ReportCommand.precision(runDir).lines().forEach(term::println);
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
        long seed = new SecureRandom().nextLong();
        ConformanceReport report = ConformanceRun.run(new ConformanceRun.Options(dir, candidates, conformanceFuzz, seed,
                ConformanceRun.DEFAULT_BOUND, Instant.now().getEpochSecond()), line -> { });
        AtomicWrite.write(runDir.resolve(RunFiles.CONFORMANCE), ConformanceCommand.render(report, "json"));
        AtomicWrite.write(runDir.resolve(RunFiles.CONFORMANCE_MD), ConformanceCommand.render(report, "md"));
        manifest.conformanceChecked(report.falseAccepts().size(), report.clean(), seed);
        manifest.write();
        term.println("conformance: " + report.falseAccepts().size() + " false accepts"
                + (report.clean() ? "" : " (see conformance.md)"));
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
            } catch (FileAlreadyExistsException e) {
                // try the next suffix
            }
        }
    }

    /** The profile names for the help text, from {@link Profile} itself. */
    static final class ProfileNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(Profile.values()).map(Profile::cliName).iterator();
        }
    }
}
