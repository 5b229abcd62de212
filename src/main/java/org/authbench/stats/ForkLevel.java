package org.authbench.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Confidence intervals that count the fork, not the iteration, as the unit of replication (Kalibera and
 * Jones, "Rigorous Benchmarking in Reasonable Time", ISMM 2013).
 *
 * <p>The mean's interval is Student's t over fork means: the variance of a fork mean already holds both the
 * between-fork and the within-fork variation, so nothing needs modelling beyond the fork grouping. JMH's
 * pooled error (t over every iteration, or every sample, as if independent) shrinks with iterations even when
 * the forks disagree, which is why a row stated at ±0.6% can move 35% in the next run.
 */
public final class ForkLevel {

    private ForkLevel() {
    }

    /** Mean of fork means with the t interval over fork means (n − 1 degrees of freedom). */
    public static Interval mean(Forked data, double confidence) {
        double[] means = data.forkMeans();
        double m = StatUtils.mean(means);
        int n = means.length;
        if (n < 2) {
            return new Interval(m, Double.NaN, Double.NaN, confidence, n);
        }
        double half = t(n - 1, confidence) * Math.sqrt(StatUtils.variance(means) / n);
        return new Interval(m, m - half, m + half, confidence, n);
    }

    /**
     * The relative half-width a mean is expected to have with one more fork, if its forks go on scattering as they have:
     * the standard error falls with the square root of the forks and the t quantile with the added degree of freedom.
     * From three forks to four at 95% that is 0.64 of today's, so a row at ±4.6% is one fork from ±3%.
     */
    public static double halfWidthWithOneMoreFork(double relativeHalfWidth, int forks, double confidence) {
        if (forks < 2) {
            return Double.NaN;
        }
        return relativeHalfWidth * t(forks, confidence) / t(forks - 1, confidence) * Math.sqrt(forks / (forks + 1.0));
    }

    /**
     * JMH's own figure for comparison: the t interval over every pooled value, as if each were independent. Kept
     * only to show, in tests and in the CSV, how far it understates what the next run does.
     */
    public static Interval pooled(Forked data, double confidence) {
        double[] all = data.pooled();
        double m = StatUtils.mean(all);
        if (all.length < 2) {
            return new Interval(m, Double.NaN, Double.NaN, confidence, data.forks());
        }
        double half = t(all.length - 1, confidence) * Math.sqrt(StatUtils.variance(all) / all.length);
        return new Interval(m, m - half, m + half, confidence, data.forks());
    }

    /**
     * The ratio {@code mean(numerator) / mean(denominator)} of two rows measured in separate forks, with an
     * interval from hierarchical bootstrap draws of both rows (forks, then iterations), so it carries both rows'
     * fork-to-fork variation instead of adding relative errors in quadrature. Seeded: the same data always give
     * the same interval.
     *
     * <p>A plain percentile interval over few forks runs short (90% of runs covered at a nominal 95% with 10
     * forks a side), because a resample of {@code n} forks varies by {@code (n - 1)/n} of the truth and its
     * tails are normal, not Student. So the percentile ends are widened on the log scale by
     * {@code t/z × sqrt(n/(n - 1))}, with {@code n} the smaller fork count and t on both rows' forks less two degrees of
     * freedom; the skew of the draws is kept.
     */
    public static Interval ratio(Forked numerator, Forked denominator, double confidence, int resamples, long seed) {
        return ratio(List.of(numerator), List.of(denominator), confidence, resamples, seed);
    }

