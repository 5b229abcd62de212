package org.authbench.apikey.memory;

import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreTier;
import org.authbench.apikey.TierSettings;

/** In-process map keyed by the key string (naive lower bound). */
public final class PlainMap implements StoreTier {

    @Override
    public Facts facts() {
        return new Facts("in-process (plain map)", Where.IN_PROCESS, List.of());
    }

    @Override
    public ApiKeyStore open(TierSettings settings) {
        return new PlainMapStore();
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return null;
    }
}
