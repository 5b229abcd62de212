package org.authbench.apikey;

/**
 * What a store tier needs to open: a namespace unique to this trial (schema, key prefix...) so two runs
 * never touch each other's data, and tier settings.
 *
 * @param namespace      unique per trial, e.g. {@code ab_<runid>}; stores create and remove only this
 * @param cacheHitRatio  for cached tiers: the fraction of presented keys the cache holds (0..1)
 */
public record StoreOptions(String namespace, double cacheHitRatio) {

    public static StoreOptions defaults() {
        return new StoreOptions("ab_" + Long.toHexString(System.nanoTime()) + "_" + ProcessHandle.current().pid(), 1.0);
    }
}
