package org.authbench.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.authbench.net.DelayProxy;
import org.authbench.net.ProxyDelays;
import org.authbench.net.Remote;
import org.authbench.net.Route;
import org.authbench.net.Rtt;

/**
 * A store tier opened for one trial: seeded in batches (timed apart from the lookups and printed to the
 * run log as {@code seeding <tier>: N keys in T ms}), told which keys the workload presents (so a cache
 * holds exactly its hit ratio of them), then proven: every hit authenticates to its principal, misses,
 * bad checksums, the revoked keys and the expired key are refused for the right reason. A store that fails is
 * closed, so its namespace is removed even when the trial does not start. A store that opened is closed by the
 * trial's {@code @TearDown} through {@link #close}, or, when the trial never gets there (JMH skips {@code @TearDown}
 * after a benchmark throws, and a run stopped by SIGTERM ends its forks), by a shutdown hook of the fork.
 *
 * <p>At an {@code rtt} other than {@code direct}, the trial first opens a {@link DelayProxy} in front of the store's
 * server (the cache's backing for {@code caffeine}) and the store connects through it; the proxy is closed after the
 * store, on every one of those paths. An in-process tier at such an {@code rtt} fails the trial before anything opens.
 */
final class StoreTrial {

    /** Shutdown hooks of the stores still open in this JVM. */
    private static final Map<ApiKeyStore, Thread> CLEANUP = new ConcurrentHashMap<>();

    /** The delay proxy each open store connects through (none at {@code rtt=direct}). */
    private static final Map<ApiKeyStore, DelayProxy> PROXIES = new ConcurrentHashMap<>();

    private StoreTrial() {
    }

    /** A trial's {@code @TearDown}: closes its store now, and withdraws the shutdown hook that would have. */
    static void close(ApiKeyStore store) {
        Thread hook = CLEANUP.remove(store);
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook is running or about to: it closes the store
            }
        }
        closeWithProxy(store);
    }

    private static void closeWithProxy(ApiKeyStore store) {
        DelayProxy proxy = PROXIES.remove(store);
        try {
            store.close();
        } finally {
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    static ApiKeyStore open(StoreKind kind, StoreOptions options, ApiKeyFixture fixture) {
        return open(kind, options, fixture, Rtt.DIRECT_LABEL);
    }

    /** As {@link #open(StoreKind, StoreOptions, ApiKeyFixture)}, through a delay proxy at {@code rtt} unless direct. */
    static ApiKeyStore open(StoreKind kind, StoreOptions options, ApiKeyFixture fixture, String rtt) {
        Rtt r = Rtt.parse(rtt);
        String why = Route.notApplicable(kind, options, r);
        if (why != null) {
            throw new IllegalArgumentException(why);
        }
        DelayProxy proxy = null;
        if (!r.direct()) {
            StoreKind remote = Route.remote(kind, options);
            Remote server = Route.server(remote, options);
            proxy = DelayProxy.open(r, ProxyDelays.forFork(remote, r), 0, server.host(), server.port());
            options = Route.via(remote, options, proxy);
            System.out.printf(Locale.ROOT, "rtt %s: %s reached through %s at %s%n", r.label(), remote.cliName(),
                    DelayProxy.INJECTOR, proxy.address());
        }
        ApiKeyStore store;
        try {
            store = kind.open(options);
        } catch (RuntimeException e) {
            if (proxy != null) {
                proxy.close();
            }
            throw e;
        }
        if (proxy != null) {
            PROXIES.put(store, proxy);
        }
        try {
            long start = System.nanoTime();
            store.load(fixture.issued());
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "seeding %s: %d keys in %.0f ms (%.0f keys/s), namespace %s%n",
                    kind.cliName(), fixture.issued().size(), millis, fixture.issued().size() / (millis / 1000),
                    options.namespace());
            store.warm(presented(fixture));
            prove(kind.cliName(), store, fixture);
            Thread hook = new Thread(() -> closeWithProxy(store), "authbench-store-cleanup " + options.namespace());
            Runtime.getRuntime().addShutdownHook(hook);
            CLEANUP.put(store, hook);
            return store;
        } catch (RuntimeException e) {
            closeWithProxy(store);
            throw e;
        }
    }

    /** Whether a delay proxy of this JVM's trials is still open (tests of the cleanup paths ask). */
    static int openProxies() {
        return (int) PROXIES.values().stream().filter(DelayProxy::isOpen).count();
    }

    /** The issued keys behind the fixture's hit pool, in presentation order. */
    static List<IssuedKey> presented(ApiKeyFixture fixture) {
        Map<String, IssuedKey> byKey = new HashMap<>();
        for (IssuedKey k : fixture.issued()) {
            byKey.put(k.key(), k);
        }
        List<IssuedKey> out = new ArrayList<>();
        for (String hit : fixture.hits()) {
            out.add(byKey.get(hit));
        }
        return out;
    }

    static void prove(String what, ApiKeyStore store, ApiKeyFixture fixture) {
        String[] hits = fixture.hits();
        Principal[] expected = new Principal[hits.length];
        for (int i = 0; i < hits.length; i++) {
            expected[i] = fixture.hitPrincipal(i);
        }
        Preflight.mustAccept("store " + what, store, hits, expected);
        Preflight.mustReject("store " + what, store, Rejected.Reason.UNKNOWN_KEY, fixture.misses());
        Preflight.mustReject("store " + what, store, Rejected.Reason.BAD_CHECKSUM, fixture.badChecksums());
        Preflight.mustReject("store " + what, store, Rejected.Reason.REVOKED, fixture.revoked());
        // Proves the stored expiry reaches the verdict, so the hits' clock read is a real check.
        Preflight.mustReject("store " + what, store, Rejected.Reason.KEY_EXPIRED, fixture.expired());
    }
}
