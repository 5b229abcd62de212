package org.authbench.regress;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.StatUtils;

/**
 * One row's measurements on one side: a value per measurement iteration, grouped by fork, in the
 * {@link Unit#canonical() canonical unit}. Iterations of one fork share that JVM's JIT decisions and
 * memory layout, so they are not independent; the fork grouping is kept for the resampling.
 */
public record Series(Unit unit, double[][] forks) {

    public int forkCount() {
        return forks.length;
    }

    public int size() {
        int n = 0;
        for (double[] f : forks) {
            n += f.length;
        }
        return n;
    }

    public double[] pooled() {
        return Arrays.stream(forks).flatMapToDouble(Arrays::stream).toArray();
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
        double[][] m = new double[forks.length][];
        for (int i = 0; i < forks.length; i++) {
            m[i] = Arrays.stream(forks[i]).map(f).toArray();
        }
        return new Series(newUnit, m);
    }

    /**
     * One hierarchical bootstrap draw: pick forks with replacement, then iterations with replacement within
     * each picked fork, and return the median of what was drawn. Resampling forks first carries the
     * fork-to-fork variation into the interval (Kalibera and Jones, "Rigorous Benchmarking in Reasonable
     * Time", 2013); resampling iterations alone would pretend 15 correlated values were 15 independent ones.
     */
    double resampledMedian(RandomGenerator rng, double[] buffer) {
        int n = 0;
        for (int i = 0; i < forks.length; i++) {
            double[] f = forks[rng.nextInt(forks.length)];
            for (int j = 0; j < f.length; j++) {
                buffer[n++] = f[rng.nextInt(f.length)];
            }
        }
        return median(buffer, n);
    }

    /** Capacity a resampling buffer needs: every draw could pick the longest fork each time. */
    int bufferSize() {
        int longest = 0;
        for (double[] f : forks) {
            longest = Math.max(longest, f.length);
        }
        return longest * forks.length;
    }

    private static double median(double[] values, int n) {
        Arrays.sort(values, 0, n);
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
