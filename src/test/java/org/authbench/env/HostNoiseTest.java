package org.authbench.env;

import static org.assertj.core.api.Assertions.assertThat;

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
}
