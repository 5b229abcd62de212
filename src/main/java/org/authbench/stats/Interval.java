package org.authbench.stats;

/**
 * An estimate with a two-sided confidence interval {@code [low, high]} at {@code confidence}, and how many
 * forks it rests on. {@code low}/{@code high} are NaN when the data cannot give an interval (one fork).
 */
public record Interval(double estimate, double low, double high, double confidence, int forks) {

    /** Half the interval's width (NaN without an interval). */
    public double halfWidth() {
        return (high - low) / 2;
    }

    /** Half-width relative to the estimate: the "± x%" a reader sees. */
    public double relativeHalfWidth() {
        return halfWidth() / Math.abs(estimate);
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }

    /** Whether two intervals share any value (an "overlap" in the back-to-back comparison). */
    public boolean overlaps(Interval other) {
        return low <= other.high && other.low <= high;
    }

    public boolean resolved() {
        return !Double.isNaN(low) && !Double.isNaN(high);
    }
}
