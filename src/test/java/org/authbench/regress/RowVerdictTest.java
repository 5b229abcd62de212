package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The decision rule on hand-made series: threshold edges, direction, sample-size guards, determinism. */
class RowVerdictTest {

    private static final Unit TIME = Unit.parse("ns/op");
    private static final Unit THROUGHPUT = Unit.parse("ops/s");
    private static final GateSettings DEFAULTS = GateSettings.of(5, 0.99);

    /** Three forks of five iterations around {@code mean}, with a small fixed pattern of noise. */
    private static Series series(Unit unit, double mean) {
        double[] wobble = {-0.004, 0.002, 0.0, 0.003, -0.001};
        double[] fork = {-0.005, 0.0, 0.005};
        double[][] v = new double[3][5];
        for (int f = 0; f < 3; f++) {
            for (int i = 0; i < 5; i++) {
                v[f][i] = mean * (1 + fork[f] + wobble[(i + f) % 5]);
            }
        }
        return new Series(unit, v);
    }

    private static GateVerdict judge(Unit unit, double base, double head) {
        return RowVerdict.judge("row", "score", series(unit, base), series(unit, head), DEFAULTS).verdict();
    }

    @Test
    void timeUpIsWorseThroughputUpIsBetter() {
        assertThat(judge(TIME, 100, 120)).isEqualTo(GateVerdict.REGRESSION);
        assertThat(judge(THROUGHPUT, 100, 120)).isEqualTo(GateVerdict.IMPROVEMENT);
        assertThat(judge(TIME, 100, 80)).isEqualTo(GateVerdict.IMPROVEMENT);
        assertThat(judge(THROUGHPUT, 100, 80)).isEqualTo(GateVerdict.REGRESSION);
    }

