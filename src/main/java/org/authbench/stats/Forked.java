package org.authbench.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.StatUtils;

/**
 * One row's measurements grouped by fork: {@code values[f][i]} is measurement iteration {@code i} of fork
 * {@code f}. Iterations of one JVM share its JIT decisions, memory layout and the machine's mood while it ran,
 * so they are not independent; the fork is the unit of replication, and every interval here treats it so.
 */
public record Forked(double[][] values) {

    public Forked {
        if (values.length == 0) {
            throw new IllegalArgumentException("no forks");
        }
        for (double[] f : values) {
            if (f.length == 0) {
                throw new IllegalArgumentException("a fork without iterations");
            }
        }
    }

    public int forks() {
        return values.length;
    }

    /** Every iteration of every fork, as JMH pools them. */
    public double[] pooled() {
        return Arrays.stream(values).flatMapToDouble(Arrays::stream).toArray();
    }

    public double[] forkMeans() {
        return Arrays.stream(values).mapToDouble(StatUtils::mean).toArray();
    }

    /** The mean of fork means: each JVM counts once, however many iterations it ran. */
    public double mean() {
        return StatUtils.mean(forkMeans());
    }

    /**
     * One hierarchical bootstrap draw: forks with replacement, then iterations with replacement within each
     * drawn fork. Resampling forks first carries the fork-to-fork variation into whatever is computed from the
     * draw; resampling iterations alone would treat correlated iterations as independent ones.
     */
    public Forked resample(RandomGenerator rng) {
        double[][] draw = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            double[] f = values[rng.nextInt(values.length)];
            double[] d = new double[f.length];
            for (int j = 0; j < f.length; j++) {
                d[j] = f[rng.nextInt(f.length)];
            }
            draw[i] = d;
        }
        return new Forked(draw);
    }
}
