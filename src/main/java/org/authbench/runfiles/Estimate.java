package org.authbench.runfiles;

import java.util.ArrayList;
import java.util.List;
import org.authbench.stats.ForkLevel;
import org.authbench.stats.Forked;
import org.authbench.stats.Interval;

/**
 * A value with the interval the report states for it. Read from a result row ({@link JmhRow#nsPerOp()}), the
 * interval is the {@value #CONFIDENCE_PERCENT}% t interval over fork means ({@link ForkLevel#mean}): it includes
 * the variation between forks, which JMH's own error does not. The estimate remembers how it was measured
 * ({@link Basis}) and the rows' values per fork ({@code terms}), so a ratio of two of them is drawn from the same
 * hierarchical resampling ({@link ForkLevel#ratio}) and refused, with the reason, when the two rows were not
 * measured alike.
 *
 * @param value  the estimate (NaN for a refused ratio)
 * @param error  half the interval's width, {@code (high - low) / 2}; NaN without an interval
 * @param low    the interval's lower end (NaN without one); a ratio's interval need not be symmetric
 * @param high   the interval's upper end (NaN without one)
 * @param basis  how the row(s) behind the value were measured; null for a figure not read from a row
 * @param terms  the row(s) per fork and iteration, in the value's unit, whose means add up to the value; null when
 *               unknown or not a sum of row means
 * @param note   why there is no interval ({@code "one fork"}, {@code "no per-fork data"}), or why a ratio is refused
 *               ({@code "not comparable: SampleTime vs AverageTime"}); null otherwise
 */
