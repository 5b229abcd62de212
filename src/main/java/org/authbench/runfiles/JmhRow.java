package org.authbench.runfiles;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.authbench.stats.ForkLevel;
import org.authbench.stats.Forked;
import org.authbench.stats.Settling;
import org.authbench.stats.SteadyState;

/**
 * One element of JMH's JSON result array: one benchmark method with one parameter set, mode and thread count,
 * with its scores and the raw measurements behind them. {@link #nsPerOp()} is the time one thread spends per
 * operation, {@link #opsPerSecond()} the throughput of all threads together; whichever JMH did not measure is
 * derived from the other (and {@link #opsDerived()} says so).
 *
 * @param benchmark full JMH benchmark name, e.g. {@code org.authbench.bench.VerifyBenchmark.verify_valid}
 * @param mode      JMH short mode: {@code avgt}, {@code sample}, {@code thrpt}, {@code ss}
 * @param forks     forks JMH was asked for
 * @param params    JMH parameters ({@code library}, {@code alg}, {@code store}, ...) in file order
 * @param primary   the score and its raw data
 * @param secondary secondary metrics such as {@code gc.alloc.rate.norm} (B/op, from {@code -prof gc})
 * @param jdkVersion the fork JVM's JDK version (null when the file does not say)
 * @param jvm       path of the fork JVM's java executable (null when the file does not say)
 * @param warmup    warmup iterations × time, e.g. {@code "4 × 1 s"} (null when the file does not say)
 */