    @Test
    void aClearChangeSmallerThanTheThresholdIsNoChange() {
        // 2%: three forks ±0.5% apart resolve it within ±5% (at 3% the interval, widened for three forks, reaches 5%).
        RowVerdict v = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 102), DEFAULTS);
        assertThat(v.pValue()).isLessThan(0.01);
        assertThat(v.verdict()).isEqualTo(GateVerdict.NO_CHANGE);
        assertThat(v.reason()).contains("significant but smaller");
    }

    @Test
    void aClearChangeOnTheThresholdIsInconclusive() {
        RowVerdict v = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 105), DEFAULTS);
        assertThat(v.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(v.reason()).contains("straddles").contains("significant");
    }

    @Test
    void fewSamplesAreInconclusiveWhateverTheDifference() {
        Series base = new Series(TIME, new double[][] {{100, 101}, {100, 99}});
        Series head = new Series(TIME, new double[][] {{200, 201}, {200, 199}});
        RowVerdict v = RowVerdict.judge("row", "score", base, head, DEFAULTS);
        assertThat(v.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(v.reason()).contains("too few samples");
    }

    @Test
    void theIntervalIncludesForkToForkVariation() {
        // Each side: one fork 20% off the others. Resampling iterations alone would give a narrow interval.
        Series base = new Series(TIME, new double[][] {{100, 100.1, 99.9, 100, 100}, {100, 100, 100.2, 99.8, 100},
            {120, 120, 120.1, 119.9, 120}});
        Series head = new Series(TIME, new double[][] {{120, 120.2, 119.8, 120, 120}, {120, 120, 120, 120.1, 119.9},
            {100, 100, 100.1, 99.9, 100}});
        RowVerdict v = RowVerdict.judge("row", "score", base, head, DEFAULTS);
        assertThat(v.low()).isLessThan(0.9);
        assertThat(v.high()).isGreaterThan(1.1);
        assertThat(v.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
    }

    @Test
    void theSameInputsGiveTheSameInterval() {
        RowVerdict a = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 104), DEFAULTS);
        RowVerdict b = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 104), DEFAULTS);
        assertThat(a.low()).isEqualTo(b.low());
        assertThat(a.high()).isEqualTo(b.high());
    }

    /**
     * Simulated comparisons: per side {@code forks} forks of five iterations, each fork's level drawn with a
     * between-fork spread (a JVM's JIT and memory layout), each iteration around it with a small within-fork one;
     * head's true level is {@code slowdown} above base's. Returns how many of {@code runs} the gate calls a regression.
     */
    private static int regressions(int runs, int forks, double betweenSd, double slowdown, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        int flagged = 0;
        for (int k = 0; k < runs; k++) {
            Series base = simulated(rng, 1000, betweenSd, forks);
            Series head = simulated(rng, 1000 * (1 + slowdown), betweenSd, forks);
            if (RowVerdict.judge("row", "score", base, head, GateSettings.of(5, 0.99)).verdict() == GateVerdict.REGRESSION) {
                flagged++;
            }
        }
        return flagged;
    }

    private static Series simulated(RandomGenerator rng, double level, double betweenSd, int forks) {
        double[][] v = new double[forks][5];
        for (int f = 0; f < forks; f++) {
            double forkLevel = level * (1 + betweenSd * rng.nextGaussian());
            for (int i = 0; i < 5; i++) {
                v[f][i] = forkLevel * (1 + 0.005 * rng.nextGaussian());
            }
        }
        return new Series(TIME, v);
    }

    @Test
    void sameCodeOnNoisyForksIsAlmostNeverARegression() {
        // Forks 10% apart (sd), three a side, as on a noisy shared host: the U test over iterations is significant
        // whenever the forks differ, so the interval alone must hold the false-alarm rate down. A regression needs
        // the whole 99% interval beyond +5%, far rarer than the 0.5% of same-code comparisons whose interval lies
        // wholly above 1. A percentile bootstrap over forks and iterations flagged 6 of these 400 (1.5%).
        assertThat(regressions(400, 3, 0.10, 0, 11)).isLessThanOrEqualTo(1);
        assertThat(regressions(400, 6, 0.10, 0, 12)).isLessThanOrEqualTo(1);
    }

    @Test
    void aTenPercentSlowdownIsCaughtWhenForksAgree() {
        // Forks 1% apart: six forks a side see a 10% slowdown every time, four nearly every time; three forks see it
        // about half the time (Welch's t with ~4 degrees of freedom is wide), which is what extra rounds are for.
        assertThat(regressions(200, 6, 0.01, 0.10, 13)).isGreaterThanOrEqualTo(195);
        assertThat(regressions(200, 4, 0.01, 0.10, 14)).isGreaterThanOrEqualTo(170);
        assertThat(regressions(200, 3, 0.01, 0.10, 15)).isBetween(60, 140);
    }

    /**
     * Rounds of a shared host's slow phases: round {@code r}'s forks on both sides meet the same phase (a level drawn
     * with sd {@code phaseSd}), and each fork adds its own 1%. Returns how many of {@code runs} comparisons of
     * {@code forks} rounds the gate calls a regression, paired by round or not.
     */
    private static int regressionsInPhases(int runs, int forks, double phaseSd, double slowdown, boolean paired,
            long seed) {
        RandomGenerator rng = new Well19937c(seed);
        GateSettings settings = GateSettings.of(5, 0.99).withPaired(paired);
        int flagged = 0;
        for (int k = 0; k < runs; k++) {
            double[][] b = new double[forks][5];
            double[][] h = new double[forks][5];
            for (int f = 0; f < forks; f++) {
                double phase = 1 + phaseSd * rng.nextGaussian();
                double bf = 1000 * phase * (1 + 0.01 * rng.nextGaussian());
                double hf = 1000 * (1 + slowdown) * phase * (1 + 0.01 * rng.nextGaussian());
                for (int i = 0; i < 5; i++) {
                    b[f][i] = bf * (1 + 0.005 * rng.nextGaussian());
                    h[f][i] = hf * (1 + 0.005 * rng.nextGaussian());
                }
            }
            if (RowVerdict.judge("row", "score", new Series(TIME, b), new Series(TIME, h), settings).verdict()
                    == GateVerdict.REGRESSION) {
                flagged++;
            }
        }
        return flagged;
    }

    @Test
    void pairingByRoundSeesThroughSlowPhasesBothSidesMet() {
        // Phases 15% apart (sd) hit both forks of a round: unpaired, six rounds see a 10% slowdown rarely; paired,
        // the phase cancels in each round's ratio and six rounds see it nearly always (four, with t on 3 degrees of
        // freedom, less than half the time).
        assertThat(regressionsInPhases(200, 6, 0.15, 0.10, false, 21)).isLessThan(40);
        assertThat(regressionsInPhases(200, 6, 0.15, 0.10, true, 22)).isGreaterThanOrEqualTo(170);
        // Pairing must not buy that sight with false alarms: same code, paired, at most 1 in 400.
        assertThat(regressionsInPhases(400, 4, 0.15, 0, true, 23)).isLessThanOrEqualTo(1);
        assertThat(regressionsInPhases(400, 3, 0.15, 0, true, 24)).isLessThanOrEqualTo(1);
    }

    @Test
    void pairingNeedsAForkOnEachSideOfEveryRound() {
        Series base = new Series(TIME, new double[][] {{100, 100, 100, 100, 100}, {101, 101, 101, 101, 101},
            {99, 99, 99, 99, 99}});
        Series head = new Series(TIME, new double[][] {{100, 100, 100, 100, 100}, {101, 101, 101, 101, 101}});
        RowVerdict v = RowVerdict.judge("row", "score", base, head, GateSettings.of(5, 0.99).withPaired(true));
        assertThat(v.reason()).endsWith("(unpaired: 3 forks in base, 2 in head)");
        assertThat(v.low()).isNotNaN();
    }

    @Test
    void unitsKnowTheirDirection() {
        assertThat(Unit.parse("us/op").toCanonical()).isEqualTo(1000.0);
        assertThat(Unit.parse("ops/ms").lowerIsBetter()).isFalse();
        assertThat(Unit.parse("ops/ms").toCanonical()).isEqualTo(1000.0);
        assertThat(Unit.parse("B/op").lowerIsBetter()).isTrue();
        assertThat(Unit.parse("furlongs")).isNull();
    }
}
