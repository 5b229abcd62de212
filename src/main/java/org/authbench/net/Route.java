package org.authbench.net;

import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;

/**
 * Which server a store's lookups cross the network to, and the store options that send them through a
 * {@link DelayProxy} instead. Only {@code REDIS} and {@code POSTGRES} are remote; a {@code caffeine} cache is remote
 * through its backing; {@code plain}, {@code hashed} and {@code h2} live in the benchmark's own process and have no
 * round trip to delay.
 */
public final class Route {

    private Route() {
    }

    /** The remote tier {@code kind}'s lookups reach (the cache's backing for {@code caffeine}), or null. */
    public static StoreKind remote(StoreKind kind, StoreOptions options) {
        StoreKind target = kind == StoreKind.CAFFEINE ? options.cacheBacking() : kind;
        return target == StoreKind.REDIS || target == StoreKind.POSTGRES ? target : null;
    }

    /** The server of a remote tier. */
    public static Remote server(StoreKind remote, StoreOptions options) {
        return remote == StoreKind.REDIS ? Remote.ofRedisUrl(options.redisUrl()) : Remote.ofPostgresUrl(options.postgresUrl());
    }

    /** {@code options} with {@code remote}'s URL pointing at {@code proxy}. */
    public static StoreOptions via(StoreKind remote, StoreOptions options, DelayProxy proxy) {
        int port = proxy.address().getPort();
        return remote == StoreKind.REDIS ? options.withRedisUrl(Remote.redisUrlVia(options.redisUrl(), port))
                : options.withPostgresUrl(Remote.postgresUrlVia(options.postgresUrl(), port));
    }

    /** Why {@code rtt} cannot apply to {@code kind}, or null when it can (always for {@code direct}). */
    public static String notApplicable(StoreKind kind, StoreOptions options, Rtt rtt) {
        if (rtt.direct() || remote(kind, options) != null) {
            return null;
        }
        return "rtt " + rtt.label() + " needs a remote store: " + kind.cliName()
                + (kind == StoreKind.CAFFEINE ? " over " + options.cacheBacking().cliName() : "") + " has no network hop";
    }
}
