package org.authbench.bench;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One JMH run, written as {@code Pass.of(include, mode).withForks(2).withWarmup(5, ofSeconds(2))
 * .withMeasurement(4, ofSeconds(1))} so every number says what it is.
 *
 * @param include          benchmark regex (JMH {@code include})
 * @param modes            benchmark modes
 * @param threads          benchmark thread counts; each row runs at every one (scaling)
 * @param forks            forks per row
 * @param warmupIterations warmup iterations per fork
 * @param warmupMillis     each warmup iteration's length
 * @param iterations       measurement iterations per fork
 * @param iterationMillis  each measurement iteration's length
 * @param params           this pass's own parameter values over the profile's
 * @param ownForks         runs its own forks even in a run with a precision target ({@link #withOwnForks()})
 */
public record Pass(String include, List<Mode> modes, List<Integer> threads, int forks, int warmupIterations, long warmupMillis,
        int iterations, long iterationMillis, Map<String, List<String>> params, boolean ownForks) {

    public Pass(String include, List<Mode> modes, List<Integer> threads, int forks, int warmupIterations,
            long warmupMillis, int iterations, long iterationMillis) {
        this(include, modes, threads, forks, warmupIterations, warmupMillis, iterations, iterationMillis, Map.of(), false);
    }

    /**
     * This pass with its own values for some parameters, over the profile's (a user's {@code --param} of the same
     * name still wins): the {@code network} profile verifies with five libraries but puts only the reference
     * verifier behind its denylist.
     */
    public Pass withParams(Map<String, List<String>> own) {
        return new Pass(include, modes, threads, forks, warmupIterations, warmupMillis, iterations, iterationMillis, own, ownForks);
    }

    /** Applies this pass's settings to a JMH options builder, with extra fork JVM flags after {@link Profile#JVM_ARGS}. */
    public ChainedOptionsBuilder applyTo(ChainedOptionsBuilder b, String... extraJvmArgs) {
        List<String> jvmArgs = new ArrayList<>(Profile.JVM_ARGS);
        jvmArgs.addAll(List.of(extraJvmArgs));
        b.forks(forks)
                .warmupIterations(warmupIterations)
                .warmupTime(TimeValue.milliseconds(warmupMillis))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.milliseconds(iterationMillis))
                .timeUnit(TimeUnit.NANOSECONDS)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new));
        for (Mode m : modes) {
            b.mode(m);
        }
        return b;
    }

    /**
     * A pass over the benchmarks matching {@code include} in {@code modes}, on one thread, with one fork, no
     * warmup and one measurement iteration of one second until the withers say otherwise.
     */
    public static Pass of(String include, Mode... modes) {
        return new Pass(include, List.of(modes), List.of(1), 1, 0, 0, 1, 1000);
    }

    /** This pass at each of these benchmark thread counts (every row runs at every one). */
    public Pass withThreads(Integer... counts) {
        return new Pass(include, modes, List.of(counts), forks, warmupIterations, warmupMillis, iterations, iterationMillis,
                params, ownForks);
    }

    /** This pass with another fork count ({@code run --forks}; the CI gate runs one fork per round). */
    public Pass withForks(int newForks) {
        return new Pass(include, modes, threads, newForks, warmupIterations, warmupMillis, iterations, iterationMillis,
                params, ownForks);
    }

    /** This pass with {@code count} warmup iterations of {@code each} per fork. */
    public Pass withWarmup(int count, Duration each) {
        return new Pass(include, modes, threads, forks, count, each.toMillis(), iterations, iterationMillis, params, ownForks);
    }

    /** This pass with {@code count} measurement iterations of {@code each} per fork. */
    public Pass withMeasurement(int count, Duration each) {
        return new Pass(include, modes, threads, forks, warmupIterations, warmupMillis, count, each.toMillis(), params, ownForks);
    }

    /**
     * This pass at its own forks even in a run with a precision target: {@code full}'s refusals and token shapes,
     * whose question is a ratio within one library, not a ranking, and which would triple the run at three forks.
     */
    public Pass withOwnForks() {
        return new Pass(include, modes, threads, forks, warmupIterations, warmupMillis, iterations, iterationMillis, params,
                true);
    }

    /**
     * Whether a run with a precision target may measure this pass fork by fork: its means are what the target is
     * about; a SampleTime pass is there for percentiles, and a pass {@link #withOwnForks()} keeps its forks.
     */
    public boolean adaptive() {
        return !modes.contains(Mode.SampleTime) && !modes.contains(Mode.SingleShotTime) && !ownForks;
    }

    /** Seconds one row of this pass takes, per mode, without JVM start and setup. */
    public double secondsPerRow() {
        return forks * (warmupIterations * warmupMillis + iterations * iterationMillis) / 1000.0;
    }

    /** Seconds one row takes including each fork's JVM start and fixture setup. */
    public double secondsPerRowWithStartup() {
        return secondsPerRow() + forks * Profile.FORK_OVERHEAD_SECONDS;
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

    /**
     * Rows = benchmarks × parameter combinations × modes (parameter values overridable), counting only the
     * library × algorithm pairs the library supports.
     */
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
                Map<String, String[]> params = e.getParams().get();
                String dim = params.containsKey("rtt") ? RemoteOnly.dimension(e.getUsername(), overrides) : null;
                for (Map.Entry<String, String[]> p : params.entrySet()) {
                    if (!(params.containsKey("library") && params.containsKey("alg")
                            && (p.getKey().equals("library") || p.getKey().equals("alg")))
                            && !(dim != null && (p.getKey().equals("rtt") || p.getKey().equals(dim)))) {
                        combos *= Math.max(1, overrides.getOrDefault(p.getKey(), p.getValue()).length);
                    }
                }
                if (dim != null) {
                    // In-process tiers run at rtt=direct only (RemoteOnly); the others at every rtt.
                    combos *= RemoteOnly.combos(overrides.getOrDefault(dim, params.get(dim)),
                            overrides.getOrDefault("rtt", params.get("rtt")));
                }
                if (params.containsKey("library") && params.containsKey("alg")) {
                    // Only supported library × algorithm pairs run (SupportedPairs); the others are never forked.
                    int pairs = 0;
                    for (String lib : overrides.getOrDefault("library", params.get("library"))) {
                        for (String alg : overrides.getOrDefault("alg", params.get("alg"))) {
                            pairs += SupportedPairs.reason(lib, alg) == null ? 1 : 0;
                        }
                    }
                    combos *= pairs;
                }
            }
            rows += combos * modes.size() * threads.size();
        }
        return rows;
    }

    private static Set<BenchmarkListEntry> entries(List<String> includes) {
        return BenchmarkList.defaultList().find(OutputFormatFactory.createFormatInstance(
                new PrintStream(OutputStream.nullOutputStream()), VerboseMode.SILENT), includes, List.of());
    }
}
