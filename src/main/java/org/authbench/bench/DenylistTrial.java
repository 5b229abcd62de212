package org.authbench.bench;

import java.time.Clock;
import java.util.Locale;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.net.DelayProxy;
import org.authbench.net.ProxyDelays;
import org.authbench.net.Remote;
import org.authbench.net.Route;
import org.authbench.net.Rtt;
import org.authbench.revocation.Denylist;
import org.authbench.revocation.DenylistKind;

/**
 * A denylist opened for one trial, through a {@link DelayProxy} at an {@code rtt} other than {@code direct} (only the
 * {@code REDIS} denylist has a network hop). {@link Opened#close} closes the list, then the proxy; a shutdown hook of
 * the fork does the same when the trial never reaches its teardown.
 */
final class DenylistTrial {

    private DenylistTrial() {
    }

    /** An open denylist and the proxy it connects through (null at {@code direct}). */
    record Opened(Denylist list, DelayProxy proxy, Thread hook) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook is running: it closes both
            }
            closeBoth(list, proxy);
        }
    }

    static Opened open(DenylistKind kind, StoreOptions options, Clock clock, String rtt) {
        Rtt r = Rtt.parse(rtt);
        DelayProxy proxy = null;
        if (!r.direct()) {
            if (kind != DenylistKind.REDIS) {
                throw new IllegalArgumentException("rtt " + r.label() + " needs a remote denylist: "
                        + kind.name().toLowerCase(Locale.ROOT) + " has no network hop");
            }
            Remote server = Route.server(StoreKind.REDIS, options);
            proxy = DelayProxy.open(r, ProxyDelays.forFork(StoreKind.REDIS, r), 0, server.host(), server.port());
            options = Route.via(StoreKind.REDIS, options, proxy);
        }
        Denylist list;
        try {
            list = kind.open(options, clock);
        } catch (RuntimeException e) {
            if (proxy != null) {
                proxy.close();
            }
            throw e;
        }
        DelayProxy p = proxy;
        Thread hook = new Thread(() -> closeBoth(list, p), "authbench-denylist-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        return new Opened(list, proxy, hook);
    }

    private static void closeBoth(Denylist list, DelayProxy proxy) {
        try {
            list.close();
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }
}
