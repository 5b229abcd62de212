package org.authbench.apikey;

import java.util.List;

/**
 * Everything the suite knows about one API-key store tier, kept in the store's own folder ({@code apikey/<store>/})
 * and reached only through its {@link StoreKind} constant. Every method is abstract, so a tier that lacks a part
 * does not compile.
 */
public interface StoreTier {

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

    /** Whether this tier needs a server outside the JVM. */
    boolean needsServer();

    /** Whether a lookup goes to a database (embedded or a server) rather than memory of this JVM. */
    boolean database();

    /** How a report names the tier: "in-process", "cache", "embedded SQL", "Redis", ... */
    String label();

    /** Maven coordinates ({@code group:artifact}) of its client libraries, whose versions a run records. */
    List<String> coordinates();
}
