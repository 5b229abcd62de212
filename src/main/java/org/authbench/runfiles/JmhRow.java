package org.authbench.runfiles;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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
 */
public record JmhRow(String benchmark, String mode, int threads, int forks, Map<String, String> params,
        Metric primary, Map<String, Metric> secondary, String jdkVersion, String vmName, String vmVersion, String jvm,
        List<String> jvmArgs) {

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
            List<double[]> rawData, List<List<double[][]>> rawHistograms) {
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

    /** The same row with other parameters (a reader that normalises names, e.g. sorted, drops defaults). */
    public JmhRow withParams(Map<String, String> newParams) {
        return new JmhRow(benchmark, mode, threads, forks, newParams, primary, secondary, jdkVersion, vmName, vmVersion,
                jvm, jvmArgs);
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

    /** The fork JVM's arguments that are JVM settings (without the run's bookkeeping properties). */
    public List<String> jvmFlags() {
        return jvmArgs.stream().filter(f -> !f.startsWith("-D" + RunFiles.PROVIDER_RECORD_PROPERTY + "=")).toList();
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

    /** Nanoseconds per operation and thread, with error. */
    public Estimate nsPerOp() {
        if (isThroughput()) {
            return opsPerSecond().reciprocal(1e9 * threads);
        }
        double k = nanosPer(unit().substring(0, unit().indexOf('/')));
        return new Estimate(score() * k, error() * k);
    }

    /** Operations per second of all threads together, with error. */
    public Estimate opsPerSecond() {
        if (isThroughput()) {
            double k = 1e9 / nanosPer(unit().substring(unit().indexOf('/') + 1));
            return new Estimate(score() * k, error() * k);
        }
        return nsPerOp().reciprocal(1e9 * threads);
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
