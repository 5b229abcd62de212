package org.authbench.regress;

/**
 * How strict the gate is.
 *
 * @param threshold  smallest change that counts, as a fraction (0.05: a row must be more than 5% slower)
 * @param confidence level of the interval over forks; the U test must reach {@code p < 1 - confidence}
 * @param paired     fork {@code i} of a row on one side ran beside fork {@code i} on the other (a gate's rounds), so
 *                   rows are judged on the ratio within each pair
 */
public record GateSettings(double threshold, double confidence, boolean paired) {

    /** Fewer forks than this per side and fork-to-fork variation, the main noise, cannot be seen. */
    public static final int MIN_FORKS = 2;
    /** Fewer values than this per side and the U test cannot reach significance. */
    public static final int MIN_VALUES = 5;
    /** Allocation differences below this many bytes per operation are measurement dust, not a change. */
    public static final double ALLOCATION_DUST_BYTES = 1.0;

    public GateSettings {
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 100 percent (exclusive), got "
                    + threshold * 100);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be between 0.5 and 1 (exclusive), got " + confidence);
        }
    }

    public GateSettings withPaired(boolean paired) {
        return new GateSettings(threshold, confidence, paired);
    }

    public static GateSettings of(double thresholdPercent, double confidence) {
        return new GateSettings(thresholdPercent / 100, confidence, false);
    }
}
