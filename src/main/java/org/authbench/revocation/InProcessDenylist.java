package org.authbench.revocation;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A concurrent set of revoked {@code jti}s in this JVM: the floor of a denylist check. Entries are not
 * expired: benchmark and test lifetimes are shorter than any token's.
 */
public final class InProcessDenylist implements Denylist {

    private final Set<String> denied = ConcurrentHashMap.newKeySet();

    @Override
    public void deny(String jti, long expiresAt) {
        denied.add(jti);
    }

    @Override
    public boolean contains(String jti) {
        return denied.contains(jti);
    }

    @Override
    public void close() {
        denied.clear();
    }
}
