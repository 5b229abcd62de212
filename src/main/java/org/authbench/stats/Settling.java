package org.authbench.stats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Whether a row settled: its measurement iterations show no drift within a fork, and its forks do not split
 * into groups (a JIT tier or inlining decision that one JVM took and another did not). A row that fails either
 * is flagged, not averaged away: its mean describes no JVM that ran.
 *
 * <p>Both tests need a practical size as well as significance, so a tiny but real drift on a quiet machine
 * does not flag every row.
 */
public final class Settling {

    /** Drift across one fork's measurement iterations, relative to the row's mean, that counts as a trend. */
    public static final double TREND = 0.05;
    /** Gap between groups of fork means, relative to the row's mean, that counts as a split. */
    public static final double SPLIT = 0.10;
    private static final double SIGNIFICANCE = 0.01;

    private Settling() {
    }

    /** Why the row did not settle; empty when it did (or when there is too little data to tell). */
    public static List<String> flags(Forked data) {
        List<String> flags = new ArrayList<>();
        double mean = data.mean();
        String trend = trend(data, mean);
        if (trend != null) {
            flags.add(trend);
        }
        String split = split(data, mean);
        if (split != null) {
            flags.add(split);
        }
        return flags;
    }

    private static String trend(Forked data, double mean) {
        int drifting = 0;
        double worst = 0;
        for (double[] fork : data.values()) {
            if (fork.length < 5) {
                continue;
            }
            SimpleRegression r = new SimpleRegression();
            for (int i = 0; i < fork.length; i++) {
                r.addData(i, fork[i]);
            }
            double drift = r.getSlope() * (fork.length - 1) / Math.abs(mean);
            if (r.getSignificance() < SIGNIFICANCE && Math.abs(drift) >= TREND) {
                drifting++;
                worst = Math.abs(drift) > Math.abs(worst) ? drift : worst;
            }
        }
        return drifting == 0 ? null
                : String.format("not steady: %d of %d forks drift (up to %+.0f%% across the iterations)", drifting,
                        data.forks(), worst * 100);
    }

    private static String split(Forked data, double mean) {
        double[] means = data.forkMeans();
        if (means.length < 2) {
            return null;
        }
        Arrays.sort(means);
        int at = 0;
        double gap = 0;
        for (int i = 1; i < means.length; i++) {
            if (means[i] - means[i - 1] > gap) {
                gap = means[i] - means[i - 1];
                at = i;
            }
        }
        double[] low = Arrays.copyOfRange(means, 0, at);
        double[] high = Arrays.copyOfRange(means, at, means.length);
        double spread = Math.max(range(low), range(high));
        double within;
        try {
            within = Math.sqrt(VarianceComponents.of(data).within());
        } catch (IllegalArgumentException oneIterationPerFork) {
            return null; // no noise within forks to set a gap against: a split cannot be told from noise
        }
        if (gap / Math.abs(mean) >= SPLIT && gap > 2 * spread && gap > 4 * within) {
            return String.format("forks split: %d around %.4g, %d around %.4g", low.length, StatUtils.mean(low),
                    high.length, StatUtils.mean(high));
        }
        return null;
    }

    private static double range(double[] v) {
        return v.length == 0 ? 0 : StatUtils.max(v) - StatUtils.min(v);
    }
}
