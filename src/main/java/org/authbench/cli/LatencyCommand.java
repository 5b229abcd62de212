package org.authbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.authbench.env.Environment;
import org.authbench.latency.LatencyRun;
import org.authbench.latency.Scheme;
import org.authbench.runfiles.RunManifest;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.authbench.apikey.StoreOptions;
import org.authbench.net.Route;
import org.authbench.net.Rtt;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFileException;
import org.authbench.runfiles.Network;
import org.authbench.net.ProxyDelays;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Latency under load: drives each scheme open loop at fixed rates and records coordinated-omission
 * corrected response times and service times with HdrHistogram (see {@link LatencyRun}). Without
 * {@code --out} it writes a new run folder {@code results/runs/<UTC time>-<commit>[-dirty]-latency/};
 * with {@code --out RUN_DIR} it adds {@code latency/} to that existing run folder.
 *
 * <pre>java -jar target/authbench.jar latency --scheme apikey:hashed,jwt:reference:HS256 --rate-fraction 0.5,0.9</pre>
 */
@Command(name = "latency", description = "Latency under load (open loop, HdrHistogram): response and service time percentiles at fixed rates.")
public final class LatencyCommand implements Callable<Integer> {

    private static final List<Double> DEFAULT_FRACTIONS = List.of(0.25, 0.5, 0.75, 0.9);

    @Spec
    CommandSpec spec;

    @Option(names = "--scheme", required = true, split = ",", paramLabel = "S",
            description = "apikey:<store>, jwt:<library>:<ALG> or jwt-cached:<library>:<ALG>, comma-separated (names as `list` prints them)")
    List<String> schemes;

    @Option(names = "--rate", split = ",", paramLabel = "R", description = "requests per second, comma-separated")
    List<Double> rates = new ArrayList<>();

    @Option(names = "--rate-fraction", split = ",", paramLabel = "F",
            description = "fractions of the calibrated maximum rate (default 0.25,0.5,0.75,0.9)")
    List<Double> fractions = new ArrayList<>();

