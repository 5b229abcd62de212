package org.authbench.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.StatUtils;
import org.authbench.runfiles.JmhRow;
import org.authbench.stats.Forked;

/**
 * One row's measurements on one side: a value per measurement iteration, grouped by fork ({@link Forked}), in the
 * {@link Unit#canonical() canonical unit}. Iterations of one fork share that JVM's JIT decisions and
 * memory layout, so they are not independent; the fork grouping is kept for the resampling.
 */
public record Series(Unit unit, Forked data) {

    public Series(Unit unit, double[][] forks) {
        this(unit, new Forked(forks));
    }

    /** A row's score measurements, the forks of every round joined; {@code where} prefixes every error. */
    public static Series primary(String where, List<JmhRow> rounds) {
        return of(where, rounds.stream().map(JmhRow::primary).toList());
    }

    /** A row's {@code gc.alloc.rate.norm} measurements (bytes per operation), or null without {@code -prof gc}. */
    public static Series allocation(String where, List<JmhRow> rounds) {
        List<JmhRow.Metric> metrics = new ArrayList<>();
        for (JmhRow r : rounds) {
            JmhRow.Metric m = r.secondary().get(JmhRow.ALLOCATION);
            if (m == null || (m.rawData().isEmpty() && m.rawHistograms().isEmpty())) {
                return null;
            }
            metrics.add(m);
        }
        return of(where + " " + JmhRow.ALLOCATION, metrics);
    }

    /**
     * A metric's values per fork and iteration, in its canonical unit. SampleTime rows carry a histogram per
     * iteration instead of a value: each iteration contributes its mean (the quantity JMH's SampleTime score
     * averages); percentiles are not gated.
     */
    private static Series of(String where, List<JmhRow.Metric> rounds) {
        Unit canonical = null;
        List<double[]> forks = new ArrayList<>();
        for (JmhRow.Metric m : rounds) {
            Unit unit = Unit.parse(m.unit());
            if (unit == null) {
                throw new IllegalArgumentException(where + ": unit '" + m.unit() + "' has no known better direction");
            }
            if (canonical != null && !canonical.canonical().equals(unit.canonical())) {
                throw new IllegalArgumentException(where + " has different units in different rounds");
            }
            canonical = new Unit(unit.canonical(), unit.lowerIsBetter(), 1.0);
            int count = m.rawData().isEmpty() ? m.rawHistograms().size() : m.rawData().size();
            if (count == 0) {
                throw new IllegalArgumentException(where + " has no per-iteration raw data (rawData or rawDataHistogram)");
            }
            for (int f = 0; f < count; f++) {
                double[] values = m.rawData().isEmpty() ? means(where, m.rawHistograms().get(f)) : m.rawData().get(f);
                if (values.length == 0) {
                    throw new IllegalArgumentException(where + ": fork " + f + " has no iterations");
                }
                forks.add(Arrays.stream(values).map(v -> v * unit.toCanonical()).toArray());
            }
        }
        return new Series(canonical, forks.toArray(new double[0][]));
    }

    private static double[] means(String where, List<double[][]> iterations) {
        double[] out = new double[iterations.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = JmhRow.Metric.histogramMean(iterations.get(i));
            if (Double.isNaN(out[i])) {
                throw new IllegalArgumentException(where + ": an iteration's histogram is empty");
            }
        }
        return out;
    }

    public int forkCount() {
        return data.forks();
    }

    public int size() {
        int n = 0;
        for (double[] f : data.values()) {
            n += f.length;
        }
        return n;
    }

    public double[] pooled() {
        return data.pooled();
    }

    public double median() {
        return median(pooled(), size());
    }

    /** JMH's score: the mean over every iteration of every fork. */
    public double mean() {
        return StatUtils.mean(pooled());
    }

    /** JMH's error: half-width of the 99.9% Student-t interval of the mean (NaN below two values). */
    public double error() {
        int n = size();
        if (n < 2) {
            return Double.NaN;
        }
        double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - 0.001 / 2);
        return t * Math.sqrt(StatUtils.variance(pooled()) / n);
    }

    /** The same measurements under another unit (e.g. a throughput expressed as time per operation). */
    public Series map(Unit newUnit, DoubleUnaryOperator f) {
        double[][] forks = data.values();
        double[][] m = new double[forks.length][];
        for (int i = 0; i < forks.length; i++) {
            m[i] = Arrays.stream(forks[i]).map(f).toArray();
        }
        return new Series(newUnit, m);
    }

    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
