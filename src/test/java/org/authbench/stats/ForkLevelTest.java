package org.authbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Coverage on synthetic runs whose truth is known: each fork's mean is drawn around the true mean with a
 * between-fork spread, each iteration around its fork's mean with a within-fork spread, as a JVM's JIT and
 * layout choices do. A 95% interval should contain the true mean in about 95% of 1,000 simulated runs.
 */
class ForkLevelTest {

    private static final double TRUE_MEAN = 1000;
    private static final int RUNS = 1000;

    /** One simulated run: {@code forks} forks of {@code iterations} iterations. */
    private static Forked run(RandomGenerator rng, double mean, double betweenSd, double withinSd, int forks, int iterations) {
        double[][] v = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double forkMean = mean + betweenSd * rng.nextGaussian();
            for (int i = 0; i < iterations; i++) {
                v[f][i] = forkMean + withinSd * rng.nextGaussian();
            }
        }
        return new Forked(v);
    }

    private static double coverage(boolean forkLevel, double confidence, double betweenSd, double withinSd, int forks,
            int iterations, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        int hits = 0;
        for (int k = 0; k < RUNS; k++) {
            Forked d = run(rng, TRUE_MEAN, betweenSd, withinSd, forks, iterations);
            Interval i = forkLevel ? ForkLevel.mean(d, confidence) : ForkLevel.pooled(d, confidence);
            if (i.contains(TRUE_MEAN)) {
                hits++;
            }
        }
        return (double) hits / RUNS;
    }

    @Test
    void forkLevelIntervalCoversTheTrueMeanAtItsNominalRate() {
        // Forks disagree (between-fork sd 5%) more than iterations vary (2%): the case JMH's error misses.
        assertThat(coverage(true, 0.95, 50, 20, 5, 10, 1)).isBetween(0.93, 0.97);
        assertThat(coverage(true, 0.95, 50, 20, 3, 20, 2)).isBetween(0.93, 0.97);
        // And when forks agree, it still holds (it is not just wide).
        assertThat(coverage(true, 0.95, 0, 20, 5, 10, 3)).isBetween(0.93, 0.97);
        assertThat(coverage(true, 0.99, 50, 20, 5, 10, 4)).isBetween(0.97, 1.0);
    }

    @Test
    void pooledIntervalLikeJmhsMissesWhenForksDisagree() {
        // Same data, JMH's way: every iteration as an independent value. Even at 99.9% it covers far less.
        assertThat(coverage(false, 0.95, 50, 20, 5, 10, 1)).isLessThan(0.70);
        assertThat(coverage(false, 0.999, 50, 20, 5, 10, 1)).isLessThan(0.90);
        // Without between-fork variation the pooled interval is right: the difference is the forks, nothing else.
        assertThat(coverage(false, 0.95, 0, 20, 5, 10, 3)).isBetween(0.93, 0.97);
    }

    private static double ratioCoverage(int forks, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        double trueRatio = 1.5;
        int hits = 0;
        int runs = 500;
        for (int k = 0; k < runs; k++) {
            Forked num = run(rng, TRUE_MEAN * trueRatio, 60, 30, forks, 10);
            Forked den = run(rng, TRUE_MEAN, 40, 20, forks, 10);
            if (ForkLevel.ratio(num, den, 0.95, 1000, k).contains(trueRatio)) {
                hits++;
            }
        }
        return (double) hits / runs;
    }

    @Test
    void ratioIntervalFromHierarchicalResamplingCoversTheTrueRatio() {
        // 500 runs: the binomial noise alone is ±1 point; allow 3.
        assertThat(ratioCoverage(10, 7)).isBetween(0.92, 0.98);
        assertThat(ratioCoverage(4, 8)).isBetween(0.92, 0.98);
        assertThat(ratioCoverage(3, 10)).isBetween(0.92, 0.98);
    }

    @Test
    void oneForkGivesNoInterval() {
        Forked one = new Forked(new double[][] {{1, 2, 3}});
        assertThat(ForkLevel.mean(one, 0.95).resolved()).isFalse();
        assertThat(ForkLevel.ratio(one, one, 0.95, 100, 1).resolved()).isFalse();
        assertThat(ForkLevel.pooled(one, 0.95).resolved()).isTrue();
    }

    @Test
    void meanOfForkMeansWeighsEachForkOnce() {
        Forked d = new Forked(new double[][] {{10, 10, 10, 10}, {20}});
        assertThat(d.mean()).isEqualTo(15.0);
        assertThat(ForkLevel.mean(d, 0.95).estimate()).isEqualTo(15.0);
    }

    @Test
    void refusesEmptyForks() {
        assertThatThrownBy(() -> new Forked(new double[0][])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Forked(new double[][] {{}})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRatioOfSumsResamplesEveryTermAndReducesToThePlainRatioWithOneTermASide() {
        RandomGenerator rng = new Well19937c(7);
        Forked a = run(rng, 3000, 60, 30, 4, 5);
        Forked b = run(rng, 1000, 20, 10, 4, 5);
        Forked c = run(rng, 500, 10, 5, 3, 5);
        Interval plain = ForkLevel.ratio(a, b, 0.95, 2000, 11);
        Interval listed = ForkLevel.ratio(List.of(a), List.of(b), 0.95, 2000, 11);
        assertThat(listed).isEqualTo(plain);
        Interval sum = ForkLevel.ratio(List.of(a), List.of(b, c), 0.95, 2000, 11);
        assertThat(sum.estimate()).isEqualTo(a.mean() / (b.mean() + c.mean()));
        assertThat(sum.low()).isLessThan(sum.estimate());
        assertThat(sum.high()).isGreaterThan(sum.estimate());
        assertThat(sum.forks()).isEqualTo(3);
    }
}