    @Option(names = "--duration", defaultValue = "30s", paramLabel = "D", converter = DurationConverter.class,
            description = "measured time per rate (default 30s; e.g. 500ms, 30s, 2m)")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "10s", paramLabel = "D", converter = DurationConverter.class,
            description = "unrecorded run at the same rate before each measurement, and before calibration (default 10s)")
    Duration warmup;

    @Option(names = "--calibration", defaultValue = "5s", paramLabel = "D", converter = DurationConverter.class,
            description = "closed-loop time measuring the maximum rate for --rate-fraction (default 5s)")
    Duration calibration;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "T", description = "load threads (default 1)")
    int threads;

    @Option(names = "--p99-bound", defaultValue = "1ms", paramLabel = "D", converter = DurationConverter.class,
            description = "report the highest rate whose response p99 stays at or under this (default 1ms)")
    Duration p99Bound;

    @Option(names = "--rtt", paramLabel = "RTT", defaultValue = "direct", description = "round trip added in front of "
            + "redis and postgres schemes (e.g. 500us, 1ms; default direct); the summary records it")
    String rtt;

    @Option(names = "--pool", paramLabel = "N", defaultValue = "4", description = "connections per store client (Redis "
            + "pool, HikariCP; default 4): with more load threads than connections, requests queue for one")
    int pool;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "existing run folder to add latency/ to (default: a new run folder under results/runs)")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter term = spec.commandLine().getOut();
        List<Scheme> parsed = Scheme.parseList(schemes);
        for (Scheme s : parsed) {
            String reason = s.unavailableReason();
            if (reason != null) {
                throw new UsageException("scheme " + s.name() + " cannot run here: " + reason);
            }
        }
        if (!rates.isEmpty() && !fractions.isEmpty()) {
            throw new UsageException("give --rate or --rate-fraction, not both");
        }
        positiveDistinct("--rate", rates);
        positiveDistinct("--rate-fraction", fractions);
        positive("--duration", duration);
        positive("--calibration", calibration);
        positive("--p99-bound", p99Bound);
        if (warmup.isNegative()) {
            throw new UsageException("--warmup must not be negative");
        }
        if (threads < 1) {
            throw new UsageException("--threads must be at least 1, was " + threads);
        }
        if (pool < 1) {
            throw new UsageException("--pool must be at least 1, was " + pool);
        }
        Rtt roundTrip;
        try {
            roundTrip = Rtt.parse(rtt);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--rtt: " + e.getMessage());
        }
        for (Scheme s : parsed) {
            if (!roundTrip.direct() && s instanceof Scheme.ApiKey k) {
                String why = Route.notApplicable(k.store(), StoreOptions.defaults(), roundTrip);
                if (why != null) {
                    throw new UsageException("scheme " + s.name() + ": " + why);
                }
            }
        }
        LatencyRun.Settings settings = new LatencyRun.Settings(parsed, List.copyOf(rates),
                rates.isEmpty() && fractions.isEmpty() ? DEFAULT_FRACTIONS : List.copyOf(fractions),
                duration, warmup, calibration, threads, p99Bound, roundTrip, pool);

        if (out != null) {
            if (!Files.isDirectory(out)) {
                throw new UsageException("--out " + out + " is not an existing run folder");
            }
            if (Files.exists(out.resolve(LatencyRun.DIR))) {
                throw new UsageException(out.resolve(LatencyRun.DIR) + " already exists: latency results are never overwritten");
            }
            Network network = readNetwork(out);
            String before = System.getProperty(ProxyDelays.PROPERTY);
            try {
                if (network != null && !roundTrip.direct() && !ProxyDelays.property(network).isEmpty()) {
                    // The run folder's calibration found the proxy delay that adds each setting: use it, as its forks did.
                    System.setProperty(ProxyDelays.PROPERTY, ProxyDelays.property(network));
                    term.println("rtt " + roundTrip.label() + ": proxy delays as calibrated in "
                            + out.resolve(RunFiles.NETWORK));
                }
                measure(settings, out, term);
            } finally {
                if (before == null) {
                    System.clearProperty(ProxyDelays.PROPERTY);
                } else {
                    System.setProperty(ProxyDelays.PROPERTY, before);
                }
            }
            return Main.OK;
        }
        Map<String, Object> git = Environment.git(Path.of("").toAbsolutePath());
        Path runDir = RunCommand.newRunDir(Path.of("results", "runs"), "latency", git);
        RunManifest manifest = RunCommand.startManifest(runDir, "latency", git, spec);
        manifest.write();
        // Schemes finished before an interruption are kept (the summary is rewritten after each); say it did not finish.
        RunEnd end = RunEnd.watch(manifest, "\nlatency run interrupted: the schemes that finished are kept in " + runDir);
        try {
            measure(settings, runDir, term);
        } catch (Exception | Error e) {
            end.failed();
            throw e;
        }
        end.finished();
        return Main.OK;
    }

    private static void measure(LatencyRun.Settings settings, Path runDir, PrintWriter term) throws Exception {
        term.println("run folder: " + runDir);
        term.flush();
        Path summary = new LatencyRun(settings, runDir, term).execute();
        term.println("summary:    " + summary);
        term.flush();
    }

    private static void positiveDistinct(String option, List<Double> values) {
        for (double v : values) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new UsageException(option + " must be a positive number, was " + v);
            }
        }
        if (new HashSet<>(values).size() != values.size()) {
            throw new UsageException(option + " lists a value twice");
        }
    }

    private static void positive(String option, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new UsageException(option + " must be positive");
        }
    }

    /** {@code 500ms}, {@code 30s}, {@code 2m}, {@code 250us}, or a bare number of seconds. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m)?");

        @Override
        public Duration convert(String value) {
            Matcher m = FORMAT.matcher(value.strip());
            if (!m.matches()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration (e.g. 500ms, 30s, 2m)");
            }
            double amount = Double.parseDouble(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            double nanos = amount * switch (unit) {
                case "us" -> 1e3;
                case "ms" -> 1e6;
                case "m" -> 60e9;
                default -> 1e9;
            };
            return Duration.ofNanos(Math.round(nanos));
        }
    }

    private static Network readNetwork(Path runDir) {
        try {
            return Network.read(runDir);
        } catch (RunFileException e) {
            throw new UsageException(e.getMessage());
        }
    }
}
