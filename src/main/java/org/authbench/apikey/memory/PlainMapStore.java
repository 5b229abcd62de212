package org.authbench.apikey.memory;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.KeyChecks;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;

/**
 * The naive tier: a map from the key string itself. No hashing, and {@code String.equals} is not
 * constant-time; measured as the lower bound people quote, not as advice.
 */
public final class PlainMapStore implements ApiKeyStore {

    private final Map<String, ApiKeyRecord> byKey = new ConcurrentHashMap<>();
    private final Map<String, String> idToKey = new ConcurrentHashMap<>();

    @Override
    public void load(Collection<IssuedKey> keys) {
        for (IssuedKey k : keys) {
            byKey.put(k.key(), k.record());
            idToKey.put(k.record().id(), k.key());
        }
    }

    @Override
    public Principal authenticate(String presented) throws Rejected {
        KeyChecks.requireChecksum(presented);
        ApiKeyRecord r = byKey.get(presented);
        if (r == null) {
            throw new Rejected(Reason.UNKNOWN_KEY, "no such API key");
        }
        if (r.status() == ApiKeyRecord.Status.REVOKED) {
            throw new Rejected(Reason.REVOKED, "API key revoked");
        }
        KeyChecks.requireUnexpired(r);
        return new Principal(r.owner(), r.id());
    }

    @Override
    public void revoke(String keyId) {
        String key = idToKey.get(keyId);
        if (key != null) {
            byKey.computeIfPresent(key, (k, r) -> r.withStatus(ApiKeyRecord.Status.REVOKED));
        }
    }

    @Override
    public void close() {
        byKey.clear();
        idToKey.clear();
    }
}
