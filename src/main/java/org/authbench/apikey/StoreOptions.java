package org.authbench.apikey;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What a store tier needs to open: a namespace unique to this trial, so two runs never touch each other's
 * data, and where the servers are.
 *
 * <p>The namespace becomes a PostgreSQL schema, an H2 in-memory database name and a Redis key prefix
 * ({@code authbench:<namespace>:}); it is checked against {@link #NAMESPACE} because it is spliced into
 * DDL. Stores create only it and {@code close()} removes only it.
 *
 * @param namespace        unique per trial, {@code authbench_<random hex>} by default
 * @param cacheHitRatio    for the {@code caffeine} tier: the fraction of presented keys the cache holds (0..1]
 * @param cacheBacking     the tier behind the {@code caffeine} cache ({@code h2} by default)
 * @param postgresUrl      JDBC URL ({@code AUTHBENCH_POSTGRES_URL}, default loopback, standard port)
 * @param postgresUser     user ({@code AUTHBENCH_POSTGRES_USER}, default {@code postgres})
 * @param postgresPassword password ({@code AUTHBENCH_POSTGRES_PASSWORD}, default none)
 * @param redisUrl         {@code redis://host:port} ({@code AUTHBENCH_REDIS_URL}, default loopback, standard port)
 * @param pool             connections per store client (Jedis pool, HikariCP), {@link #DEFAULT_POOL} unless
 *                         {@code latency --pool} says otherwise: requests beyond it queue for a connection
 */
public record StoreOptions(String namespace, double cacheHitRatio, StoreKind cacheBacking, String postgresUrl,
        String postgresUser, String postgresPassword, String redisUrl, int pool) implements TierSettings {

    /** Connections per store client: enough for the benchmarks' 1 and 2 threads without queueing. */
    public static final int DEFAULT_POOL = 4;

    public StoreOptions(String namespace, double cacheHitRatio, StoreKind cacheBacking, String postgresUrl,
            String postgresUser, String postgresPassword, String redisUrl) {
        this(namespace, cacheHitRatio, cacheBacking, postgresUrl, postgresUser, postgresPassword, redisUrl, DEFAULT_POOL);
    }

    public static final String DEFAULT_POSTGRES_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";
    public static final String DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";
    /** Every namespace starts with this, so leftovers of a crashed run are recognisable as the suite's. */
    public static final String NAMESPACE_PREFIX = "authbench_";
    public static final Pattern NAMESPACE = Pattern.compile("authbench_[a-z0-9_]{1,40}");

    public StoreOptions {
        if (!NAMESPACE.matcher(namespace).matches()) {
            throw new IllegalArgumentException("namespace must match " + NAMESPACE + ", was '" + namespace + "'");
        }
        if (!(cacheHitRatio > 0 && cacheHitRatio <= 1)) {
            throw new IllegalArgumentException("cache hit ratio must be in (0, 1], was " + cacheHitRatio);
        }
        if (pool < 1) {
            throw new IllegalArgumentException("connection pool size must be at least 1, was " + pool);
        }
        if (cacheBacking == StoreKind.CAFFEINE) {
            throw new IllegalArgumentException("the caffeine tier needs a backing tier other than itself");
        }
    }

    /** Servers from the environment, a fresh namespace, hit ratio 1, H2 behind the cache. */
    public static StoreOptions defaults() {
        return new StoreOptions(newNamespace(), 1.0, StoreKind.H2,
                env("AUTHBENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL), env("AUTHBENCH_POSTGRES_USER", defaultPostgresUser()),
                env("AUTHBENCH_POSTGRES_PASSWORD", ""), env("AUTHBENCH_REDIS_URL", DEFAULT_REDIS_URL));
    }

    /**
     * The superuser the platform's PostgreSQL package creates: {@code postgres} on Linux packages and containers,
     * the login user on macOS (Homebrew and Postgres.app initialise the cluster as the user who installed them).
     */
    static String defaultPostgresUser() {
        return System.getProperty("os.name", "").startsWith("Mac") ? System.getProperty("user.name") : "postgres";
    }

    /** {@code authbench_<64 random bits in hex>}: unique across concurrent runs on one server. */
    public static String newNamespace() {
        return NAMESPACE_PREFIX + String.format(Locale.ROOT, "%016x", ThreadLocalRandom.current().nextLong());
    }

    public StoreOptions withNamespace(String ns) {
        return new StoreOptions(ns, cacheHitRatio, cacheBacking, postgresUrl, postgresUser, postgresPassword, redisUrl, pool);
    }

    public StoreOptions withCache(double hitRatio, StoreKind backing) {
        return new StoreOptions(namespace, hitRatio, backing, postgresUrl, postgresUser, postgresPassword, redisUrl, pool);
    }

    public StoreOptions withPostgresUrl(String url) {
        return new StoreOptions(namespace, cacheHitRatio, cacheBacking, url, postgresUser, postgresPassword, redisUrl, pool);
    }

    public StoreOptions withRedisUrl(String url) {
        return new StoreOptions(namespace, cacheHitRatio, cacheBacking, postgresUrl, postgresUser, postgresPassword, url, pool);
    }

    public StoreOptions withPool(int size) {
        return new StoreOptions(namespace, cacheHitRatio, cacheBacking, postgresUrl, postgresUser, postgresPassword, redisUrl, size);
    }

    @Override
    public KeyTable cacheBackingTable() {
        return cacheBacking.table(this);
    }

    @Override
    public String cacheBackingUnavailableReason() {
        return cacheBacking.unavailableReason(this);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
