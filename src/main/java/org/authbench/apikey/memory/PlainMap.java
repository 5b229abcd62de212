package org.authbench.apikey.memory;

import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreTier;
import org.authbench.apikey.TierSettings;

/** In-process map keyed by the key string (naive lower bound). */
public final class PlainMap implements StoreTier {

    @Override
    public ApiKeyStore open(TierSettings settings) {
        return new PlainMapStore();
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
        return "in-process (plain map)";
    }

    @Override
    public List<String> coordinates() {
        return List.of();
    }
}
