package org.authbench.apikey;

/** A tier whose storage is a {@link KeyTable}: it can stand behind the {@code caffeine} cache. */
public interface TableTier extends StoreTier {

    /** The tier's storage in {@code settings.namespace()}. */
    KeyTable table(TierSettings settings);

    /** The request checks of {@link TableStore} around {@link #table}. */
    @Override
    default ApiKeyStore open(TierSettings settings) {
        return new TableStore(table(settings));
    }
}