    /**
     * The same for sums of independent rows, {@code Σ mean(numerator) / Σ mean(denominator)} (e.g. a verifier
     * against the sum of two floors): each draw resamples every term on its own, in list order. With one term a
     * side this is exactly {@link #ratio(Forked, Forked, double, int, long)}; with more, the widening uses the
     * fewest forks of any term, so it never narrows below what its weakest row supports.
     */
    public static Interval ratio(List<Forked> numerator, List<Forked> denominator, double confidence, int resamples,
            long seed) {
        double estimate = sumOfMeans(numerator) / sumOfMeans(denominator);
        int numForks = numerator.stream().mapToInt(Forked::forks).min().orElseThrow();
        int denForks = denominator.stream().mapToInt(Forked::forks).min().orElseThrow();
        int forks = Math.min(numForks, denForks);
        if (forks < 2) {
            return new Interval(estimate, Double.NaN, Double.NaN, confidence, forks);
        }
        RandomGenerator rng = new Well19937c(seed);
        double[] draws = new double[resamples];
        for (int i = 0; i < resamples; i++) {
            double num = 0;
            for (Forked f : numerator) {
                num += f.resample(rng).mean();
            }
            double den = 0;
            for (Forked f : denominator) {
                den += f.resample(rng).mean();
            }
            draws[i] = num / den;
        }
        Arrays.sort(draws);
        Percentile p = new Percentile();
        p.setData(draws);
        double tail = (1 - confidence) / 2 * 100;
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2);
        double widen = t(numForks + denForks - 2, confidence) / z * Math.sqrt(forks / (forks - 1.0));
        double low = estimate * Math.pow(p.evaluate(tail) / estimate, widen);
        double high = estimate * Math.pow(p.evaluate(100 - tail) / estimate, widen);
        return new Interval(estimate, low, high, confidence, forks);
    }

    /**
     * The ratio of two rows' typical values with the fork as the unit: each fork's median of its iterations, on the
     * log scale, and Welch's t interval of the difference of the two sides' means (each side's own variance, Welch and
     * Satterthwaite's degrees of freedom), exponentiated; the point is the ratio of the geometric means of fork
     * medians. Exact when fork effects are log-normal; it needs no resampling, so three forks a side get the wide
     * interval three forks support instead of the ten distinct fork draws a bootstrap has. NaNs when a side has
     * fewer than two forks or a fork median is not positive.
     */
    public static Interval ratioOfForkMedians(Forked numerator, Forked denominator, double confidence) {
        double[] num = logForkMedians(numerator);
        double[] den = logForkMedians(denominator);
        int forks = Math.min(num.length, den.length);
        if (num.length < 2 || den.length < 2 || Double.isNaN(StatUtils.sum(num) + StatUtils.sum(den))) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, confidence, forks);
        }
        double d = StatUtils.mean(num) - StatUtils.mean(den);
        double vn = StatUtils.variance(num) / num.length;
        double vd = StatUtils.variance(den) / den.length;
        double se = Math.sqrt(vn + vd);
        if (se == 0) {
            return new Interval(Math.exp(d), Math.exp(d), Math.exp(d), confidence, forks);
        }
        double df = (vn + vd) * (vn + vd) / (vn * vn / (num.length - 1) + vd * vd / (den.length - 1));
        double half = new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2) * se;
        return new Interval(Math.exp(d), Math.exp(d - half), Math.exp(d + half), confidence, forks);
    }

    /**
     * The same ratio when fork {@code i} of one row ran beside fork {@code i} of the other (the same round of a gate,
     * at once in duet mode or one after the other otherwise): each pair's log ratio of fork medians, and Student's t
     * over the pairs (n − 1 degrees of freedom). A slow phase of a shared host that both forks of a pair met cancels
     * in the pair's ratio instead of widening both sides. NaNs when the fork counts differ or are below two.
     */
    public static Interval pairedRatioOfForkMedians(Forked numerator, Forked denominator, double confidence) {
        double[] num = logForkMedians(numerator);
        double[] den = logForkMedians(denominator);
        int n = num.length;
        if (n != den.length || n < 2 || Double.isNaN(StatUtils.sum(num) + StatUtils.sum(den))) {
            return new Interval(Double.NaN, Double.NaN, Double.NaN, confidence, Math.min(n, den.length));
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = num[i] - den[i];
        }
        double m = StatUtils.mean(d);
        double half = t(n - 1, confidence) * Math.sqrt(StatUtils.variance(d) / n);
        return new Interval(Math.exp(m), Math.exp(m - half), Math.exp(m + half), confidence, n);
    }

    private static double[] logForkMedians(Forked data) {
        double[][] v = data.values();
        double[] out = new double[v.length];
        for (int f = 0; f < v.length; f++) {
            double m = StatUtils.percentile(v[f], 50);
            out[f] = m > 0 ? Math.log(m) : Double.NaN;
        }
        return out;
    }

    private static double sumOfMeans(List<Forked> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a ratio needs a term on each side");
        }
        return terms.stream().mapToDouble(Forked::mean).sum();
    }

    static double t(int degreesOfFreedom, double confidence) {
        return new TDistribution(degreesOfFreedom).inverseCumulativeProbability(1 - (1 - confidence) / 2);
    }
}
