package org.authbench.regress;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;
import org.authbench.stats.ForkLevel;
import org.authbench.stats.Interval;

/**
 * The gate's decision for one metric of one row. {@link #judge} combines two tests because each alone
 * fails on this noise: a Mann-Whitney U test over every iteration value says whether the two sides differ
 * at all (robust to outliers, but it treats a fork's iterations as independent, so it over-trusts them);
 * Welch's t interval of the ratio over the forks' medians ({@link ForkLevel#ratioOfForkMedians}) says by how
 * much, the fork being the unit; with {@link GateSettings#paired} the t interval over the pairs' log ratios
 * ({@link ForkLevel#pairedRatioOfForkMedians}), where a slow phase both forks of a round met cancels. A regression
 * needs both: significant, and the whole interval worse than the threshold. The interval was a percentile bootstrap over forks and iterations until an A/A comparison of
 * three forks a side on a noisy host came out a regression (one JVM's hash map laid out worse): a bootstrap of
 * three forks has ten distinct fork draws and runs narrow; Welch's interval is as wide as three forks allow.
 *
 * @param name        the row's display name
 * @param metric      {@code score} or {@code allocation} ({@code gc.alloc.rate.norm})
 * @param base        base measurements (canonical unit)
 * @param head        head measurements (canonical unit)
 * @param ratio       head ÷ base: the ratio of the geometric means of fork medians (of the pooled medians when no
 *                    interval was computed), in the metric's own unit (for ops/s, below 1 is worse)
 * @param low         lower end of the interval of {@code ratio} (NaN when not computed)
 * @param high        upper end of that interval
 * @param pValue      two-sided Mann-Whitney U p-value (NaN when not computed)
 * @param verdict     the conclusion
 * @param reason      why, in words
 */
public record RowVerdict(String name, String metric, Series base, Series head, double ratio, double low,
        double high, double pValue, GateVerdict verdict, String reason) {

    public Unit unit() {
        return base.unit();
    }

    /**
     * How much worse head is than base, as a fraction: +0.10 means 10% more time (or 10% more time per
     * operation at the lower throughput); negative is better.
     */
    public double costChange() {
        return costOf(base, ratio) - 1;
    }

    /** Decides one metric of one row. */
    public static RowVerdict judge(String name, String metric, Series base, Series head, GateSettings s) {
        double pooledRatio = head.median() / base.median();
        if (base.forkCount() < GateSettings.MIN_FORKS || head.forkCount() < GateSettings.MIN_FORKS) {
            return new RowVerdict(name, metric, base, head, pooledRatio, Double.NaN, Double.NaN, Double.NaN,
                    GateVerdict.INCONCLUSIVE, String.format("too few forks (base %d, head %d; need %d per side): "
                            + "fork-to-fork variation unknown", base.forkCount(), head.forkCount(), GateSettings.MIN_FORKS));
        }
        if (base.size() < GateSettings.MIN_VALUES || head.size() < GateSettings.MIN_VALUES) {
            return new RowVerdict(name, metric, base, head, pooledRatio, Double.NaN, Double.NaN, Double.NaN,
                    GateVerdict.INCONCLUSIVE, String.format("too few samples (base %d, head %d; need %d per side)",
                            base.size(), head.size(), GateSettings.MIN_VALUES));
        }
        double p = new MannWhitneyUTest().mannWhitneyUTest(base.pooled(), head.pooled());
        if ("allocation".equals(metric)
                && Math.abs(head.median() - base.median()) < GateSettings.ALLOCATION_DUST_BYTES) {
            return new RowVerdict(name, metric, base, head, pooledRatio, Double.NaN, Double.NaN, p, GateVerdict.NO_CHANGE,
                    "allocation differs by less than " + GateSettings.ALLOCATION_DUST_BYTES + " B/op");
        }
        boolean pairs = s.paired() && base.forkCount() == head.forkCount();
        Interval interval = pairs ? ForkLevel.pairedRatioOfForkMedians(head.data(), base.data(), s.confidence())
                : ForkLevel.ratioOfForkMedians(head.data(), base.data(), s.confidence());
        // Asked to pair but a side has a fork the other lacks (a failed round): judged unpaired, and said so.
        String unpaired = s.paired() && !pairs ? " (unpaired: " + base.forkCount() + " forks in base, "
                + head.forkCount() + " in head)" : "";
        if (!interval.resolved()) {
            return new RowVerdict(name, metric, base, head, pooledRatio, Double.NaN, Double.NaN, p,
                    GateVerdict.INCONCLUSIVE, "a fork's median is not positive: no ratio on the log scale");
        }
        double ratio = interval.estimate();
        double lo = interval.low();
        double hi = interval.high();
        // In cost terms (above 1 is worse) whatever the unit's direction.
        double costLo = Math.min(costOf(base, lo), costOf(base, hi));
        double costHi = Math.max(costOf(base, lo), costOf(base, hi));
        double worse = 1 + s.threshold();
        double better = 1 / worse;
        // Paired, the pooled U test would meet the slow phases the pairing removes; an interval over the pairs
        // that excludes 1 is the significance test at the same level.
        boolean significant = pairs ? lo > 1 || hi < 1 : p < 1 - s.confidence();
        String pct = percent(s.threshold());
        GateVerdict v;
        String why;
        if (significant && costLo > worse) {
            v = GateVerdict.REGRESSION;
            why = "significant, and the whole interval is more than " + pct + " worse";
        } else if (significant && costHi < better) {
            v = GateVerdict.IMPROVEMENT;
            why = "significant, and the whole interval is more than " + pct + " better";
        } else if (costHi <= worse) {
            v = GateVerdict.NO_CHANGE;
            why = costLo >= better
                    ? "the whole interval is within ±" + pct + (significant ? " (a significant but smaller change)" : "")
                    : "no slowdown beyond " + pct + "; a speed-up beyond it is not established";
        } else {
            v = GateVerdict.INCONCLUSIVE;
            why = costLo > worse
                    ? "interval beyond " + pct + " but the U test is not significant: too noisy to tell"
                    : "too noisy to tell: the interval straddles the " + pct + " threshold"
                            + (significant ? " (the change is significant)" : "");
        }
        return new RowVerdict(name, metric, base, head, ratio, lo, hi, p, v, why + unpaired);
    }

    private static double costOf(Series base, double ratio) {
        return base.unit().lowerIsBetter() ? ratio : 1 / ratio;
    }

    static String percent(double fraction) {
        double p = fraction * 100;
        return (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)) + "%";
    }
}
