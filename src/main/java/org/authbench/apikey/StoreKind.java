package org.authbench.apikey;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.authbench.apikey.cache.Caffeine;
import org.authbench.apikey.jdbc.H2;
import org.authbench.apikey.jdbc.Postgres;
import org.authbench.apikey.memory.HashedMap;
import org.authbench.apikey.memory.PlainMap;
import org.authbench.apikey.redis.Redis;

/**
 * The API-key store tiers. Each constant delegates to its tier's {@link StoreTier}, which lives in the store's
 * folder. The JMH {@code @Param} of {@code ApiKeyLookupBenchmark} and {@code RevocationBenchmark}
 * ({@code -p store=HASHED}), which run every constant. Nothing connects until {@link #open} or
 * {@link #unavailableReason} is called, so a missing server affects only its own rows.
 */
public enum StoreKind {
    PLAIN(new PlainMap()),
    HASHED(new HashedMap()),
    CAFFEINE(new Caffeine()),
    H2(new H2()),
    POSTGRES(new Postgres()),
    REDIS(new Redis());

    private final StoreTier tier;

    StoreKind(StoreTier tier) {
        this.tier = tier;
    }

    /**
     * Opens (connects, creates the namespace) a store. Throws {@link StoreUnavailableException} when the
     * tier's server cannot be reached, so callers can skip its rows with a clear message.
     */
    public ApiKeyStore open(StoreOptions options) {
        return tier.open(options);
    }

    /** The storage of a table-backed tier; the tiers that can stand behind the {@code caffeine} cache. */
    KeyTable table(StoreOptions options) {
        if (tier instanceof TableTier t) {
            return t.table(options);
        }
        throw new IllegalArgumentException(cliName() + " cannot back the caffeine tier (choose from " + Stream.of(values())
                .filter(k -> k.tier instanceof TableTier).map(StoreKind::cliName).collect(Collectors.joining(", ")) + ")");
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
        return tier.unavailableReason(options);
    }

    /** Whether this tier needs a server outside the JVM. */
    public boolean needsServer() {
        return tier.facts().where() == StoreTier.Where.DATABASE_SERVER;
    }

    /** Whether a lookup goes to a database (H2, Redis, PostgreSQL) rather than memory of this JVM. */
    public boolean database() {
        return tier.facts().where() != StoreTier.Where.IN_PROCESS;
    }

    /** How a report names the tier: "in-process", "in-process (plain map)", "cache", "embedded SQL", ... */
    public String label() {
        return tier.facts().label();
    }

    /** Maven coordinates ({@code group:artifact}) of the tier's client libraries. */
    public List<String> coordinates() {
        return tier.facts().coordinates();
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
        String choices = Stream.of(values()).map(StoreKind::cliName).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("unknown store '" + name + "' (choose from " + choices + ")");
    }
}
