package org.authbench.apikey;

import java.util.Locale;
import org.authbench.apikey.memory.HashedMapStore;
import org.authbench.apikey.memory.PlainMapStore;

/**
 * The API-key store tiers; each constant opens its store. The JMH {@code @Param} of
 * {@code ApiKeyLookupBenchmark} ({@code -p store=HASHED}).
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
    };

    /**
     * Opens (connects, creates the namespace) a store. Throws {@link StoreUnavailableException} when the
     * tier's server cannot be reached, so callers can skip its rows with a clear message.
     */
    public abstract ApiKeyStore open(StoreOptions options);

    /**
     * Null when the tier can run here; otherwise one line saying why not (e.g. "no PostgreSQL at
     * localhost:5432: connection refused"), so its rows are skipped instead of failing.
     */
    public String unavailableReason() {
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
