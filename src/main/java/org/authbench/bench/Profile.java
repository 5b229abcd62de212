package org.authbench.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The suite's JMH settings, in one place. A profile is one or more passes; each pass is a JMH run over
 * the benchmarks matching its pattern, with its own modes, forks, warmup and measurement.
 *
 * <p>Why {@code standard} looks the way it does: on 2 shared cores a row needs ≥10 s of warmup (jjwt and
 * jose4j HS256 still compile after 3 s) and more than one fork (fork-to-fork JIT differences dominate the
 * error). That costs ~34 s per row and mode, so {@code standard} times JWT verification in SampleTime
 * mode, whose score is the mean and which also yields percentiles, and API-key rows in AverageTime, where
 * SampleTime's timer overhead would be a sizeable share of a ~200 ns operation. The JWS floors run in
 * both modes so every scheme has a floor measured the same way. {@code full} runs everything in all three
 * modes.
 */
public enum Profile {
    /** Whole matrix once, 1 fork, seconds per row: a smoke test with wide errors. At most ~5 minutes. */
    QUICK("quick smoke of the whole matrix (wide errors)",
            List.of(new Pass(".*", List.of(Mode.AverageTime), 1, 1, 1000, 2, 500))),
    /** The default: errors small enough to rank libraries; at most ~20 minutes on 2 cores. */
    STANDARD("rank libraries and schemes (the default)",
            List.of(
                    new Pass("VerifyBenchmark\\.verify_valid|CryptoFloorBenchmark\\.floor_jwsSignature",
                            List.of(Mode.SampleTime), 2, 5, 2000, 5, 1000),
                    new Pass("ApiKeyLookupBenchmark\\.lookup_(hit|miss)|CryptoFloorBenchmark\\.floor_",
                            List.of(Mode.AverageTime), 2, 5, 2000, 5, 1000))),
    /** Everything, all modes, more forks and iterations: hours, for reference numbers. */
    FULL("everything in all modes, tight errors (hours)",
            List.of(new Pass(".*", List.of(Mode.AverageTime, Mode.Throughput, Mode.SampleTime), 3, 10, 2000, 10, 1000))),
    /**
     * The CI gate's subset, sized so base and head fit in ~15 minutes on 2 cores: every JWT algorithm through
     * the reference verifier (which carries the self-test knob) and one library, and both memory key stores.
     * Three forks, because the gate resamples forks: fork-to-fork JIT differences are the noise it must see.
     */
    CI("CI regression gate: reference + nimbus x 3 algorithms, memory key stores",
            List.of(new Pass("VerifyBenchmark\\.verify_valid|ApiKeyLookupBenchmark\\.lookup_hit",
                    List.of(Mode.AverageTime), 3, 5, 1000, 5, 500)),
            Map.of("library", List.of("REFERENCE", "NIMBUS"), "store", List.of("PLAIN", "HASHED")));

    /**
     * One JMH run.
     *
     * @param include          benchmark regex (JMH {@code include})
     * @param modes            benchmark modes
     * @param forks            forks per row
     * @param warmupIterations warmup iterations per fork
     * @param warmupMillis     each warmup iteration's length
     * @param iterations       measurement iterations per fork
     * @param iterationMillis  each measurement iteration's length
     */
    public record Pass(String include, List<Mode> modes, int forks, int warmupIterations, long warmupMillis,
            int iterations, long iterationMillis) {

        /** Applies this pass's settings to a JMH options builder. */
        public ChainedOptionsBuilder applyTo(ChainedOptionsBuilder b) {
            b.forks(forks)
                    .warmupIterations(warmupIterations)
                    .warmupTime(TimeValue.milliseconds(warmupMillis))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.milliseconds(iterationMillis))
                    .timeUnit(TimeUnit.NANOSECONDS)
                    .jvmArgsAppend(JVM_ARGS.toArray(String[]::new));
            for (Mode m : modes) {
                b.mode(m);
            }
            return b;
        }

        /** This pass with another fork count ({@code run --forks}; the CI gate runs one fork per round). */
        public Pass withForks(int newForks) {
            return new Pass(include, modes, newForks, warmupIterations, warmupMillis, iterations, iterationMillis);
        }

        /** Seconds one row of this pass takes, per mode, without JVM start and setup. */
        public double secondsPerRow() {
            return forks * (warmupIterations * warmupMillis + iterations * iterationMillis) / 1000.0;
        }

        /** Seconds one row takes including each fork's JVM start and fixture setup. */
        public double secondsPerRowWithStartup() {
            return secondsPerRow() + forks * FORK_OVERHEAD_SECONDS;
        }

        /** Benchmark method names this pass runs, narrowed by an optional user pattern. */
        public List<String> benchmarks(Pattern userInclude) {
            List<String> names = new ArrayList<>();
            for (BenchmarkListEntry e : entries(List.of(include))) {
                if ((userInclude == null || userInclude.matcher(e.getUsername()).find()) && !names.contains(e.getUsername())) {
                    names.add(e.getUsername());
                }
            }
            return names;
        }

        /** Rows = benchmarks × parameter combinations × modes (parameter values overridable). */
        public int rows(List<String> names, Map<String, String[]> overrides) {
            if (names.isEmpty()) {
                return 0;
            }
            int rows = 0;
            List<String> seen = new ArrayList<>();
            for (BenchmarkListEntry e : entries(names.stream().map(n -> "^" + Pattern.quote(n) + "$").toList())) {
                if (seen.contains(e.getUsername())) {
                    continue;
                }
                seen.add(e.getUsername());
                int combos = 1;
                if (e.getParams().hasValue()) {
                    for (Map.Entry<String, String[]> p : e.getParams().get().entrySet()) {
                        combos *= Math.max(1, overrides.getOrDefault(p.getKey(), p.getValue()).length);
                    }
                }
                rows += combos * modes.size();
            }
            return rows;
        }

        private static Set<BenchmarkListEntry> entries(List<String> includes) {
            return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                    new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT), includes, List.of());
        }
    }

    /** Allowance per fork for JVM start and fixture setup (RSA keys, token pools, 100k API keys). */
    public static final double FORK_OVERHEAD_SECONDS = 3.0;

    /** Planned wall time of the whole profile with its own parameters, in seconds. */
    public double plannedSeconds() {
        Map<String, String[]> values = new HashMap<>();
        params.forEach((k, v) -> values.put(k, v.toArray(String[]::new)));
        double total = 0;
        for (Pass p : passes) {
            total += p.rows(p.benchmarks(null), values) * p.secondsPerRowWithStartup();
        }
        return total;
    }

    /** JVM flags of every fork: a fixed heap so GC sizing does not vary between forks. */
    public static final List<String> JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

    private final String description;
    private final List<Pass> passes;
    private final Map<String, List<String>> params;

    Profile(String description, List<Pass> passes) {
        this(description, passes, Map.of());
    }

    Profile(String description, List<Pass> passes, Map<String, List<String>> params) {
        this.description = description;
        this.passes = passes;
        this.params = params;
    }

    public String description() {
        return description;
    }

    public List<Pass> passes() {
        return passes;
    }

    /** JMH parameter values this profile narrows to (a user's {@code --param} of the same name wins). */
    public Map<String, List<String>> params() {
        return params;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (choose from quick, standard, full, ci)");
    }
}
