package org.authbench.runfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit normalisation of JMH scores: every time and throughput unit JMH writes, threads included. */
class JmhRowTest {

    private static JmhRow row(String mode, int threads, double score, double error, String unit) {
        return new JmhRow("org.authbench.bench.X.y", mode, threads, 1, Map.of(),
                new JmhRow.Metric(score, error, unit, Map.of(), List.of(), List.of()), Map.of(), null, null, null, null,
                List.of());
    }

    @Test
    void timePerOperationBecomesNanosecondsAndDerivedThroughput() {
        JmhRow r = row("avgt", 1, 2.5, 0.1, "us/op");
        assertThat(r.nsPerOp().value()).isEqualTo(2500, within(1e-9));
        assertThat(r.nsPerOp().error()).isEqualTo(100, within(1e-9));
        assertThat(r.opsPerSecond().value()).isEqualTo(400_000, within(1e-6));
        assertThat(r.opsPerSecond().relativeError()).isEqualTo(0.04, within(1e-12));
        assertThat(r.opsDerived()).isTrue();
        assertThat(row("ss", 1, 3, 0, "s/op").nsPerOp().value()).isEqualTo(3e9, within(1e-3));
    }

    @Test
    void throughputIsMeasuredAndPerThreadTimeAccountsForThreads() {
        JmhRow r = row("thrpt", 4, 2, 0.2, "ops/ms");
        assertThat(r.opsPerSecond().value()).isEqualTo(2000, within(1e-9));
        assertThat(r.opsDerived()).isFalse();
        // 4 threads sharing 2000 ops/s: each operation takes one thread 2 ms.
        assertThat(r.nsPerOp().value()).isEqualTo(2e6, within(1e-3));
        assertThat(row("avgt", 2, 500, 0, "ns/op").opsPerSecond().value()).isEqualTo(4e6, within(1e-3));
    }

    @Test
    void ratioPropagatesRelativeErrorsInQuadrature() {
        Estimate r = new Estimate(300, 9).over(new Estimate(100, 4));
        assertThat(r.value()).isEqualTo(3, within(1e-12));
        assertThat(r.error()).isEqualTo(3 * Math.hypot(0.03, 0.04), within(1e-12));
        assertThat(Double.isNaN(new Estimate(1, Double.NaN).over(new Estimate(1, 0.1)).error())).isTrue();
    }
}
