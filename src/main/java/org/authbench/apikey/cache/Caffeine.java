package org.authbench.apikey.cache;

import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreTier;
import org.authbench.apikey.TierSettings;

/** A Caffeine cache holding {@code cacheHitRatio} of the presented keys, in front of {@code cacheBacking}. */
public final class Caffeine implements StoreTier {

    @Override
    public Facts facts() {
        return new Facts("cache", Where.IN_PROCESS, List.of("com.github.ben-manes.caffeine:caffeine"));
    }

    @Override
    public ApiKeyStore open(TierSettings settings) {
        return new CachedStore(settings.cacheBackingTable(), settings.cacheHitRatio());
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return settings.cacheBackingUnavailableReason();
    }
}
