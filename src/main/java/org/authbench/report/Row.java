package org.authbench.report;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One element of JMH's JSON result array, with its score normalised: {@link #nsPerOp()} is the time one
 * thread spends per operation, {@link #opsPerSecond()} the throughput of all threads together; whichever
 * JMH did not measure is derived from the other (and {@link #opsDerived()} says so).
 *
 * @param benchmark   full JMH benchmark name
 * @param method      {@code Class.method}, e.g. {@code VerifyBenchmark.verify_valid}
 * @param mode        JMH short mode: {@code avgt}, {@code sample}, {@code thrpt}, {@code ss}
 * @param params      JMH parameters ({@code library}, {@code alg}, {@code store}, ...)
 * @param score       primary score, in {@code unit}
 * @param error       99.9% CI half-width, in {@code unit} (NaN when JMH had too few iterations)
 * @param percentiles SampleTime percentiles (keys as in JMH: {@code "50.0"}, {@code "99.9"}), in {@code unit}
 * @param secondary   secondary metrics such as {@code gc.alloc.rate.norm} (B/op, from {@code -prof gc})
 */
public record Row(String benchmark, String method, String mode, int threads, int forks, Map<String, String> params,
        double score, double error, String unit, Map<String, Double> percentiles, Map<String, Metric> secondary,
        String jdkVersion, String vmName, String vmVersion, List<String> jvmArgs) {

    /** A secondary metric. */
    public record Metric(double score, double error, String unit) {
    }

    public String param(String name) {
        return params.get(name);
    }

    public boolean isThroughput() {
        return unit.startsWith("ops/");
    }

    /** Nanoseconds per operation and thread, with error. */
    public Estimate nsPerOp() {
        if (isThroughput()) {
            return opsPerSecond().reciprocal(1e9 * threads);
        }
        double k = nanosPer(unit.substring(0, unit.indexOf('/')));
        return new Estimate(score * k, error * k);
    }

    /** Operations per second of all threads together, with error. */
    public Estimate opsPerSecond() {
        if (isThroughput()) {
            double k = 1e9 / nanosPer(unit.substring(unit.indexOf('/') + 1));
            return new Estimate(score * k, error * k);
        }
        return nsPerOp().reciprocal(1e9 * threads);
    }

    /** True when ops/s was computed from a time per operation rather than measured in Throughput mode. */
    public boolean opsDerived() {
        return !isThroughput();
    }

    /** A SampleTime percentile in ns, or null (other modes, or absent). */
    public Double percentileNs(String key) {
        Double v = "sample".equals(mode) ? percentiles.get(key) : null;
        return v == null ? null : v * nanosPer(unit.substring(0, unit.indexOf('/')));
    }

    /** Bytes allocated per operation ({@code -prof gc}), or null when not profiled. */
    public Estimate bytesPerOp() {
        Metric m = secondary.get("gc.alloc.rate.norm");
        return m == null ? null : new Estimate(m.score(), m.error());
    }

    /** Nanoseconds in one of JMH's time-unit abbreviations; throws for anything else. */
    static double nanosPer(String u) {
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
