package org.authbench.stats;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;
import org.apache.commons.math3.stat.regression.SimpleRegression;

/**
 * Where a fork's warmup really ended: the first measurement iteration from which the rest of the fork shows no trend
 * and no change point. Fixed warmup seconds are a guess made once for every row; JIT compilation of one library
 * settles in one second and of another in three. So a pass gives each fork a short fixed warmup (the floor) and
 * measures more iterations than it keeps; this test drops the leading iterations that are still warming up, never
 * more than half of them (Laaber et al., "Dynamically Reconfiguring Software Microbenchmarks", FSE 2020, stop warmup
 * by the same kind of test on the iteration series). A fork with no steady suffix keeps every iteration, and
 * {@link Settling} flags its drift.
 *
 * <p>Every test needs a practical size (2% of the suffix's mean) besides its statistical one (a first value outside the 99%
 * prediction interval of the rest; a trend or a step significant at 1%), so noise on a shared host does not
 * trim forks that were steady and a tiny real drift does not either.
 */
public final class SteadyState {

    /** Drift, or a jump between the two halves, relative to the mean, below which a suffix counts as steady. */
    public static final double PRACTICAL = 0.02;
    private static final double SIGNIFICANCE = 0.01;
    /** Fewer iterations than this cannot tell a trend from noise: the fork is kept whole. */
    private static final int MIN_LENGTH = 4;

    private SteadyState() {
    }

    /**
     * A row's forks with each fork's warmup tail removed.
     *
     * @param data      the steady part of every fork
     * @param dropped   iterations dropped over all forks
     * @param total     iterations there were
     * @param unsteady  forks with no steady suffix (kept whole)
     */
    public record Trim(Forked data, int dropped, int total, int unsteady) {
    }

    /**
     * The index of the first steady iteration of {@code series}: 0 when it was steady from the start (or is too short
     * to tell), -1 when no suffix of at least half the series is steady. The noise band comes from this series alone.
     */
    public static int start(double[] series) {
        return series.length < MIN_LENGTH ? 0 : start(series, band(List.<double[]>of(series)));
    }

    /** Every fork of {@code data} from its first steady iteration on, judged against the noise of all its forks. */
    public static Trim trim(Forked data) {
        double band = band(Arrays.asList(data.values()));
        double[][] kept = new double[data.forks()][];
        int dropped = 0;
        int total = 0;
        int unsteady = 0;
        for (int f = 0; f < kept.length; f++) {
            double[] fork = data.values()[f];
            int from = fork.length < MIN_LENGTH ? 0 : start(fork, band);
            if (from < 0) {
                unsteady++;
                from = 0;
            }
            kept[f] = Arrays.copyOfRange(fork, from, fork.length);
            dropped += from;
            total += fork.length;
        }
        return new Trim(new Forked(kept), dropped, total, unsteady);
    }

    private static int keep(int n) {
        return Math.max(3, (n + 1) / 2);
    }

    /**
     * Half-width of a 99% prediction interval for one more iteration, from the iterations after the last one that could
     * still be warmup (each fork's reference), pooled over forks: within-fork noise is alike across a row's forks, and
     * three forks' references give the test far more power than one's.
     */
    private static double band(List<double[]> forks) {
        double sumSquares = 0;
        int df = 0;
        int size = Integer.MAX_VALUE;
        for (double[] f : forks) {
            if (f.length < MIN_LENGTH) {
                continue;
            }
            double[] ref = reference(f);
            sumSquares += StatUtils.variance(ref) * (ref.length - 1);
            df += ref.length - 1;
            size = Math.min(size, ref.length);
        }
        return df == 0 ? 0 : ForkLevel.t(df, 1 - SIGNIFICANCE) * Math.sqrt(sumSquares / df * (1 + 1.0 / size));
    }

    /** The iterations after the last one that may be dropped: steady by assumption, since at most half go. */
    private static double[] reference(double[] series) {
        return Arrays.copyOfRange(series, series.length - keep(series.length) + 1, series.length);
    }

    private static int start(double[] series, double band) {
        int n = series.length;
        double reference = StatUtils.mean(reference(series));
        for (int from = 0; from <= n - keep(n); from++) {
            if (Math.abs(series[from] - reference) <= Math.max(PRACTICAL * Math.abs(reference), band)
                    && steady(Arrays.copyOfRange(series, from, n))) {
                return from;
            }
        }
        return -1;
    }

    /**
     * A suffix with no trend and no step between any two parts of it. {@link #start} also asks that its first value lie
     * within the noise band of the fork's last iterations, so a slow first iteration is cut and the next one tried.
     */
    private static boolean steady(double[] x) {
        if (x.length < 3) {
            return true;
        }
        double mean = Math.abs(StatUtils.mean(x));
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            r.addData(i, x[i]);
        }
        double drift = Math.abs(r.getSlope() * (x.length - 1)) / mean;
        if (drift >= PRACTICAL && r.getSignificance() < SIGNIFICANCE) {
            return false;
        }
        // A step (a late JIT recompilation, a GC policy change) hides from a straight line: try every split point,
        // at a significance shared among them so steady noise is not cut for having many chances.
        int splits = x.length - 3;
        for (int j = 2; j <= x.length - 2; j++) {
            double[] before = Arrays.copyOfRange(x, 0, j);
            double[] after = Arrays.copyOfRange(x, j, x.length);
            double jump = Math.abs(StatUtils.mean(before) - StatUtils.mean(after)) / mean;
            if (jump < PRACTICAL) {
                continue;
            }
            if (StatUtils.variance(before) == 0 && StatUtils.variance(after) == 0
                    || new TTest().tTest(before, after) < SIGNIFICANCE / splits) {
                return false;
            }
        }
        return true;
    }
}
