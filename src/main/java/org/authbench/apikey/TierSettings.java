package org.authbench.apikey;

/**
 * What a store tier reads of {@link StoreOptions}: its namespace, where the servers are and, for the cache tier,
 * its hit ratio and the table behind it. Tiers see only this, so no store folder reaches back to {@link StoreKind}.
 */
public interface TierSettings {

    String namespace();

    double cacheHitRatio();

    String postgresUrl();

    String postgresUser();

    String postgresPassword();

    String redisUrl();

    /** Connections per store client. */
    int pool();

    /** Opens the table of the tier behind the cache. */
    KeyTable cacheBackingTable();

    /** Why the tier behind the cache cannot run here, or null. */
    String cacheBackingUnavailableReason();
}
