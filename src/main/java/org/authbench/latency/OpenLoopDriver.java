package org.authbench.latency;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * Drives one {@link Authenticator} at a fixed request rate (open loop) and records, per request, the
 * <em>response time</em> (completion − when the request was due: coordinated-omission corrected) and the
 * <em>service time</em> (completion − when it actually started) into HdrHistogram {@link Recorder}s.
 *
 * <p>Request {@code i} is due at {@code start + i/R}; with {@code T} threads, thread {@code k} serves the
 * requests {@code i ≡ k (mod T)}. A thread that falls behind does not skip or re-plan: it starts the next
 * due request at once, so a stall shows as the response time of every request queued behind it. At the
 * duration the driver stops; requests that were due but never started are counted, not timed. Memory is
 * fixed: two recorders and two accumulated histograms per run, no per-request data. Values are recorded
 * in nanoseconds.
 *
 * <p>{@link #calibrate} runs the same request loop closed (no schedule, every thread back-to-back) to
 * estimate the maximum rate in this JVM; it is a calibration for choosing rates, not the JMH number.
 */
public final class OpenLoopDriver {

    /** Length of one interval histogram in the {@code .hlog}. */
    public static final long LOG_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** Tag of service-time histograms in the {@code .hlog}; response-time histograms are untagged, so HdrHistogram's tools show them by default. */
    public static final String SERVICE_TAG = "service";
    /**
     * Park until this close to the due time, then spin: a parked thread wakes up to ~60 µs late on Linux,
     * which would otherwise dominate the response time of a sub-microsecond lookup.
     */
    private static final long SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Authenticator authenticator;
    private final String[] credentials;
    private final int mask;
    private final int threads;

    public OpenLoopDriver(Authenticator authenticator, String[] credentials, int threads) {
        if (Integer.bitCount(credentials.length) != 1) {
            throw new IllegalArgumentException("credential pool must be a power of two, was " + credentials.length);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.authenticator = authenticator;
        this.credentials = credentials.clone();
        this.mask = credentials.length - 1;
        this.threads = threads;
    }

    /** What one fixed-rate run measured. Histograms hold nanoseconds. */
    public record Measurement(double intendedRate, double seconds, long completed, long unstarted, long rejected,
                              Histogram response, Histogram service) {
        /** Completed requests per second of the run's duration. */
        public double achievedRate() {
            return completed / seconds;
        }
    }

    /**
     * Closed loop: every thread sends back-to-back for {@code warmup}, then for {@code measure}; returns the
     * requests per second completed during {@code measure}.
     */
    public double calibrate(Duration warmup, Duration measure) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        Phase phase = new Phase(end + TimeUnit.MINUTES.toNanos(1));
        long[] counts = new long[threads];
        phase.runThreads(k -> {
            long n = 0;
            for (long i = k; ; i += threads) {
                long begin = System.nanoTime();
                if (begin >= end) {
                    break;
                }
                phase.request(i, begin, begin);
                if (begin >= measureFrom) {
                    n++;
                }
            }
            counts[k] = n;
        }, null, null);
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        return total / (measure.toNanos() / 1e9);
    }

    /**
     * Open loop at {@code rate} requests per second for {@code duration}. Interval histograms go to
     * {@code log} every {@link #LOG_INTERVAL_NANOS} when it is not null (warmup passes null).
     */
    public Measurement run(double rate, Duration duration, HistogramLogWriter log) throws InterruptedException {
        if (!(rate > 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be a positive number of requests per second, was " + rate);
        }
        double period = 1e9 / rate;
        long durationNanos = duration.toNanos();
        // Fixed size: no response can exceed the duration by more than the last request's own time.
        Phase phase = new Phase(durationNanos + TimeUnit.MINUTES.toNanos(1));
        long[] completed = new long[threads];
        long[] unstarted = new long[threads];
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        long end = start + durationNanos;
        if (log != null) {
            log.outputLogFormatVersion();
            log.outputStartTime(startMillis);
            log.setBaseTime(startMillis);
            log.outputLegend();
        }
        phase.runThreads(k -> {
            long i = k;
            long done = 0;
            for (; ; i += threads) {
                long offset = (long) (i * period);
                if (offset >= durationNanos) {
                    break;
                }
                long due = start + offset;
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                if (now < due) {
                    now = waitUntil(due);
                }
                phase.request(i, due, now);
                done++;
            }
            long missed = 0;
            for (; (long) (i * period) < durationNanos; i += threads) {
                missed++;
            }
            completed[k] = done;
            unstarted[k] = missed;
        }, log, start);
        return new Measurement(rate, durationNanos / 1e9, sum(completed), sum(unstarted), phase.rejected(),
                phase.responseTotal, phase.serviceTotal);
    }

    private static long waitUntil(long due) {
        long now;
        while ((now = System.nanoTime()) < due) {
            long remaining = due - now;
            if (remaining > SPIN_NANOS) {
                LockSupport.parkNanos(remaining - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
        return now;
    }

    private static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }

    /** Per-thread body of a phase, given the thread's index. */
    @FunctionalInterface
    private interface Body {
        void run(int thread);
    }

    /** The recorders and threads of one run or calibration. */
    private final class Phase {
        private final long highest;
        private final Recorder response;
        private final Recorder service;
        final Histogram responseTotal;
        final Histogram serviceTotal;
        private final long[] rejectedPerThread = new long[threads];
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private Histogram responseInterval;
        private Histogram serviceInterval;

        Phase(long highestNanos) {
            highest = highestNanos;
            response = new Recorder(1, highest, SIGNIFICANT_DIGITS);
            service = new Recorder(1, highest, SIGNIFICANT_DIGITS);
            responseTotal = new Histogram(1, highest, SIGNIFICANT_DIGITS);
            serviceTotal = new Histogram(1, highest, SIGNIFICANT_DIGITS);
        }

        /** One request: credential {@code i} of the pool, due at {@code due}, started at {@code started}. */
        void request(long i, long due, long started) {
            try {
                Principal p = authenticator.authenticate(credentials[(int) i & mask]);
                if (p == null) {
                    throw new IllegalStateException("authenticator returned null for a valid credential");
                }
            } catch (Rejected e) {
                // The pool was proven valid before timing; a refusal now (e.g. a store losing keys) is counted.
                rejectedPerThread[(int) (i % threads)]++;
            }
            long done = System.nanoTime();
            response.recordValue(Math.min(done - due, highest));
            service.recordValue(Math.min(done - started, highest));
        }

        long rejected() {
            return sum(rejectedPerThread);
        }

        /**
         * Runs {@code body} on every thread; meanwhile, when {@code log} is set, writes an interval histogram
         * pair every {@link #LOG_INTERVAL_NANOS} from {@code start}. Rethrows the first failure of a thread.
         */
        void runThreads(Body body, HistogramLogWriter log, Long start) throws InterruptedException {
            Thread[] workers = new Thread[threads];
            for (int k = 0; k < threads; k++) {
                int thread = k;
                workers[k] = new Thread(() -> {
                    try {
                        body.run(thread);
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    }
                }, "authbench-latency-" + k);
                workers[k].setDaemon(true);
            }
            for (Thread w : workers) {
                w.start();
            }
            long nextLog = start == null ? Long.MAX_VALUE : start + LOG_INTERVAL_NANOS;
            for (Thread w : workers) {
                while (w.isAlive()) {
                    long wait = nextLog - System.nanoTime();
                    if (wait <= 0) {
                        sample(log);
                        nextLog += LOG_INTERVAL_NANOS;
                    } else {
                        w.join(Math.min(wait / 1_000_000, 60_000), (int) (wait % 1_000_000));
                    }
                }
            }
            sample(log);
            Throwable t = failure.get();
            if (t instanceof RuntimeException re) {
                throw re;
            }
            if (t != null) {
                throw new IllegalStateException("load thread failed: " + t, t);
            }
        }

        private void sample(HistogramLogWriter log) {
            responseInterval = response.getIntervalHistogram(responseInterval);
            serviceInterval = service.getIntervalHistogram(serviceInterval);
            serviceInterval.setTag(SERVICE_TAG);
            if (log != null) {
                log.outputIntervalHistogram(responseInterval);
                log.outputIntervalHistogram(serviceInterval);
            }
            responseTotal.add(responseInterval);
            serviceTotal.add(serviceInterval);
        }
    }
}
