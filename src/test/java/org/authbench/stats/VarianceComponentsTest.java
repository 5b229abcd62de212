package org.authbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class VarianceComponentsTest {

    private static Forked run(RandomGenerator rng, double betweenSd, double withinSd, int forks, int iterations) {
        double[][] v = new double[forks][iterations];
        for (int f = 0; f < forks; f++) {
            double forkMean = 100 + betweenSd * rng.nextGaussian();
            for (int i = 0; i < iterations; i++) {
                v[f][i] = forkMean + withinSd * rng.nextGaussian();
            }
        }
        return new Forked(v);
    }

    @Test
    void recoversKnownComponents() {
        VarianceComponents c = VarianceComponents.of(run(new Well19937c(11), 3, 2, 400, 20));
        assertThat(c.between()).isCloseTo(9, within(1.5));
        assertThat(c.within()).isCloseTo(4, within(0.2));
        assertThat(c.mean()).isCloseTo(100, within(0.5));
    }

    @Test
    void forksThatAgreeGiveNoBetweenComponentAndTheMostIterations() {
        double[][] v = {{1, 3, 1, 3}, {1, 3, 1, 3}, {3, 1, 3, 1}};
        VarianceComponents c = VarianceComponents.of(new Forked(v));
        assertThat(c.between()).isZero();
        assertThat(c.optimalIterations(10, 1, 2, 50)).isEqualTo(50);
    }

    @Test
    void dearForksBuyMoreIterationsAndDisagreeingForksBuyMoreForks() {
        VarianceComponents c = new VarianceComponents(100, 4, 1);
        // sqrt(forkCost/iterationCost * within/between): sqrt(25 * 4) = 10
        assertThat(c.optimalIterations(25, 1, 2, 50)).isEqualTo(10);
        assertThat(c.optimalIterations(100, 1, 2, 50)).isEqualTo(20);
        VarianceComponents noisy = new VarianceComponents(100, 4, 16);
        assertThat(noisy.forksFor(0.02, 0.95, 10, 100)).isGreaterThan(c.forksFor(0.02, 0.95, 10, 100));
    }

    @Test
    void forksForMeetsItsTargetAndSaysWhenTheCapCannot() {
        VarianceComponents c = new VarianceComponents(100, 4, 1);
        int n = c.forksFor(0.02, 0.95, 10, 100);
        double perFork = 1 + 4 / 10.0;
        assertThat(ForkLevel.t(n - 1, 0.95) * Math.sqrt(perFork / n)).isLessThanOrEqualTo(2.0);
        assertThat(ForkLevel.t(n - 2, 0.95) * Math.sqrt(perFork / (n - 1))).isGreaterThan(2.0);
        assertThat(c.forksFor(0.0001, 0.95, 10, 5)).isEqualTo(6);
    }
}