public record JmhRow(String benchmark, String mode, int threads, int forks, Map<String, String> params,
        Metric primary, Map<String, Metric> secondary, String jdkVersion, String vmName, String vmVersion, String jvm,
        List<String> jvmArgs, String warmup) {

    /** A row whose file does not say how it warmed up. */
    public JmhRow(String benchmark, String mode, int threads, int forks, Map<String, String> params, Metric primary,
            Map<String, Metric> secondary, String jdkVersion, String vmName, String vmVersion, String jvm,
            List<String> jvmArgs) {
        this(benchmark, mode, threads, forks, params, primary, secondary, jdkVersion, vmName, vmVersion, jvm, jvmArgs,
                null);
    }

    /** The secondary metric of bytes allocated per operation ({@code -prof gc}). */
    public static final String ALLOCATION = "gc.alloc.rate.norm";

    /**
     * A primary or secondary metric.
     *
     * @param error         99.9% CI half-width, in {@code unit} (NaN when JMH had too few iterations)
     * @param percentiles   SampleTime percentiles (keys as in JMH: {@code "50.0"}, {@code "99.9"}), in {@code unit}
     * @param rawData       per fork, the value of each measurement iteration (empty when the file has none)
     * @param rawHistograms SampleTime only: per fork, per iteration, the (value, count) pairs JMH sampled
     */
    public record Metric(double score, double error, String unit, Map<String, Double> percentiles,
            List<double[]> rawData, List<List<double[][]>> rawHistograms, boolean steadyState) {

        /** A metric read as it is, every iteration counting (runs made before the steady-state test). */
        public Metric(double score, double error, String unit, Map<String, Double> percentiles, List<double[]> rawData,
                List<List<double[][]>> rawHistograms) {
            this(score, error, unit, percentiles, rawData, rawHistograms, false);
        }

        /**
         * The mean of one SampleTime iteration's histogram ({@code [value, count]} pairs; the quantity JMH's score
         * averages); NaN when it is empty.
         */
        public static double histogramMean(double[][] histogram) {
            double sum = 0;
            double count = 0;
            for (double[] p : histogram) {
                sum += p[0] * p[1];
                count += p[1];
            }
            return count > 0 ? sum / count : Double.NaN;
        }

        /**
         * The metric's value per fork and measurement iteration, or null when the file holds none; in a run whose warmup
         * ends by the steady-state test, from where each fork was steady ({@link SteadyState}: a fork's leading
         * iterations that were still warming up are dropped).
         */
        public Forked perFork() {
            SteadyState.Trim t = steadyTrim();
            return t != null ? t.data() : allIterations();
        }

        /**
         * What the steady-state test kept and dropped of this metric's iterations; null without per-fork data or in a run
         * that did not use the test.
         */
        public SteadyState.Trim steadyTrim() {
            Forked raw = steadyState ? allIterations() : null;
            return raw == null ? null : SteadyState.trim(raw);
        }

        /** The same metric, read from where each fork was steady. */
        public Metric fromSteadyState() {
            return new Metric(score, error, unit, percentiles, rawData, rawHistograms, true);
        }

        /** Every measurement iteration per fork, as the file holds them (null when it holds none). */
        public Forked allIterations() {
            if (!rawData.isEmpty()) {
                return rawData.stream().anyMatch(f -> f.length == 0) ? null : new Forked(rawData.toArray(double[][]::new));
            }
            if (rawHistograms.isEmpty()) {
                return null;
            }
            double[][] v = new double[rawHistograms.size()][];
            for (int f = 0; f < v.length; f++) {
                List<double[][]> iterations = rawHistograms.get(f);
                v[f] = new double[iterations.size()];
                for (int i = 0; i < v[f].length; i++) {
                    v[f][i] = histogramMean(iterations.get(i));
                    if (Double.isNaN(v[f][i])) {
                        return null;
                    }
                }
                if (v[f].length == 0) {
                    return null;
                }
            }
            return new Forked(v);
        }
    }

    /** {@code Class.method}, e.g. {@code VerifyBenchmark.verify_valid}. */
    public String method() {
        int m = benchmark.lastIndexOf('.');
        int c = m <= 0 ? -1 : benchmark.lastIndexOf('.', m - 1);
        return benchmark.substring(c + 1);
    }

    public String param(String name) {
        return params.get(name);
    }

    public double score() {
        return primary.score();
    }

    public double error() {
        return primary.error();
    }

    public String unit() {
        return primary.unit();
    }

    public Map<String, Double> percentiles() {
        return primary.percentiles();
    }

    /** The same row with its metrics read from where each fork was steady ({@link Metric#fromSteadyState}). */
    public JmhRow fromSteadyState() {
        Map<String, Metric> steady = new java.util.LinkedHashMap<>();
        secondary.forEach((k, v) -> steady.put(k, v.fromSteadyState()));
        return new JmhRow(benchmark, mode, threads, forks, params, primary.fromSteadyState(), steady, jdkVersion, vmName,
                vmVersion, jvm, jvmArgs, warmup);
    }

    /** The same row with other parameters (a reader that normalises names, e.g. sorted, drops defaults). */
    public JmhRow withParams(Map<String, String> newParams) {
        return new JmhRow(benchmark, mode, threads, forks, newParams, primary, secondary, jdkVersion, vmName, vmVersion,
                jvm, jvmArgs, warmup);
    }

    /** A short readable name: {@code VerifyBenchmark.verify_valid alg=RS256 library=REFERENCE (avgt)}. */
    public String displayName(boolean withJdk) {
        StringBuilder s = new StringBuilder(method());
        if (!params.isEmpty()) {
            s.append(' ').append(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
        s.append(" (").append(mode);
        if (threads != 1) {
            s.append(", ").append(threads).append(" threads");
        }
        if (withJdk) {
            s.append(", JDK ").append(jdkVersion);
        }
        return s.append(')').toString();
    }

    /**
     * The fork JVM's arguments that are JVM settings (without the run's bookkeeping properties, nor the library version
     * the forks put first on their classpath: two versions of one library are compared under the same settings).
     */
    public List<String> jvmFlags() {
        return jvmArgs.stream().filter(f -> !f.startsWith("-D" + RunFiles.PROVIDER_RECORD_PROPERTY + "=")
                && !f.startsWith("-D" + RunFiles.LIBRARY_VERSION_PROPERTY + "=")).toList();
    }

    /**
     * The other version of a library this row's forks ran ({@code group:artifact:version}, from
     * {@link RunFiles#LIBRARY_VERSION_PROPERTY} among its JVM arguments), or null for the version the suite ships with.
     */
    public String libraryVersion() {
        return RunFiles.libraryVersion(jvmArgs);
    }

    public boolean isThroughput() {
        return unit().startsWith("ops/");
    }

    /** True for a time per operation or operations per time: what {@link #nsPerOp()} can normalise. */
    public boolean hasTimeUnit() {
        String u = unit();
        try {
            nanosPer(u.startsWith("ops/") ? u.substring(4) : u.substring(0, Math.max(0, u.indexOf("/op"))));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** What must match for this row to be divided by another: mode, warmup and thread count. */
    public Estimate.Basis basis() {
        return new Estimate.Basis(modeName(mode), warmup, threads);
    }

    /**
     * The score with the {@value Estimate#CONFIDENCE_PERCENT}% t interval over fork means, in the score's unit:
     * the mean of fork means (each JVM counts once), and no interval for one fork or a file without per-fork data.
     */
    public Estimate scoreEstimate() {
        Forked data = primary.perFork();
        if (data == null) {
            return Estimate.without(score(), basis(), "no per-fork data");
        }
        return Estimate.of(ForkLevel.mean(data, Estimate.CONFIDENCE), basis(), data, "one fork");
    }

    /** Nanoseconds per operation and thread, with the fork-level interval. */
    public Estimate nsPerOp() {
        if (isThroughput()) {
            return opsPerSecond().reciprocal(1e9 * threads);
        }
        return scoreEstimate().times(nanosPer(unit().substring(0, unit().indexOf('/'))));
    }

    /** Operations per second of all threads together, with the fork-level interval. */
    public Estimate opsPerSecond() {
        if (isThroughput()) {
            return scoreEstimate().times(1e9 / nanosPer(unit().substring(unit().indexOf('/') + 1)));
        }
        return nsPerOp().reciprocal(1e9 * threads);
    }

    /**
     * Scaling efficiency of this row's thread count against {@code fewer}'s, the same benchmark at fewer threads:
     * aggregate throughput ratio ÷ thread ratio (1 = linear), its interval from resampling both rows' forks. A time
     * per operation is each thread's own, so there it is {@code fewer}'s ns/op over this row's, and stays a ratio of
     * the two rows' per-fork data; the reciprocal to ops/s would drop that data and the interval with it.
     */
    public Estimate efficiencyOver(JmhRow fewer) {
        if (isThroughput()) {
            return opsPerSecond().scalingOver(fewer.opsPerSecond()).times((double) fewer.threads() / threads());
        }
        return fewer.nsPerOp().scalingOver(nsPerOp());
    }

    /** ns/op with JMH's own error (the half-width of its 99.9% interval over pooled values), kept for the CSV. */
    public Estimate jmhNsPerOp() {
        if (isThroughput()) {
            return jmhOpsPerSecond().reciprocal(1e9 * threads);
        }
        double k = nanosPer(unit().substring(0, unit().indexOf('/')));
        return new Estimate(score() * k, error() * k);
    }

    /** ops/s with JMH's own error, kept for the CSV. */
    public Estimate jmhOpsPerSecond() {
        if (isThroughput()) {
            double k = 1e9 / nanosPer(unit().substring(unit().indexOf('/') + 1));
            return new Estimate(score() * k, error() * k);
        }
        return jmhNsPerOp().reciprocal(1e9 * threads);
    }

    /** Measurement iterations that did not settle ({@link Settling}); empty when they did or cannot tell. */
    public List<String> settlingFlags() {
        Forked data = primary.perFork();
        return data == null ? List.of() : Settling.flags(data);
    }

    /** True when ops/s was computed from a time per operation rather than measured in Throughput mode. */
    public boolean opsDerived() {
        return !isThroughput();
    }

    /** A SampleTime percentile in ns, or null (other modes, or absent). */
    public Double percentileNs(String key) {
        Double v = "sample".equals(mode) ? percentiles().get(key) : null;
        return v == null ? null : v * nanosPer(unit().substring(0, unit().indexOf('/')));
    }

    /** Bytes allocated per operation ({@code -prof gc}), or null when not profiled. */
    public Estimate bytesPerOp() {
        Metric m = secondary.get(ALLOCATION);
        return m == null ? null : new Estimate(m.score(), m.error());
    }

    /** Nanoseconds in one of JMH's time-unit abbreviations; throws for anything else. */
    public static double nanosPer(String u) {
        return switch (u) {
            case "ns" -> 1;
            case "us" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "s" -> TimeUnit.SECONDS.toNanos(1);
            case "min" -> TimeUnit.MINUTES.toNanos(1);
            case "hr" -> TimeUnit.HOURS.toNanos(1);
            default -> throw new IllegalArgumentException("unknown time unit '" + u + "'");
        };
    }

    /** Human name of a JMH mode. */
    public static String modeName(String mode) {
        return switch (mode) {
            case "avgt" -> "AverageTime";
            case "sample" -> "SampleTime";
            case "thrpt" -> "Throughput";
            case "ss" -> "SingleShotTime";
            default -> mode;
        };
    }
}
