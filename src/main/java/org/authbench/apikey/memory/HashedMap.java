package org.authbench.apikey.memory;

import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreTier;
import org.authbench.apikey.TierSettings;

/** In-process map keyed by SHA-256 of the key, constant-time compare. */
public final class HashedMap implements StoreTier {

    @Override
    public ApiKeyStore open(TierSettings settings) {
        return new HashedMapStore();
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return null;
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
        return "in-process";
    }

    @Override
    public List<String> coordinates() {
        return List.of();
    }
}
