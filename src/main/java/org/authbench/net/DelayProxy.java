package org.authbench.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.channels.Pipe;
import java.nio.channels.SelectionKey;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.DelayThrottler;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * NetCrusher's {@link TcpCrusher} between an ephemeral loopback port and a store's host:port, delaying each
 * direction by half the round trip with its {@link DelayThrottler} (plus up to {@code jitter / 2} each way, uniform).
 * {@code 0us} runs the same path with no delay: the proxy's own cost. {@link #close} closes the crusher, its
 * and its reactor thread; closing twice is harmless.
 *
 * <p>Warning: NetCrusher sends a delayed buffer only when its selector wakes, once per reactor tick (1 ms, its
 * finest) on an idle connection, so on its own a delay under a tick per direction comes out as a tick: every setting
 * up to 2 ms measured ~2.3 ms here. So each delayed buffer also schedules one byte into a pipe registered with the
 * reactor's selector, due just after the buffer's deadline: the selector wakes then and sends it. NetCrusher still
 * relays and delays; the calibration ({@code network.json}) says how close each setting gets.
 */
public final class DelayProxy implements AutoCloseable {

    /** What {@code network.json} and the manifest name as the injector. */
    public static final String INJECTOR = "netcrusher";
    public static final String VERSION = "0.10";

    /** Reactor tick, ms: how long its selector may sleep; delayed buffers are scheduled between ticks. */
    private static final long TICK_MILLIS = 1;

    /** Wake-ups come this long after a deadline, so the selector never wakes a hair early and sleeps a tick. */
    private static final long WAKE_MARGIN_NANOS = 5_000;

    private final Rtt rtt;
    private final NioReactor reactor;
    private final Waker waker;
    private final TcpCrusher crusher;
    private final InetSocketAddress address;

    private DelayProxy(Rtt rtt, NioReactor reactor, Waker waker, TcpCrusher crusher, InetSocketAddress address) {
        this.rtt = rtt;
        this.reactor = reactor;
        this.waker = waker;
        this.crusher = crusher;
        this.address = address;
    }

    /**
     * Opens a proxy on a free loopback port to {@code host:port} adding {@code rtt}. A port that cannot be bound is
     * an {@link UncheckedIOException} naming it; the reactor is closed then.
     */
    public static DelayProxy open(Rtt rtt, long jitterNanos, String host, int port) {
        return open(rtt, rtt.nanos(), jitterNanos, host, port);
    }

    /**
     * As {@link #open(Rtt, long, String, int)}, its throttlers set to {@code delayNanos} per round trip instead of the
     * setting's nominal delay: what the calibration found adds the setting ({@link ProxyDelays}).
     */
    public static DelayProxy open(Rtt rtt, long delayNanos, long jitterNanos, String host, int port) {
        if (rtt.direct()) {
            throw new IllegalArgumentException("rtt direct needs no proxy");
        }
        return open(rtt, delayNanos, jitterNanos, host, port, freeLoopbackPort());
    }

    /** As {@link #open(Rtt, long, String, int)} on a given local port (a busy port is the error a test provokes). */
    public static DelayProxy open(Rtt rtt, long jitterNanos, String host, int port, int localPort) {
        return open(rtt, rtt.nanos(), jitterNanos, host, port, localPort);
    }

    private static DelayProxy open(Rtt rtt, long delayNanos, long jitterNanos, String host, int port, int localPort) {
        NioReactor reactor;
        try {
            reactor = new NioReactor(TICK_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the delay proxy's reactor: " + e.getMessage(), e);
        }
        InetSocketAddress bind = new InetSocketAddress("127.0.0.1", localPort);
        Waker waker = null;
        try {
            waker = new Waker(reactor);
            Waker w = waker;
            TcpCrusherBuilder b = TcpCrusherBuilder.builder()
                    .withReactor(reactor)
                    .withBindAddress(bind)
                    .withConnectAddress(host, port)
                    .withTcpNoDelay(true);
            if (delayNanos > 0 || jitterNanos > 0) {
                long half = delayNanos / 2;
                long jitter = jitterNanos / 2;
                b.withOutgoingThrottlerFactory(a -> w.after(new DelayThrottler(half, jitter, TimeUnit.NANOSECONDS)))
                        .withIncomingThrottlerFactory(a -> w.after(new DelayThrottler(half, jitter, TimeUnit.NANOSECONDS)));
            }
            return new DelayProxy(rtt, reactor, waker, b.buildAndOpen(), bind);
        } catch (RuntimeException | IOException e) {
            if (waker != null) {
                waker.close();
            }
            reactor.close();
            throw new UncheckedIOException("delay proxy cannot bind " + bind.getHostString() + ":" + localPort + ": "
                    + rootMessage(e), e instanceof UncheckedIOException u ? u.getCause() : new IOException(e));
        }
    }

    /** Where clients connect instead of the store. */
    public InetSocketAddress address() {
        return address;
    }

    public Rtt rtt() {
        return rtt;
    }

    public boolean isOpen() {
        return crusher.isOpen() || reactor.isOpen() || waker.isOpen();
    }

    @Override
    public void close() {
        try {
            if (crusher.isOpen()) {
                crusher.close();
            }
        } finally {
            try {
                waker.close();
            } finally {
                reactor.close();
            }
        }
    }

    /**
     * Wakes the reactor's selector at a given time: a timer thread writes one byte into a pipe whose read end the
     * selector watches (and drains).
     */
    private static final class Waker implements AutoCloseable {
        private static final ByteBuffer ONE = ByteBuffer.allocateDirect(1);
        private final Pipe pipe;
        private final ScheduledExecutorService timer;

        Waker(NioReactor reactor) throws IOException {
            pipe = Pipe.open();
            pipe.source().configureBlocking(false);
            pipe.sink().configureBlocking(false);
            ByteBuffer drain = ByteBuffer.allocate(256);
            reactor.getSelector().register(pipe.source(), SelectionKey.OP_READ, key -> {
                while (pipe.source().read(drain.clear()) > 0) {
                    // emptied: the wake-up itself was the point
                }
            });
            timer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(() -> {
                    TimerSlack.minimise();
                    r.run();
                }, "authbench-delay-proxy-waker");
                t.setDaemon(true);
                return t;
            });
        }

        /** {@code delay}, with a wake-up scheduled just after each delayed buffer is due. */
        Throttler after(Throttler delay) {
            return buffer -> {
                long ns = delay.calculateDelayNs(buffer);
                if (ns > 0 && !timer.isShutdown()) {
                    timer.schedule(this::wake, ns + WAKE_MARGIN_NANOS, TimeUnit.NANOSECONDS);
                }
                return ns;
            };
        }

        private void wake() {
            try {
                synchronized (ONE) {
                    pipe.sink().write(ONE.clear());
                }
            } catch (IOException closed) {
                // the proxy is closing: nothing left to wake
            }
        }

        boolean isOpen() {
            return !timer.isTerminated() || pipe.source().isOpen();
        }

        @Override
        public void close() {
            timer.shutdownNow();
            try {
                // A closed proxy has no thread left: on a loaded machine the timer may still be finishing its last task.
                timer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            try {
                pipe.sink().close();
                pipe.source().close();
            } catch (IOException e) {
                // closing a pipe fails only if it is already gone
            }
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the delay proxy: " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }
}
