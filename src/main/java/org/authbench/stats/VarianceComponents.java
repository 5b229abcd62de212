package org.authbench.stats;

import org.apache.commons.math3.stat.StatUtils;

/**
 * The two levels of variation in a forked measurement, estimated from a pilot (one-way random effects, method
 * of moments): {@code within} is the variance between iterations of one fork, {@code between} the variance of
 * the fork's own true mean around the row's mean (JIT decisions, layout, the machine's phase).
 *
 * <p>Kalibera and Jones (ISMM 2013) derive from these the cheapest design for a target precision: the variance
 * of the mean of {@code n} forks of {@code r} iterations is {@code between/n + within/(n r)}, its cost
 * {@code n (forkCost + r iterationCost)}; the cost-optimal {@code r} is {@code sqrt(forkCost/iterationCost ×
 * within/between)}, and {@code n} follows from the target half-width.
 *
 * @param mean    mean of fork means
 * @param within  pooled within-fork variance of iterations
 * @param between between-fork variance component (never below 0)
 */
public record VarianceComponents(double mean, double within, double between) {

    /** Estimates both components; needs two forks with two iterations each at least. */
    public static VarianceComponents of(Forked data) {
        double[][] v = data.values();
        double withinSum = 0;
        int withinDf = 0;
        double harmonic = 0;
        for (double[] f : v) {
            if (f.length > 1) {
                withinSum += StatUtils.variance(f) * (f.length - 1);
                withinDf += f.length - 1;
            }
            harmonic += 1.0 / f.length;
        }
        if (v.length < 2 || withinDf == 0) {
            throw new IllegalArgumentException("need at least two forks and two iterations in one fork");
        }
        double within = withinSum / withinDf;
        double iterationsPerFork = v.length / harmonic;
        double between = Math.max(0, StatUtils.variance(data.forkMeans()) - within / iterationsPerFork);
        return new VarianceComponents(data.mean(), within, between);
    }

    /**
     * Cost-optimal iterations per fork, between {@code min} and {@code max}: many iterations pay off when forks
     * are dear and agree with each other; when forks disagree, only more forks help.
     */
    public int optimalIterations(double forkCost, double iterationCost, int min, int max) {
        if (between == 0) {
            return max;
        }
        double r = Math.sqrt(forkCost / iterationCost * within / between);
        return (int) Math.max(min, Math.min(max, Math.ceil(r)));
    }

    /**
     * Forks needed, at {@code iterations} per fork, for the t interval of the mean to reach
     * {@code relativeHalfWidth} at {@code confidence}; {@code cap + 1} when even {@code cap} forks would not.
     */
    public int forksFor(double relativeHalfWidth, double confidence, int iterations, int cap) {
        double perFork = between + within / iterations;
        double target = relativeHalfWidth * Math.abs(mean);
        for (int n = 2; n <= cap; n++) {
            if (ForkLevel.t(n - 1, confidence) * Math.sqrt(perFork / n) <= target) {
                return n;
            }
        }
        return cap + 1;
    }
}
