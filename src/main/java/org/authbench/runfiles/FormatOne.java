package org.authbench.runfiles;

import java.util.List;

/**
 * What format-version-1 runs did not record and readers need: one table, used only when a manifest lacks the
 * fact (every run made before the manifest recorded it). Newer runs record these facts themselves.
 */
public final class FormatOne {

    /** The store tiers of the suite when the manifest did not describe them, in the order the claims name them. */
    public static final List<Manifest.StoreTier> STORE_CATALOGUE = List.of(
            new Manifest.StoreTier("HASHED", "in-process", false),
            new Manifest.StoreTier("PLAIN", "in-process (plain map)", false),
            new Manifest.StoreTier("CAFFEINE", "cache", false),
            new Manifest.StoreTier("H2", "embedded SQL", true),
            new Manifest.StoreTier("REDIS", "Redis", true),
            new Manifest.StoreTier("POSTGRES", "PostgreSQL", true));

    private FormatOne() {
    }
}
