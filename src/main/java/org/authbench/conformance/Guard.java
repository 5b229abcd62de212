package org.authbench.conformance;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * Runs each verification on a worker thread and waits at most {@code bound} for its verdict, so a verifier
 * that hangs on one input costs one timeout, not the whole run. A worker that overran is abandoned (a daemon
 * thread cannot be killed, only left behind) and a fresh one takes the next case.
 */
final class Guard implements AutoCloseable {

    /** A verification step: a principal, or {@link Rejected}; anything else is an error. */
    @FunctionalInterface
    interface Step {
        Principal run() throws Exception;
    }

    private final Duration bound;
    private ExecutorService worker;
    private int abandoned;

    Guard(Duration bound) {
        this.bound = bound;
        this.worker = newWorker();
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "conformance-worker");
            t.setDaemon(true);
            return t;
        });
    }

    Verdict run(Step step) {
        Callable<Verdict> task = () -> {
            long t0 = System.nanoTime();
            try {
                Principal p = step.run();
                return new Verdict(Verdict.Kind.ACCEPTED, null, p, System.nanoTime() - t0);
            } catch (Rejected e) {
                return new Verdict(Verdict.Kind.REJECTED, e.code(), null, System.nanoTime() - t0);
            } catch (Throwable e) { // StackOverflowError and OutOfMemoryError are findings, not crashes of the run
                return new Verdict(Verdict.Kind.ERROR, describe(e), null, System.nanoTime() - t0);
            }
        };
        Future<Verdict> f = worker.submit(task);
        try {
            return f.get(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            worker.shutdownNow();
            worker = newWorker();
            abandoned++;
            return new Verdict(Verdict.Kind.TIMEOUT, "no verdict within " + bound.toMillis() + " ms", null,
                    bound.toNanos());
        } catch (ExecutionException e) {
            return new Verdict(Verdict.Kind.ERROR, describe(e.getCause()), null, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    Duration bound() {
        return bound;
    }

    /** Workers left behind because they overran the bound. */
    int abandoned() {
        return abandoned;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        if (m != null && m.length() > 160) {
            m = m.substring(0, 160) + "...";
        }
        return e.getClass().getName() + (m == null ? "" : ": " + m);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
