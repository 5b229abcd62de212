package org.authbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

class SteadyStateTest {

    private final RandomGenerator rng = new Well19937c(11);

    /** {@code n} iterations around 100 with {@code sd}% noise, the first ones slower by a decaying JIT warmup. */
    private double[] fork(int n, double sd, double warmupExcess, double decayPerIteration) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = 100 * (1 + warmupExcess * Math.pow(decayPerIteration, i)) + sd * rng.nextGaussian();
        }
        return v;
    }

    @Test
    void aWarmupTailIsDroppedAndTheRestKept() {
        double[] series = {150, 121, 104, 100.4, 99.2, 100.9, 99.6, 100.3};
        int start = SteadyState.start(series);
        assertThat(start).isBetween(2, 3);
        assertThat(SteadyState.start(new double[] {100.2, 99.5, 100.1, 100.4, 99.2, 100.9, 99.6, 100.3})).isZero();
        Forked kept = SteadyState.trim(new Forked(new double[][] {series})).data();
        assertThat(kept.mean()).isCloseTo(100, within(2.0));
    }

    @Test
    void steadyForksAreAlmostNeverTrimmed() {
        int trimmed = 0;
        for (int run = 0; run < 1000; run++) {
            if (SteadyState.start(fork(8, 3, 0, 0)) != 0) {
                trimmed++;
            }
        }
        // Each of the two tests runs at 1% and needs a 2% effect; a steady fork is cut in well under 5% of runs.
        assertThat(trimmed).isLessThan(50);
    }

    @Test
    void trimmingRemovesTheWarmupBiasFromTheMean() {
        double untrimmed = 0;
        double trimmed = 0;
        int runs = 500;
        for (int run = 0; run < runs; run++) {
            double[] f = fork(8, 1, 0.5, 0.3); // +50%, +15%, +4.5%, +1.4% ... then steady
            untrimmed += StatUtils.mean(f) / runs;
            trimmed += SteadyState.trim(new Forked(new double[][] {f})).data().mean() / runs;
        }
        assertThat(untrimmed).isGreaterThan(107);
        assertThat(trimmed).isCloseTo(100, within(1.5));
    }

    /** A row's forks share one noise band: a warmup too small to see in one fork's few iterations shows in three. */
    @Test
    void theForksOfARowPoolTheirNoise() {
        double[][] forks = new double[3][];
        for (int f = 0; f < 3; f++) {
            forks[f] = fork(8, 0.5, 0.045, 0.01); // the first iteration 4.5% slow, the rest steady
        }
        SteadyState.Trim t = SteadyState.trim(new Forked(forks));
        assertThat(t.dropped()).isEqualTo(3);
        for (double[] f : t.data().values()) {
            assertThat(f).hasSize(7);
        }
    }

    @Test
    void aForkThatDriftsThroughoutHasNoSteadySuffixAndIsKeptWhole() {
        double[] drifting = {100, 96, 92, 88, 84, 80, 76, 72};
        assertThat(SteadyState.start(drifting)).isEqualTo(-1);
        SteadyState.Trim t = SteadyState.trim(new Forked(new double[][] {drifting, {50, 50.2, 49.9, 50.1}}));
        assertThat(t.unsteady()).isEqualTo(1);
        assertThat(t.dropped()).isZero();
        assertThat(t.total()).isEqualTo(12);
        assertThat(t.data().values()[0]).hasSize(8);
    }

    @Test
    void aLateStepIsNotMistakenForTheEndOfWarmup() {
        double[] step = {100, 100.3, 99.8, 100.1, 99.9, 100.2, 80.1, 79.8, 80.2, 80};
        assertThat(SteadyState.start(step)).isEqualTo(-1);
    }

    @Test
    void neverDropsMoreThanHalf() {
        double[] lateSettling = {200, 180, 160, 140, 120, 100, 100.1, 99.9};
        assertThat(SteadyState.start(lateSettling)).isEqualTo(-1);
    }

    @Test
    void shortForksAreKeptAsTheyAre() {
        assertThat(SteadyState.start(new double[] {150, 100, 100})).isZero();
        SteadyState.Trim t = SteadyState.trim(new Forked(new double[][] {{150, 100, 100}, {7}}));
        assertThat(t.dropped()).isZero();
        assertThat(t.unsteady()).isZero();
    }
}
