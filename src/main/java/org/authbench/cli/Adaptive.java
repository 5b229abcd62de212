package org.authbench.cli;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;
import org.authbench.bench.Pass;
import org.authbench.bench.Profile;
import org.authbench.stats.ForkLevel;
import org.authbench.stats.Forked;
import org.authbench.stats.SteadyState;
import org.authbench.stats.VarianceComponents;

/**
 * How a run with a precision target measures its mean rows, and the rules {@link JobRunner}'s rounds follow: when a
 * row is done, how many iterations its next fork runs, and whether a fork beyond the minimum still fits the run's
 * time budget.
 *
 * @param target        relative half-width (95%, fork-level) at which a row stops
 * @param minForks      forks every row runs before it is judged
 * @param maxForks      forks at which a row stops short of the target (and is named as capped)
 * @param seed          seed of the shuffled fork order (round r uses {@code seed + r})
 * @param budgetSeconds wall time of the measurement the run aims to stay within (0 = none): forks beyond
 *                      {@code minForks} run only while the rest of the run still fits
 */
record Adaptive(double target, int minForks, int maxForks, long seed, double budgetSeconds) {

    /** Confidence of the fork-level interval a row is judged by. */
    private static final double CONFIDENCE = 0.95;

    Adaptive withSeed(long newSeed) {
        return new Adaptive(target, minForks, maxForks, newSeed, budgetSeconds);
    }

    /**
     * Where an adaptive row stands after its forks so far.
     *
     * @param halfWidth relative half-width of the 95% interval over fork means (NaN below two forks)
     * @param done      no more forks: the target is reached with at least the minimum of forks, or the cap is
     * @param capped    stopped at the cap short of the target
     */
    record Standing(double halfWidth, boolean done, boolean capped) {
    }

    /** Judges a row from its iteration values per fork ({@code values[fork][iteration]}). */
    static Standing standing(double[][] values, Adaptive adaptive) {
        double halfWidth = values.length >= 2 ? ForkLevel.mean(steady(values), CONFIDENCE).relativeHalfWidth() : Double.NaN;
        boolean reached = values.length >= adaptive.minForks() && halfWidth <= adaptive.target();
        boolean capped = !reached && values.length >= adaptive.maxForks();
        return new Standing(halfWidth, reached || capped, capped);
    }

    /**
     * The order in which rows get forks beyond the minimum, where the budget may not reach them all: first the rows one
     * more fork is expected to bring within the target ({@link ForkLevel#halfWidthWithOneMoreFork}), then the rest, the
     * widest first within each. A budget spent on rows the cap leaves short anyway leaves rows one fork from the target
     * without it.
     */
    <T> Comparator<T> forkOrder(ToDoubleFunction<T> halfWidth, ToIntFunction<T> forks) {
        Comparator<T> outOfReach = Comparator.comparing((T row) -> !withinOneFork(halfWidth.applyAsDouble(row),
                forks.applyAsInt(row)));
        return outOfReach.thenComparing(Comparator.comparingDouble(halfWidth).reversed());
    }

    /** Whether one more fork is expected to bring a row at {@code halfWidth} after {@code forks} forks within the target. */
    boolean withinOneFork(double halfWidth, int forks) {
        return ForkLevel.halfWidthWithOneMoreFork(halfWidth, forks, CONFIDENCE) <= target;
    }

    /**
     * Whether a fork beyond the minimum still fits the budget: the time spent so far, this fork's and what the run must
     * still do after the adaptive rounds (the percentile pass) stay within it. The minimum forks always run: with fewer,
     * a row has no interval worth printing.
     */
    boolean fits(double elapsedSeconds, double forkSeconds, double laterSeconds) {
        return budgetSeconds <= 0 || elapsedSeconds + forkSeconds + laterSeconds <= budgetSeconds;
    }

    /**
     * Measurement iterations for a row's next forks, from its forks so far (Kalibera and Jones's cost-optimal split,
     * {@link VarianceComponents#optimalIterations}): more iterations where they are cheap beside a fork's start and
     * warmup and the noise is within forks; the pass's own count where the forks themselves disagree. Between the
     * pass's count and four times it.
     */
    static int iterationsPerFork(double[][] values, Pass pass) {
        try {
            double forkCost = Profile.FORK_OVERHEAD_SECONDS + pass.warmupIterations() * pass.warmupMillis() / 1000.0;
            return VarianceComponents.of(steady(values)).optimalIterations(forkCost, pass.iterationMillis() / 1000.0,
                    pass.iterations(), 4 * pass.iterations());
        } catch (IllegalArgumentException e) {
            // One iteration per fork says nothing about the noise within forks.
            return pass.iterations();
        }
    }

    /** The forks as the report will judge them: each from its first steady iteration ({@link SteadyState}). */
    private static Forked steady(double[][] values) {
        return SteadyState.trim(new Forked(values)).data();
    }

    /**
     * The run's budget in seconds for {@code minutesPerJvm} on {@code jvms} JVMs ({@code --jvm}, none = this one): the
     * budget is per JVM, since the same profile on two JDKs measures every row twice.
     */
    static double budgetSeconds(double minutesPerJvm, int jvms) {
        return 60 * minutesPerJvm * Math.max(1, jvms);
    }
}
