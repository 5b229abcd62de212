package org.authbench.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.DelayThrottler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

/**
 * NetCrusher's {@link TcpCrusher} between an ephemeral loopback port and a store's host:port, delaying each
 * direction by half the round trip with its {@link DelayThrottler} (plus up to {@code jitter / 2} each way, uniform).
 * {@code 0us} runs the same path with no delay: the proxy's own cost. {@link #close} closes the crusher, its
 * and its reactor thread; closing twice is harmless.
 *
 * <p>Warning: NetCrusher sends a delayed buffer only when its selector wakes, once per reactor tick (1 ms, its
 * finest) on an idle connection, so a delay under a tick per direction comes out as a tick: every setting up to 2 ms
 * measured ~2.3 ms here. The calibration ({@code network.json}) flags each setting it does not hold; waking the
 * selector from a timer thread at each deadline made its loop spin, so it is not done.
 */
public final class DelayProxy implements AutoCloseable {

    /** What {@code network.json} and the manifest name as the injector. */
    public static final String INJECTOR = "netcrusher";
    public static final String VERSION = "0.10";

    /** Reactor tick, ms: how long its selector may sleep; delayed buffers are scheduled between ticks. */
    private static final long TICK_MILLIS = 1;

    private final Rtt rtt;
    private final NioReactor reactor;
    private final TcpCrusher crusher;
    private final InetSocketAddress address;

    private DelayProxy(Rtt rtt, NioReactor reactor, TcpCrusher crusher, InetSocketAddress address) {
        this.rtt = rtt;
        this.reactor = reactor;
        this.crusher = crusher;
        this.address = address;
    }

    /**
     * Opens a proxy on a free loopback port to {@code host:port} adding {@code rtt}. A port that cannot be bound is
     * an {@link UncheckedIOException} naming it; the reactor is closed then.
     */
    public static DelayProxy open(Rtt rtt, long jitterNanos, String host, int port) {
        if (rtt.direct()) {
            throw new IllegalArgumentException("rtt direct needs no proxy");
        }
        return open(rtt, jitterNanos, host, port, freeLoopbackPort());
    }

    /** As {@link #open(Rtt, long, String, int)} on a given local port (a busy port is the error a test provokes). */
    public static DelayProxy open(Rtt rtt, long jitterNanos, String host, int port, int localPort) {
        NioReactor reactor;
        try {
            reactor = new NioReactor(TICK_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the delay proxy's reactor: " + e.getMessage(), e);
        }
        InetSocketAddress bind = new InetSocketAddress("127.0.0.1", localPort);
        try {
            TcpCrusherBuilder b = TcpCrusherBuilder.builder()
                    .withReactor(reactor)
                    .withBindAddress(bind)
                    .withConnectAddress(host, port)
                    .withTcpNoDelay(true);
            if (rtt.nanos() > 0 || jitterNanos > 0) {
                long half = rtt.nanos() / 2;
                long jitter = jitterNanos / 2;
                b.withOutgoingThrottlerFactory(a -> new DelayThrottler(half, jitter, TimeUnit.NANOSECONDS))
                        .withIncomingThrottlerFactory(a -> new DelayThrottler(half, jitter, TimeUnit.NANOSECONDS));
            }
            return new DelayProxy(rtt, reactor, b.buildAndOpen(), bind);
        } catch (RuntimeException e) {
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
        return crusher.isOpen() || reactor.isOpen();
    }

    @Override
    public void close() {
        try {
            if (crusher.isOpen()) {
                crusher.close();
            }
        } finally {
            reactor.close();
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
