package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

import org.authbench.bench.Pass;
import org.authbench.bench.Profile;
import org.junit.jupiter.api.Test;

/** The gate's time budget: scripts/compare.sh runs the ci profile twice (base and head) plus two builds. */
class CiProfileTest {

    @Test
    void bothSidesOfTheCiProfileFitInTwelveMinutes() {
        // 15 minutes for one compare.sh on 2 cores, of which ~3 go to building two jars.
        assertThat(2 * Profile.CI.plannedSeconds()).isLessThanOrEqualTo(12 * 60);
    }

    @Test
    void theCiProfileHasEnoughForksForTheGateToJudge() {
        for (Pass p : Profile.CI.passes()) {
            assertThat(p.forks()).isGreaterThanOrEqualTo(GateSettings.MIN_FORKS);
            assertThat(p.forks() * p.iterations()).isGreaterThanOrEqualTo(GateSettings.MIN_VALUES);
        }
    }
}