public record Estimate(double value, double error, double low, double high, Basis basis, List<Forked> terms,
        String note) {

    /** Confidence of every interval the report states. */
    public static final double CONFIDENCE = 0.95;
    public static final int CONFIDENCE_PERCENT = 95;
    /** Bootstrap draws per ratio; with the fixed seed, the same data always give the same interval. */
    static final int RESAMPLES = 4000;
    static final long SEED = 20131002L;
    private static final String REFUSED = "not comparable: ";

    /**
     * What must match for two rows to be divided: mode, warmup (iterations × time) and thread count. Null parts
     * are unknown (an older file) and match anything.
     */
    public record Basis(String mode, String warmup, Integer threads) {

        /** Why {@code this} and {@code other} cannot be divided, e.g. {@code "SampleTime vs AverageTime"}; null when they can. */
        public String mismatch(Basis other) {
            if (differ(mode, other.mode)) {
                return mode + " vs " + other.mode;
            }
            if (differ(warmup, other.warmup)) {
                return "warmup " + warmup + " vs " + other.warmup;
            }
            if (differ(threads, other.threads)) {
                return threads + " vs " + other.threads + " threads";
            }
            return null;
        }

        private static boolean differ(Object a, Object b) {
            return a != null && b != null && !a.equals(b);
        }
    }

    /** A figure with a symmetric error and no row behind it. */
    public Estimate(double value, double error) {
        this(value, error, value - error, value + error, null, null, null);
    }

    /** A row's fork-level interval with its basis and data ({@code note} says why when the interval is missing). */
    public static Estimate of(Interval i, Basis basis, Forked data, String note) {
        return new Estimate(i.estimate(), i.halfWidth(), i.low(), i.high(), basis, data == null ? null : List.of(data),
                i.resolved() ? null : note);
    }

    /** A value without an interval, saying why. */
    public static Estimate without(double value, Basis basis, String note) {
        return new Estimate(value, Double.NaN, Double.NaN, Double.NaN, basis, null, note);
    }

    public boolean hasInterval() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }

    /** True for a ratio (or sum) of rows that were not measured alike: {@link #note} says why. */
    public boolean refused() {
        return note != null && note.startsWith(REFUSED);
    }

    public double relativeError() {
        return error / Math.abs(value);
    }

    /**
     * {@code this / other}. Rows measured alike: the interval comes from hierarchical bootstrap draws of both
     * sides ({@link ForkLevel#ratio}); rows measured differently: refused, the value NaN and {@link #note} the
     * reason. Only figures read from no row at all still combine relative errors in quadrature.
     */
    public Estimate over(Estimate other) {
        return over(other, whyNot(other));
    }

    /**
     * Scaling: {@code this} (aggregate throughput at more threads) over {@code oneThread} (the same row at one
     * thread), the one ratio that spans thread counts by definition; mode and warmup must still match. The interval
     * resamples both rows; the result is a figure of no single row ({@code basis} null), so it combines with rows
     * at any thread count.
     */
    public Estimate scalingOver(Estimate oneThread) {
        String why = whyNot(oneThread);
        if (why != null && why.endsWith(" threads")) {
            why = null;
        }
        Estimate r = over(oneThread, why);
        return r.refused() ? r : new Estimate(r.value, r.error, r.low, r.high, null, null, r.note);
    }

    private Estimate over(Estimate other, String why) {
        if (why != null) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, why);
        }
        double r = value / other.value;
        if ((basis == null || other.basis == null) && hasInterval() && other.hasInterval()) {
            // A figure of no single row (a scaling efficiency, a constant) has no forks to resample: first order.
            double rel = Math.hypot(relativeError(), other.relativeError());
            return new Estimate(r, Math.abs(r) * rel);
        }
        if (terms == null || other.terms == null) {
            return without(r, basis, firstNote(other, "no per-fork data"));
        }
        Interval i = ForkLevel.ratio(terms, other.terms, CONFIDENCE, RESAMPLES, SEED);
        return new Estimate(i.estimate(), i.halfWidth(), i.low(), i.high(), basis, null,
                i.resolved() ? null : firstNote(other, "one fork"));
    }

    /** {@code this + other} (independent rows): half-widths in quadrature; a later ratio resamples both terms. */
    public Estimate plus(Estimate other) {
        String why = whyNot(other);
        if (why != null) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, why);
        }
        List<Forked> both = null;
        if (terms != null && other.terms != null) {
            both = new ArrayList<>(terms);
            both.addAll(other.terms);
        }
        return sum(value + other.value, Math.hypot(error, other.error), other, both);
    }

    /** {@code this - other} (independent rows): half-widths in quadrature. */
    public Estimate minus(Estimate other) {
        String why = whyNot(other);
        if (why != null) {
            return new Estimate(Double.NaN, Double.NaN, Double.NaN, Double.NaN, null, null, why);
        }
        return sum(value - other.value, Math.hypot(error, other.error), other, null);
    }

    private Estimate sum(double v, double e, Estimate other, List<Forked> newTerms) {
        String n = Double.isNaN(e) ? firstNote(other, "no per-fork data") : null;
        return new Estimate(v, e, v - e, v + e, basis != null ? basis : other.basis,
                newTerms == null ? null : List.copyOf(newTerms), n);
    }

    /**
     * {@code k / this}, e.g. ops/s from ns/op: a row's interval ends map to the other's; a figure read from no row
     * carries its relative error over.
     */
    public Estimate reciprocal(double k) {
        double r = k / value;
        if (basis == null && terms == null && note == null) {
            return new Estimate(r, Math.abs(r) * relativeError());
        }
        if (!hasInterval()) {
            return new Estimate(r, Double.NaN, Double.NaN, Double.NaN, basis, null, note);
        }
        double a = k / low;
        double b = k / high;
        return new Estimate(r, Math.abs(a - b) / 2, Math.min(a, b), Math.max(a, b), basis, null, note);
    }

    public Estimate times(double k) {
        double a = low * k;
        double b = high * k;
        List<Forked> scaled = terms == null ? null : terms.stream().map(f -> scale(f, k)).toList();
        return new Estimate(value * k, Math.abs(k) * error, Math.min(a, b), Math.max(a, b), basis, scaled, note);
    }

    private static Forked scale(Forked f, double k) {
        double[][] v = new double[f.forks()][];
        for (int i = 0; i < v.length; i++) {
            v[i] = f.values()[i].clone();
            for (int j = 0; j < v[i].length; j++) {
                v[i][j] *= k;
            }
        }
        return new Forked(v);
    }

    public double lower() {
        return hasInterval() ? low : value;
    }

    public double upper() {
        return hasInterval() ? high : value;
    }

    /** True when both intervals are known and this one lies entirely below {@code other}'s. */
    public boolean clearlyBelow(Estimate other) {
        return hasInterval() && other.hasInterval() && upper() < other.lower();
    }

    private String whyNot(Estimate other) {
        if (refused()) {
            return note;
        }
        if (other.refused()) {
            return other.note;
        }
        String m = basis == null || other.basis == null ? null : basis.mismatch(other.basis);
        return m == null ? null : REFUSED + m;
    }

    private String firstNote(Estimate other, String fallback) {
        return note != null ? note : other.note != null ? other.note : fallback;
    }
}
