package org.authbench.runfiles;

/**
 * A measured value with its error: the half-width of JMH's 99.9% confidence interval (NaN when JMH could not
 * compute one, e.g. a single iteration). Derived quantities propagate the error to first order, treating the
 * two inputs' errors as independent: for a ratio the relative errors add in quadrature; for a reciprocal the
 * relative error carries over.
 */
public record Estimate(double value, double error) {

    public double relativeError() {
        return error / Math.abs(value);
    }

    /** {@code this / other}, relative errors in quadrature. */
    public Estimate over(Estimate other) {
        double r = value / other.value;
        double rel = Math.hypot(relativeError(), other.relativeError());
        return new Estimate(r, Math.abs(r) * rel);
    }

    /** {@code this + other}, errors in quadrature. */
    public Estimate plus(Estimate other) {
        return new Estimate(value + other.value, Math.hypot(error, other.error));
    }

    /** {@code this - other}, errors in quadrature. */
    public Estimate minus(Estimate other) {
        return new Estimate(value - other.value, Math.hypot(error, other.error));
    }

    /** {@code k / this}, e.g. ops/s from ns/op; the relative error carries over. */
    public Estimate reciprocal(double k) {
        double r = k / value;
        return new Estimate(r, Math.abs(r) * relativeError());
    }

    public Estimate times(double k) {
        return new Estimate(value * k, Math.abs(k) * error);
    }

    public double lower() {
        return value - (Double.isNaN(error) ? 0 : error);
    }

    public double upper() {
        return value + (Double.isNaN(error) ? 0 : error);
    }

    /** True when both intervals are known and this one lies entirely below {@code other}'s. */
    public boolean clearlyBelow(Estimate other) {
        return !Double.isNaN(error) && !Double.isNaN(other.error) && upper() < other.lower();
    }
}
