package org.authbench.revocation;

import java.time.Clock;
import java.util.Locale;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;

/** Where revoked {@code jti}s live; each constant opens its denylist. The JMH {@code @Param} {@code denylist}. */
public enum DenylistKind {
    /** A concurrent set in this JVM. */
    IN_PROCESS {
        @Override
        public Denylist open(StoreOptions options, Clock clock) {
            return new InProcessDenylist();
        }
    },
    /** A Caffeine cache expiring entries with their tokens. */
    CAFFEINE {
        @Override
        public Denylist open(StoreOptions options, Clock clock) {
            return new CaffeineDenylist(clock);
        }
    },
    /** A Redis set, {@code SISMEMBER} per request ({@code AUTHBENCH_REDIS_URL}). */
    REDIS {
        @Override
        public Denylist open(StoreOptions options, Clock clock) {
            return RedisDenylist.open(options);
        }

        @Override
        public String unavailableReason() {
            return StoreKind.REDIS.unavailableReason();
        }
    };

    /** Null when this denylist can run here; otherwise one line saying why not (its rows are skipped). */
    public String unavailableReason() {
        return null;
    }

    /**
     * Opens the denylist in {@code options.namespace()}, expiring entries by the verifier's {@code clock};
     * throws {@code StoreUnavailableException} (one line) when its server is missing.
     */
    public abstract Denylist open(StoreOptions options, Clock clock);

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
