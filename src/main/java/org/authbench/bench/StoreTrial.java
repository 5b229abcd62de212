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

/**
 * A store tier opened for one trial: seeded in batches (timed apart from the lookups and printed to the
 * run log as {@code seeding <tier>: N keys in T ms}), told which keys the workload presents (so a cache
 * holds exactly its hit ratio of them), then proven: every hit authenticates to its principal, misses,
 * bad checksums, the revoked keys and the expired key are refused for the right reason. A store that fails is
 * closed, so its namespace is removed even when the trial does not start. A store that opened is closed by the
 * trial's {@code @TearDown} through {@link #close}, or, when the trial never gets there (JMH skips {@code @TearDown}
 * after a benchmark throws, and a run stopped by SIGTERM ends its forks), by a shutdown hook of the fork.
 */
final class StoreTrial {

    /** Shutdown hooks of the stores still open in this JVM. */
    private static final Map<ApiKeyStore, Thread> CLEANUP = new ConcurrentHashMap<>();

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
        store.close();
    }

    static ApiKeyStore open(StoreKind kind, StoreOptions options, ApiKeyFixture fixture) {
        ApiKeyStore store = kind.open(options);
        try {
            long start = System.nanoTime();
            store.load(fixture.issued());
            double millis = (System.nanoTime() - start) / 1e6;
            System.out.printf(Locale.ROOT, "seeding %s: %d keys in %.0f ms (%.0f keys/s), namespace %s%n",
                    kind.cliName(), fixture.issued().size(), millis, fixture.issued().size() / (millis / 1000),
                    options.namespace());
            store.warm(presented(fixture));
            prove(kind.cliName(), store, fixture);
            Thread hook = new Thread(store::close, "authbench-store-cleanup " + options.namespace());
            Runtime.getRuntime().addShutdownHook(hook);
            CLEANUP.put(store, hook);
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
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
