package org.authbench.apikey;

import java.util.Collection;
import java.util.List;
import org.authbench.auth.Authenticator;

/**
 * Where API keys live. As an {@link Authenticator}, every tier does the same work per request: refuse a
 * bad checksum before any lookup, hash the presented key (except {@code plain}), find the record, compare
 * hashes in constant time, refuse revoked or expired keys, return {@code (owner, id)}.
 *
 * <p>Thread-safe. {@link #close()} removes whatever the store created (its namespace) and nothing else.
 */
public interface ApiKeyStore extends Authenticator, AutoCloseable {

    /** Stores keys in bulk (seeding; never measured as part of a lookup). */
    void load(Collection<IssuedKey> keys);

    /**
     * Tells a cached tier which keys the workload presents, in presentation order, so it can hold exactly
     * {@link StoreOptions#cacheHitRatio()} of those presentations. Tiers without a cache hold every key
     * already and ignore it.
     */
    default void warm(List<IssuedKey> presented) {
    }

    /** Marks a key revoked; the next {@link #authenticate} of that key must refuse it. */
    void revoke(String keyId);

    @Override
    void close();
}
