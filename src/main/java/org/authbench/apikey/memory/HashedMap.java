package org.authbench.apikey.memory;

import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreTier;
import org.authbench.apikey.TierSettings;

/** In-process map keyed by SHA-256 of the key, constant-time compare. */
public final class HashedMap implements StoreTier {

    @Override
    public Facts facts() {
        return new Facts("in-process", Where.IN_PROCESS, List.of());
    }

    @Override
    public ApiKeyStore open(TierSettings settings) {
        return new HashedMapStore();
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return null;
    }
}
