package org.authbench.apikey;

import java.util.Locale;
import org.authbench.apikey.cache.CachedStore;
import org.authbench.apikey.jdbc.JdbcKeyTable;
import org.authbench.apikey.memory.HashedMapStore;
import org.authbench.apikey.memory.PlainMapStore;
import org.authbench.apikey.redis.RedisEndpoint;
import org.authbench.apikey.redis.RedisKeyTable;

/**
 * The API-key store tiers; each constant opens its store. The JMH {@code @Param} of
 * {@code ApiKeyLookupBenchmark} ({@code -p store=HASHED}). Nothing connects until {@link #open} or
 * {@link #unavailableReason} is called, so a missing server affects only its own rows.
 */
public enum StoreKind {
    /** In-process map keyed by the key string (naive lower bound). */
    PLAIN {
        @Override
        public ApiKeyStore open(StoreOptions options) {
            return new PlainMapStore();
        }
    },
    /** In-process map keyed by SHA-256 of the key, constant-time compare. */
    HASHED {
        @Override
        public ApiKeyStore open(StoreOptions options) {
            return new HashedMapStore();
        }
    },
    /** A Caffeine cache holding {@code cacheHitRatio} of the presented keys, in front of {@code cacheBacking}. */
    CAFFEINE {
        @Override
        public ApiKeyStore open(StoreOptions options) {
            return new CachedStore(options.cacheBacking().table(options), options.cacheHitRatio());
        }

        @Override
        public String unavailableReason(StoreOptions options) {
            return options.cacheBacking().unavailableReason(options);
        }
    },
    /** Embedded H2 in-memory database over JDBC: a database lookup without a server. */
    H2 {
        @Override
        KeyTable table(StoreOptions options) {
            return JdbcKeyTable.h2(options);
        }
    },
    /** A PostgreSQL server over JDBC and HikariCP ({@code AUTHBENCH_POSTGRES_URL}). */
    POSTGRES {
        @Override
        KeyTable table(StoreOptions options) {
            return JdbcKeyTable.postgres(options);
        }

        @Override
        public String unavailableReason(StoreOptions options) {
            return JdbcKeyTable.postgresUnavailableReason(options);
        }

        @Override
        public boolean needsServer() {
            return true;
        }
    },
    /** A Redis server through pooled Jedis ({@code AUTHBENCH_REDIS_URL}). */
    REDIS {
        @Override
        KeyTable table(StoreOptions options) {
            return RedisKeyTable.open(options);
        }

        @Override
        public String unavailableReason(StoreOptions options) {
            return RedisEndpoint.of(options.redisUrl()).unavailableReason();
        }

        @Override
        public boolean needsServer() {
            return true;
        }
    };

    /**
     * Opens (connects, creates the namespace) a store. Throws {@link StoreUnavailableException} when the
     * tier's server cannot be reached, so callers can skip its rows with a clear message.
     */
    public ApiKeyStore open(StoreOptions options) {
        return new TableStore(table(options));
    }

    /** The storage of a table-backed tier; the tiers that can stand behind the {@code caffeine} cache. */
    KeyTable table(StoreOptions options) {
        throw new IllegalArgumentException(cliName() + " cannot back the caffeine tier (choose h2, postgres or redis)");
    }

    /**
     * Null when the tier can run here with the servers named by the environment; otherwise one line saying
     * why not (e.g. "no Redis at 127.0.0.1:6379: Connection refused"), so its rows are skipped.
     */
    public String unavailableReason() {
        return unavailableReason(StoreOptions.defaults());
    }

    /** As {@link #unavailableReason()}, for the servers named by {@code options}. */
    public String unavailableReason(StoreOptions options) {
        return null;
    }

    /** Whether this tier needs a server outside the JVM. */
    public boolean needsServer() {
        return false;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static StoreKind parse(String name) {
        for (StoreKind k : values()) {
            if (k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (StoreKind k : values()) {
            choices.append(choices.length() == 0 ? "" : ", ").append(k.cliName());
        }
        throw new IllegalArgumentException("unknown store '" + name + "' (choose from " + choices + ")");
    }
}
