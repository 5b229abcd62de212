package org.authbench.apikey.memory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.KeyChecks;
import org.authbench.apikey.Sha256Key;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * In-process map from SHA-256(key) to record: the fastest a correct API-key check can be. A stolen copy
 * of this map does not yield usable keys.
 */
public final class HashedMapStore implements ApiKeyStore {

    private final Map<Sha256Key, ApiKeyRecord> byHash = new ConcurrentHashMap<>();
    private final Map<String, Sha256Key> idToHash = new ConcurrentHashMap<>();

    @Override
    public void load(Collection<IssuedKey> keys) {
        for (IssuedKey k : keys) {
            Sha256Key h = new Sha256Key(k.record().sha256());
            byHash.put(h, k.record());
            idToHash.put(k.record().id(), h);
        }
    }

    @Override
    public Principal authenticate(String presented) throws Rejected {
        byte[] hash = KeyChecks.checkedSha256(presented);
        return KeyChecks.verdict(byHash.get(new Sha256Key(hash)), hash);
    }

    @Override
    public void revoke(String keyId) {
        Sha256Key h = idToHash.get(keyId);
        if (h != null) {
            byHash.computeIfPresent(h, (k, r) -> r.withStatus(ApiKeyRecord.Status.REVOKED));
        }
    }

    @Override
    public void close() {
        byHash.clear();
        idToHash.clear();
    }
}
