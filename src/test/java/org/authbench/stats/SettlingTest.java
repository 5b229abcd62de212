package org.authbench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SettlingTest {

    private final RandomGenerator rng = new Well19937c(5);

    private double[] fork(double mean, double sd, double driftPerIteration, int n) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + driftPerIteration * i + sd * rng.nextGaussian();
        }
        return v;
    }

    @Test
    void steadyForksThatAgreeAreNotFlagged() {
        Forked d = new Forked(new double[][] {fork(100, 1, 0, 10), fork(101, 1, 0, 10), fork(99.5, 1, 0, 10)});
        assertThat(Settling.flags(d)).isEmpty();
    }

    @Test
    void aDriftWithinForksIsFlagged() {
        Forked d = new Forked(new double[][] {fork(100, 1, -2, 10), fork(100, 1, -2, 10)});
        assertThat(Settling.flags(d)).singleElement().asString().startsWith("not steady: 2 of 2 forks drift");
    }

    @Test
    void aTinyButSignificantDriftIsNotFlagged() {
        Forked d = new Forked(new double[][] {fork(100, 0.01, 0.1, 10), fork(100, 0.01, 0.1, 10)});
        assertThat(Settling.flags(d)).isEmpty();
    }

    @Test
    void forksInTwoGroupsAreFlagged() {
        Forked d = new Forked(new double[][] {fork(100, 1, 0, 10), fork(101, 1, 0, 10), fork(150, 1, 0, 10),
                fork(151, 1, 0, 10)});
        assertThat(Settling.flags(d)).singleElement().asString().startsWith("forks split: 2 around 100");
    }

    /** One measurement iteration per fork (e.g. {@code --forks 4} with a one-iteration pass) is judged, not a crash. */
    @Test
    void oneIterationPerForkIsNotJudgedForASplit() {
        Forked d = new Forked(new double[][] {{100}, {101}, {150}, {151}});
        assertThat(Settling.flags(d)).isEmpty();
    }

    @Test
    void forksSpreadEvenlyAreNotASplit() {
        Forked d = new Forked(new double[][] {fork(100, 1, 0, 10), fork(112, 1, 0, 10), fork(124, 1, 0, 10),
                fork(136, 1, 0, 10)});
        assertThat(Settling.flags(d)).isEmpty();
    }
}
