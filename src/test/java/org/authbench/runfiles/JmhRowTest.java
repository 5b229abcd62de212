package org.authbench.runfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.authbench.stats.ForkLevel;
import org.authbench.stats.Forked;
import org.authbench.stats.Interval;
import org.junit.jupiter.api.Test;

/**
 * Unit normalisation of JMH scores (every time and throughput unit JMH writes, threads included), the interval a
 * row states (over fork means, not JMH's pooled error), and ratios: resampled when the rows were measured alike,
 * refused with the reason when not.
 */
class JmhRowTest {

    private static JmhRow row(String mode, int threads, double score, double error, String unit, double[]... forks) {
        return row(mode, threads, score, error, unit, "4 × 1 s", forks);
    }

    private static JmhRow row(String mode, int threads, double score, double error, String unit, String warmup,
            double[]... forks) {
        return new JmhRow("org.authbench.bench.X.y", mode, threads, forks.length, Map.of(),
                new JmhRow.Metric(score, error, unit, Map.of(), List.of(forks), List.of()), Map.of(), null, null, null, null,
                List.of(), warmup);
    }

    @Test
    void timePerOperationBecomesNanosecondsAndDerivedThroughput() {
        JmhRow r = row("avgt", 1, 2.5, 0.1, "us/op", new double[] {2.4, 2.4}, new double[] {2.6, 2.6});
        double half = new TDistribution(1).inverseCumulativeProbability(0.975) * 0.1; // sd of {2.4, 2.6} / sqrt(2)
        assertThat(r.nsPerOp().value()).isEqualTo(2500, within(1e-9));
        assertThat(r.nsPerOp().error()).isEqualTo(half * 1000, within(1e-6));
        assertThat(r.jmhNsPerOp().error()).isEqualTo(100, within(1e-9));
        assertThat(r.opsPerSecond().value()).isEqualTo(400_000, within(1e-6));
        assertThat(r.opsPerSecond().lower()).isEqualTo(1e9 / ((2.5 + half) * 1000), within(1e-6));
        assertThat(r.jmhOpsPerSecond().relativeError()).isEqualTo(0.04, within(1e-12));
        assertThat(r.opsDerived()).isTrue();
        assertThat(row("ss", 1, 3, 0, "s/op", new double[] {3}).nsPerOp().value()).isEqualTo(3e9, within(1e-3));
    }

    @Test
    void throughputIsMeasuredAndPerThreadTimeAccountsForThreads() {
        JmhRow r = row("thrpt", 4, 2, 0.2, "ops/ms", new double[] {2, 2}, new double[] {2, 2});
        assertThat(r.opsPerSecond().value()).isEqualTo(2000, within(1e-9));
        assertThat(r.opsDerived()).isFalse();
        // 4 threads sharing 2000 ops/s: each operation takes one thread 2 ms.
        assertThat(r.nsPerOp().value()).isEqualTo(2e6, within(1e-3));
        assertThat(row("avgt", 2, 500, 0, "ns/op", new double[] {500}).opsPerSecond().value()).isEqualTo(4e6, within(1e-3));
    }

    @Test
    void twoForksThatDisagreeGiveAWideIntervalWhereJmhsErrorIsSmall() {
        // Each fork steady to 0.1%, the two 40% apart: JMH's pooled error sees 8 tight values.
        JmhRow r = row("avgt", 1, 120, 0.5, "ns/op", new double[] {100, 100.1, 99.9, 100},
                new double[] {140, 140.1, 139.9, 140});
        Estimate e = r.nsPerOp();
        assertThat(e.value()).isEqualTo(120, within(1e-9));
        assertThat(e.error()).isEqualTo(new TDistribution(1).inverseCumulativeProbability(0.975) * 20, within(1e-6));
        assertThat(e.error()).isGreaterThan(100 * r.jmhNsPerOp().error());
        assertThat(e.lower()).isLessThan(100);
        assertThat(e.upper()).isGreaterThan(140);
    }

    @Test
    void oneForkOrNoPerForkDataHasNoIntervalAndSaysWhy() {
        Estimate one = row("avgt", 1, 100, 2, "ns/op", new double[] {99, 101}).nsPerOp();
        assertThat(one.hasInterval()).isFalse();
        assertThat(one.note()).isEqualTo("one fork");
        assertThat(one.lower()).isEqualTo(100);
        Estimate none = row("avgt", 1, 100, 2, "ns/op").nsPerOp();
        assertThat(none.note()).isEqualTo("no per-fork data");
        assertThat(Double.isNaN(none.error())).isTrue();
    }

    @Test
    void aRatioOfRowsMeasuredAlikeComesFromResamplingBoth() {
        double[][] a = {{300, 310}, {290, 300}, {305, 295}};
        double[][] b = {{100, 102}, {98, 100}, {101, 99}};
        Estimate r = row("avgt", 1, 300, 3, "ns/op", a).nsPerOp().over(row("avgt", 1, 100, 1, "ns/op", b).nsPerOp());
        Interval expected = ForkLevel.ratio(new Forked(a), new Forked(b), 0.95, Estimate.RESAMPLES, Estimate.SEED);
        assertThat(r.value()).isEqualTo(3, within(1e-12));
        assertThat(r.lower()).isEqualTo(expected.low(), within(1e-12));
        assertThat(r.upper()).isEqualTo(expected.high(), within(1e-12));
        assertThat(r.lower()).isLessThan(3);
        assertThat(r.upper()).isGreaterThan(3);
    }

    @Test
    void aRatioAcrossModesWarmupsOrThreadsIsRefusedWithTheReason() {
        Estimate avgt = row("avgt", 1, 100, 1, "ns/op", new double[] {100, 100}, new double[] {101, 101}).nsPerOp();
        Estimate sample = row("sample", 1, 0.3, 0.01, "us/op", new double[] {0.3, 0.3}, new double[] {0.31, 0.31})
                .nsPerOp();
        Estimate refused = sample.over(avgt);
        assertThat(refused.refused()).isTrue();
        assertThat(refused.note()).isEqualTo("not comparable: SampleTime vs AverageTime");
        assertThat(Double.isNaN(refused.value())).isTrue();
        Estimate shortWarmup = row("avgt", 1, 100, 1, "ns/op", "2 × 1 s", new double[] {100}, new double[] {100})
                .nsPerOp();
        assertThat(shortWarmup.over(avgt).note()).isEqualTo("not comparable: warmup 2 × 1 s vs 4 × 1 s");
        Estimate twoThreads = row("avgt", 2, 100, 1, "ns/op", new double[] {100}, new double[] {100}).nsPerOp();
        assertThat(twoThreads.over(avgt).note()).isEqualTo("not comparable: 2 vs 1 threads");
        assertThat(sample.plus(avgt).refused()).isTrue();
        assertThat(avgt.minus(twoThreads).refused()).isTrue();
        // A refusal travels: a ratio against a refused sum is refused for the same reason.
        assertThat(avgt.over(sample.plus(avgt)).note()).isEqualTo("not comparable: SampleTime vs AverageTime");
    }

    @Test
    void figuresReadFromNoRowStillCombineInQuadrature() {
        Estimate r = new Estimate(300, 9).over(new Estimate(100, 4));
        assertThat(r.value()).isEqualTo(3, within(1e-12));
        assertThat(r.error()).isEqualTo(3 * Math.hypot(0.03, 0.04), within(1e-12));
        assertThat(Double.isNaN(new Estimate(1, Double.NaN).over(new Estimate(1, 0.1)).error())).isTrue();
    }
}
