package org.authbench.apikey.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.KeyChecks;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.Sha256Key;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * The {@code caffeine} tier: a Caffeine cache of records (SHA-256 → record) in front of a backing
 * {@link KeyTable} (H2 by default). The cache holds records, not verdicts, so a cached lookup still does
 * the checksum, the hash, the constant-time compare and the status check.
 *
 * <p>Hit ratio: the cache holds the first keys of the presentation order until {@code hitRatio} of the
 * presentations are covered, and is bounded to that many entries. {@link #load} assumes the stored keys
 * are presented uniformly; {@link #warm} gives the real order and makes the ratio exact. A miss reads the
 * backing table and is deliberately not cached: a read-through cache would converge to a ratio set by its
 * eviction policy, not by the parameter. Revocation writes the backing table, then invalidates the cache
 * entry, so the next lookup reads the new status.
 */
public final class CachedStore implements ApiKeyStore {

    private final KeyTable backing;
    private final double hitRatio;
    private volatile Cache<Sha256Key, ApiKeyRecord> cache = Caffeine.newBuilder().maximumSize(0).build();
    /** Key id → cache key of the records the cache was filled with: revoke knows what to invalidate. */
    private volatile Map<String, Sha256Key> cachedIds = Map.of();

    public CachedStore(KeyTable backing, double hitRatio) {
        this.backing = backing;
        this.hitRatio = hitRatio;
    }

    @Override
    public void load(Collection<IssuedKey> keys) {
        List<ApiKeyRecord> records = new ArrayList<>(keys.size());
        for (IssuedKey k : keys) {
            records.add(k.record());
        }
        backing.insert(records);
        cache = cacheFirst(records, false);
    }

    @Override
    public void warm(List<IssuedKey> presented) {
        List<ApiKeyRecord> records = new ArrayList<>(presented.size());
        for (IssuedKey k : presented) {
            records.add(k.record());
        }
        cache = cacheFirst(records, true);
    }

    /**
     * A cache of the first distinct records in {@code presented} covering {@code hitRatio} of its entries;
     * with {@code fromBacking} the cached records are read back from the table (current status).
     */
    private Cache<Sha256Key, ApiKeyRecord> cacheFirst(List<ApiKeyRecord> presented, boolean fromBacking) {
        Map<Sha256Key, ApiKeyRecord> first = new LinkedHashMap<>();
        Map<Sha256Key, Integer> presentations = new HashMap<>();
        for (ApiKeyRecord r : presented) {
            Sha256Key h = new Sha256Key(r.sha256());
            first.putIfAbsent(h, r);
            presentations.merge(h, 1, Integer::sum);
        }
        long target = (long) Math.ceil(hitRatio * presented.size());
        Map<Sha256Key, ApiKeyRecord> hot = new LinkedHashMap<>();
        long covered = 0;
        for (Map.Entry<Sha256Key, ApiKeyRecord> e : first.entrySet()) {
            if (covered >= target) {
                break;
            }
            hot.put(e.getKey(), fromBacking ? backing.find(e.getKey().digest()) : e.getValue());
            covered += presentations.get(e.getKey());
        }
        Cache<Sha256Key, ApiKeyRecord> c = Caffeine.newBuilder().maximumSize(Math.max(1, hot.size())).build();
        Map<String, Sha256Key> ids = new HashMap<>();
        hot.forEach((h, r) -> {
            if (r != null) {
                c.put(h, r);
                ids.put(r.id(), h);
            }
        });
        cachedIds = ids;
        return c;
    }

    @Override
    public Principal authenticate(String presented) throws Rejected {
        byte[] hash = KeyChecks.checkedSha256(presented);
        Sha256Key key = new Sha256Key(hash);
        ApiKeyRecord r = cache.getIfPresent(key);
        if (r == null) {
            r = backing.find(hash);
        }
        return KeyChecks.verdict(r, hash);
    }

    @Override
    public void revoke(String keyId) {
        backing.setStatus(keyId, ApiKeyRecord.Status.REVOKED);
        Sha256Key cached = cachedIds.get(keyId);
        if (cached != null) {
            cache.invalidate(cached);
        }
    }

    @Override
    public void close() {
        cache.invalidateAll();
        backing.close();
    }
}
