package org.authbench.apikey;

import java.util.Collection;

/**
 * Storage behind a hashed tier: records by SHA-256 of the key, in one namespace. {@link TableStore} and
 * {@code cache.CachedStore} put the request checks ({@link KeyChecks}) around it, so every storage does
 * exactly the same work per request apart from its own lookup.
 */
public interface KeyTable extends AutoCloseable {

    /** Stores records in batches; seeding only, never part of a lookup. */
    void insert(Collection<ApiKeyRecord> records);

    /** The record stored under {@code sha256}, or null. */
    ApiKeyRecord find(byte[] sha256);

    /** Sets a key's status; false when there is no such id. */
    boolean setStatus(String keyId, ApiKeyRecord.Status status);

    /** Removes this table's namespace and releases connections. */
    @Override
    void close();
}
