package org.authbench.env;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PrimitiveIterator;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.Test;

class HostNoiseTest {

    @Test
    void stealIsTheStolenShareOfTheTimeThatPassed() {
        long[] first = {100, 0, 50, 800, 10, 0, 0, 40};
        long[] last = {200, 0, 100, 1500, 10, 0, 0, 140};
        // 100 + 50 + 700 + 100 = 950 ticks passed, 100 of them stolen.
        assertThat(HostNoise.steal(first, last)).isEqualTo(100.0 / 950);
        assertThat(HostNoise.steal(null, last)).isNaN();
        assertThat(HostNoise.steal(first, first)).isNaN();
    }

    @Test
    void readingsGiveASpreadOfAtLeastOneAndJudgeAPrecision() {
        HostNoise noise = new HostNoise();
        assertThat(noise.summary().readings()).isZero();
        noise.sample();
        noise.sample();
        HostNoise.Summary s = noise.summary();
        assertThat(s.readings()).isEqualTo(2);
        assertThat(s.medianMs()).isPositive();
        assertThat(s.spread()).isGreaterThanOrEqualTo(1.0);
        assertThat(new HostNoise.Summary(5, 1, 1.30, 0).tooNoisyFor(0.03)).isTrue();
        assertThat(new HostNoise.Summary(5, 1, 1.01, 0).tooNoisyFor(0.03)).isFalse();
        assertThat(new HostNoise.Summary(1, 1, 9, 0).tooNoisyFor(0.03)).isFalse();
    }

    /**
     * A fresh JVM times its first readings in the interpreter and the JIT's lower tiers: at least eight run untimed,
     * then more until the last two agree within 2%, and no more than twenty.
     */
    @Test
    void theWorkloadRunsUntimedUntilTheJitHasSettledIt() {
        // Readings of a fresh JVM as measured (ms): a plateau at the 3rd and 4th, the level from the 6th.
        PrimitiveIterator.OfDouble cold = DoubleStream.of(2.323, 1.727, 1.702, 1.678, 1.642, 1.537, 1.522, 1.534,
                1.517, 1.514, 1.513).iterator();
        assertThat(HostNoise.warmUp(cold::nextDouble)).isEqualTo(8);
        assertThat(cold.nextDouble()).as("the next reading is the first that counts").isEqualTo(1.517);
        PrimitiveIterator.OfDouble late = DoubleStream.of(2, 2, 2, 2, 2, 2, 2, 1.8, 1.6, 1.55, 1.55, 9).iterator();
        assertThat(HostNoise.warmUp(late::nextDouble)).as("still moving at the eighth").isEqualTo(11);
        PrimitiveIterator.OfDouble erratic = DoubleStream.iterate(1, x -> x * 2).iterator();
        assertThat(HostNoise.warmUp(erratic::nextDouble)).isEqualTo(20);
    }
}
