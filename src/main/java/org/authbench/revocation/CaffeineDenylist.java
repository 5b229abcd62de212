package org.authbench.revocation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Clock;
import java.time.Duration;

/**
 * Revoked {@code jti}s in a Caffeine cache whose entries expire when their token does, so the denylist
 * stays as small as the set of revoked-but-still-valid tokens.
 */
public final class CaffeineDenylist implements Denylist {

    private final Cache<String, Long> denied;

    /** {@code clock} is the verifier's: an entry lives exactly as long as that verifier would accept its token. */
    public CaffeineDenylist(Clock clock) {
        denied = Caffeine.newBuilder()
                .expireAfter(Expiry.<String, Long>creating((jti, exp) ->
                        Duration.ofSeconds(Math.max(0, exp - clock.instant().getEpochSecond()))))
                .build();
    }

    @Override
    public void deny(String jti, long expiresAt) {
        denied.put(jti, expiresAt);
    }

    @Override
    public boolean contains(String jti) {
        return denied.getIfPresent(jti) != null;
    }

    @Override
    public void close() {
        denied.invalidateAll();
    }
}
