package org.authbench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The driver's promises, with short runs at modest rates so they hold on a busy two-core machine: a stall
 * shows in response time and not in service time (the coordinated-omission correction), a cheap scheme
 * gets the rate it asked for, and an overloaded one keeps its schedule and stops at the duration.
 */
class OpenLoopDriverTest {

    private static final String[] POOL = {"a", "b", "c", "d"};
    private static final Principal WHO = new Principal("user", "id");
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Answers at once, except that every {@code every}-th call sleeps {@code sleepMillis} first. */
    private static Authenticator stallingEvery(int every, long sleepMillis) {
        AtomicLong calls = new AtomicLong();
        return credential -> {
            if (calls.incrementAndGet() % every == 0) {
                try {
                    Thread.sleep(sleepMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return WHO;
        };
    }

    @Test
    void aStallShowsInResponseTimeButNotInServiceTime() throws InterruptedException {
        // 2000 req/s with a 10 ms stall every 200 requests: each stall delays the ~20 requests due behind it
        // (10% of all), but is itself only 0.5% of service times.
        OpenLoopDriver driver = new OpenLoopDriver(stallingEvery(200, 10), POOL, 1);
        OpenLoopDriver.Measurement m = driver.run(2000, Duration.ofMillis(1500), null);

        assertThat(m.service().getMaxValue()).as("the stall itself").isGreaterThanOrEqualTo(9 * MS);
        assertThat(m.service().getValueAtPercentile(99)).as("service p99").isLessThan(MS);
        assertThat(m.response().getValueAtPercentile(99)).as("response p99").isGreaterThanOrEqualTo(5 * MS);
        assertThat(m.response().getValueAtPercentile(95)).as("response p95").isGreaterThanOrEqualTo(MS);
    }

    @ParameterizedTest(name = "{0} thread(s)")
    @ValueSource(ints = {1, 2})
    void aCheapSchemeGetsTheIntendedRate(int threads) throws Exception {
        try (Scheme.Prepared p = Scheme.parse("apikey:hashed").prepare()) {
            OpenLoopDriver driver = new OpenLoopDriver(p.authenticator(), p.credentials(), threads);
            OpenLoopDriver.Measurement m = driver.run(2000, Duration.ofMillis(1500), null);

            assertThat(m.achievedRate()).isCloseTo(2000, within(100.0));
            assertThat(m.rejected()).isZero();
            assertThat(m.response().getTotalCount()).isEqualTo(m.completed());
            assertThat(m.service().getTotalCount()).isEqualTo(m.completed());
        }
    }

    @Test
    void beyondSaturationTheScheduleIsKeptAndTheRunStopsAtTheDuration() throws InterruptedException {
        // Each request takes >= 1 ms, so at most ~1000 of the 2000 due per second can start.
        OpenLoopDriver driver = new OpenLoopDriver(stallingEvery(1, 1), POOL, 1);
        long t0 = System.nanoTime();
        OpenLoopDriver.Measurement m = driver.run(2000, Duration.ofSeconds(1), null);
        long elapsed = System.nanoTime() - t0;

        assertThat(elapsed).as("stops at the duration, not after the backlog").isLessThan(1500 * MS);
        assertThat(m.achievedRate()).isLessThan(1100);
        assertThat(m.completed() + m.unstarted()).isEqualTo(2000);
        assertThat(m.response().getMaxValue()).as("queueing behind the schedule").isGreaterThanOrEqualTo(300 * MS);
        assertThat(m.service().getValueAtPercentile(50)).isLessThan(5 * MS);
    }

    @Test
    void calibrationMeasuresTheClosedLoopRate() throws InterruptedException {
        // A 1 ms service time caps one thread at 1000 req/s; two threads double it.
        double one = new OpenLoopDriver(stallingEvery(1, 1), POOL, 1).calibrate(Duration.ZERO, Duration.ofMillis(500));
        double two = new OpenLoopDriver(stallingEvery(1, 1), POOL, 2).calibrate(Duration.ZERO, Duration.ofMillis(500));

        assertThat(one).as("one thread").isBetween(200.0, 1001.0);
        assertThat(two).as("two threads, one thread at %.0f req/s", one).isGreaterThan(one * 1.3);
    }
}
