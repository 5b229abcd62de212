package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

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
        return RowVerdict.judge("row", "score", series(unit, base), series(unit, head), DEFAULTS, 1).verdict();
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
        RowVerdict v = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 103), DEFAULTS, 1);
        assertThat(v.pValue()).isLessThan(0.01);
        assertThat(v.verdict()).isEqualTo(GateVerdict.NO_CHANGE);
        assertThat(v.reason()).contains("significant but smaller");
    }

    @Test
    void aClearChangeOnTheThresholdIsInconclusive() {
        RowVerdict v = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 105), DEFAULTS, 1);
        assertThat(v.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
        assertThat(v.reason()).contains("straddles").contains("significant");
    }

    @Test
    void fewSamplesAreInconclusiveWhateverTheDifference() {
        Series base = new Series(TIME, new double[][] {{100, 101}, {100, 99}});
        Series head = new Series(TIME, new double[][] {{200, 201}, {200, 199}});
        RowVerdict v = RowVerdict.judge("row", "score", base, head, DEFAULTS, 1);
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
        RowVerdict v = RowVerdict.judge("row", "score", base, head, DEFAULTS, 1);
        assertThat(v.low()).isLessThan(0.9);
        assertThat(v.high()).isGreaterThan(1.1);
        assertThat(v.verdict()).isEqualTo(GateVerdict.INCONCLUSIVE);
    }

    @Test
    void theSameInputsGiveTheSameInterval() {
        RowVerdict a = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 104), DEFAULTS, 7);
        RowVerdict b = RowVerdict.judge("row", "score", series(TIME, 100), series(TIME, 104), DEFAULTS, 7);
        assertThat(a.low()).isEqualTo(b.low());
        assertThat(a.high()).isEqualTo(b.high());
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
