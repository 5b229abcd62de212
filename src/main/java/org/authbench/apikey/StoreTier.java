package org.authbench.apikey;

import java.util.List;

/**
 * Everything the suite knows about one API-key store tier, kept in the store's own folder ({@code apikey/<store>/})
 * and reached only through its {@link StoreKind} constant. Every method is abstract and {@link Facts} takes every
 * fact in its constructor, so a tier that lacks a part does not compile.
 */
public interface StoreTier {

    /** Where a lookup goes. */
    enum Where {
        /** Memory of this JVM (maps, a cache). */
        IN_PROCESS,
        /** A database inside this JVM (H2). */
        EMBEDDED_DATABASE,
        /** A database server outside the JVM (Redis, PostgreSQL). */
        DATABASE_SERVER
    }

    /**
     * @param label       how a report names the tier: "in-process", "cache", "embedded SQL", "Redis", ...
     * @param where       where a lookup goes
     * @param coordinates Maven coordinates ({@code group:artifact}) of its client libraries, whose versions a run records
     */
    record Facts(String label, Where where, List<String> coordinates) {
    }

    Facts facts();

    /**
     * Opens (connects, creates the namespace) a store. Throws {@link StoreUnavailableException} when the tier's
     * server cannot be reached, so callers can skip its rows with a clear message.
     */
    ApiKeyStore open(TierSettings settings);

    /**
     * Null when the tier can run here with the servers named by {@code settings}; otherwise one line saying why
     * not (e.g. "no Redis at 127.0.0.1:6379: Connection refused"), so its rows are skipped.
     */
    String unavailableReason(TierSettings settings);
}
