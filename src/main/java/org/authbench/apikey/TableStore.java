package org.authbench.apikey;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * A hashed tier over a {@link KeyTable} (H2, PostgreSQL, Redis): checksum pre-check, SHA-256 of the
 * presented key, the table's lookup, constant-time compare and status verdict, exactly as the in-memory
 * {@code hashed} tier does around its map.
 */
public final class TableStore implements ApiKeyStore {

    private final KeyTable table;

    public TableStore(KeyTable table) {
        this.table = table;
    }

    @Override
    public void load(Collection<IssuedKey> keys) {
        List<ApiKeyRecord> records = new ArrayList<>(keys.size());
        for (IssuedKey k : keys) {
            records.add(k.record());
        }
        table.insert(records);
    }

    @Override
    public Principal authenticate(String presented) throws Rejected {
        byte[] hash = KeyChecks.checkedSha256(presented);
        return KeyChecks.verdict(table.find(hash), hash);
    }

    @Override
    public void revoke(String keyId) {
        table.setStatus(keyId, ApiKeyRecord.Status.REVOKED);
    }

    @Override
    public void close() {
        table.close();
    }
}
