package org.authbench.apikey.cache;

import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreTier;
import org.authbench.apikey.TierSettings;

/** A Caffeine cache holding {@code cacheHitRatio} of the presented keys, in front of {@code cacheBacking}. */
public final class Caffeine implements StoreTier {

    @Override
    public ApiKeyStore open(TierSettings settings) {
        return new CachedStore(settings.cacheBackingTable(), settings.cacheHitRatio());
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return settings.cacheBackingUnavailableReason();
    }

    @Override
    public boolean needsServer() {
        return false;
    }

    @Override
    public boolean database() {
        return false;
    }

    @Override
    public String label() {
        return "cache";
    }

    @Override
    public List<String> coordinates() {
        return List.of("com.github.ben-manes.caffeine:caffeine");
    }
}
