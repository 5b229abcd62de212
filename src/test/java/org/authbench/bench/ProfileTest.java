package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The profiles' promises, checked from their settings and the benchmark list (not by timing anything):
 * quick at most 5 minutes, standard's minimum at most 18 on 2 cores; means from one AverageTime pass,
 * percentiles from a SampleTime pass.
 */
class ProfileTest {

    /** Each named setting lands in the JMH option of that name, and the time estimate is built from them. */
    @Test
    void aPassSettingReachesTheJmhOptionItNames() {
        Pass pass = Pass.of("VerifyBenchmark", Mode.SampleTime, Mode.AverageTime).withThreads(1, 2)
                .withForks(3).withWarmup(4, Duration.ofSeconds(2)).withMeasurement(5, Duration.ofMillis(300));
        Options o = pass.applyTo(new OptionsBuilder(), "-Dextra=1").build();
        assertThat(o.getForkCount().get()).isEqualTo(3);
        assertThat(o.getWarmupIterations().get()).isEqualTo(4);
        assertThat(o.getWarmupTime().get()).isEqualTo(TimeValue.milliseconds(2000));
        assertThat(o.getMeasurementIterations().get()).isEqualTo(5);
        assertThat(o.getMeasurementTime().get()).isEqualTo(TimeValue.milliseconds(300));
        assertThat(o.getBenchModes()).containsExactlyInAnyOrder(Mode.SampleTime, Mode.AverageTime);
        assertThat(o.getJvmArgsAppend().get()).endsWith("-Dextra=1");
        assertThat(pass.threads()).containsExactly(1, 2);
        assertThat(pass.secondsPerRow()).isEqualTo(3 * (4 * 2.0 + 5 * 0.3), within(1e-9));
        assertThat(pass.withForks(1).secondsPerRowWithStartup()).isEqualTo(4 * 2.0 + 5 * 0.3 + Profile.FORK_OVERHEAD_SECONDS,
                within(1e-9));
    }

    @Test
    void quickFitsInSevenAndAHalfMinutesAndCoversEveryBenchmark() {
        assertThat(Profile.QUICK.plannedSeconds()).isLessThanOrEqualTo(7.5 * 60);
        Pass only = Profile.QUICK.passes().get(0);
        assertThat(only.benchmarks(null)).contains(
                "org.authbench.bench.VerifyBenchmark.verify_valid",
                "org.authbench.bench.VerifyBenchmark.verify_badSignature",
                "org.authbench.bench.ApiKeyLookupBenchmark.lookup_hit",
                "org.authbench.bench.CryptoFloorBenchmark.floor_jwsSignature");
    }

    @Test
    void storesCoversEveryTierAtOneAndTwoThreadsAndRevocationWithinAQuarterHour() {
        assertThat(Profile.STORES.plannedSeconds()).isLessThanOrEqualTo(15 * 60);
        assertThat(Profile.STORES.passes().get(0).threads()).containsExactly(1, 2);
        assertThat(Profile.STORES.passes().stream().flatMap(p -> p.benchmarks(null).stream()))
                .contains("org.authbench.bench.ApiKeyLookupBenchmark.lookup_revoked",
                        "org.authbench.bench.CachedLookupBenchmark.lookup_hit",
                        "org.authbench.bench.RevocationBenchmark.apikey_revokeThenRefuse",
                        "org.authbench.bench.RevocationBenchmark.jwt_verifyDenylist_accepted");
    }

    @Test
    void platformRunsEveryProviderInAboutTenMinutesAndTheOtherProfilesOnlyTheDefault() {
        assertThat(Profile.PLATFORM.plannedSeconds()).isLessThanOrEqualTo(11 * 60);
        assertThat(Profile.PLATFORM.params().get("provider")).containsExactly("DEFAULT", "BC", "ACCP");
        assertThat(Profile.PLATFORM.passes().get(0).benchmarks(null)).containsExactlyInAnyOrder(
                "org.authbench.bench.VerifyBenchmark.verify_valid", "org.authbench.bench.CryptoFloorBenchmark.floor_jwsSignature");
        assertThat(Profile.PLATFORM.passes().get(0).warmupIterations() * Profile.PLATFORM.passes().get(0).warmupMillis())
                .isGreaterThanOrEqualTo(10_000);
        // full measures every provider too, but the other providers only through the reference verifier and the floors.
        assertThat(Profile.FULL.params().get("provider")).containsExactly("DEFAULT");
        assertThat(Profile.FULL.passes().get(1).params()).containsEntry("provider", List.of("BC", "ACCP"))
                .containsEntry("library", List.of("REFERENCE"));
        for (Profile p : List.of(Profile.QUICK, Profile.STANDARD, Profile.STORES, Profile.CI)) {
            // The benchmarks' own default (DEFAULT only) applies, so these keep their size and row names.
            assertThat(p.params()).as(p.cliName()).doesNotContainKey("provider");
        }
    }

    @Test
    void standardPlansWithinItsBudgetAtItsMinimumAndSaysItsCap() {
        // Seven verifiers × three algorithms, the floors, hits on every store tier and misses on the embedded ones.
        assertThat(Profile.STANDARD.params().get("library")).hasSize(7).doesNotContain("SPRING", "SMALLRYE", "VERTX_JOSE");
        assertThat(Profile.STANDARD.budgetMinutes()).isEqualTo(11);
        assertThat(Profile.STANDARD.plannedSeconds()).isLessThanOrEqualTo(Profile.STANDARD.budgetMinutes() * 60);
        assertThat(Profile.STANDARD.precision()).isEqualTo(0.03);
        // At the cap every mean row runs MAX_FORKS forks: the means passes grow by a third, the percentile pass as is.
        double meansAtMinimum = 0;
        for (Pass means : Profile.STANDARD.passes().stream().filter(Pass::adaptive).toList()) {
            Map<String, String[]> values = new HashMap<>();
            Profile.STANDARD.params().forEach((k, v) -> values.put(k, v.toArray(String[]::new)));
            means.params().forEach((k, v) -> values.put(k, v.toArray(String[]::new)));
            meansAtMinimum += means.rows(means.benchmarks(null), values) * means.secondsPerRowWithStartup();
        }
        assertThat(Profile.STANDARD.plannedSeconds(Profile.MAX_FORKS) - Profile.STANDARD.plannedSeconds())
                .isEqualTo(meansAtMinimum * (Profile.MAX_FORKS - Profile.MIN_FORKS) / Profile.MIN_FORKS, within(1e-6));
        for (Profile p : Profile.values()) {
            if (p != Profile.STANDARD && p != Profile.VERSIONS && p != Profile.FRAMEWORKS && p != Profile.FULL) {
                assertThat(p.precision()).as(p.cliName()).isZero();
            }
        }
    }

    /** The framework rows left standard for their own profile, which measures each beside the library it wraps. */
    @Test
    void frameworksRunBesideTheirLibrariesLikeStandardsMeans() {
        assertThat(Profile.FRAMEWORKS.params().get("library")).containsExactlyInAnyOrder("SPRING", "SPRING_CONVERTED",
                "NIMBUS", "SMALLRYE", "JOSE4J", "VERTX", "VERTX_JOSE");
        Pass frameworks = Profile.FRAMEWORKS.passes().get(0);
        Pass standard = Profile.STANDARD.passes().get(0);
        assertThat(frameworks.warmupMillis() * frameworks.warmupIterations())
                .isEqualTo(standard.warmupMillis() * standard.warmupIterations());
        assertThat(frameworks.iterations()).isEqualTo(standard.iterations());
        assertThat(Profile.FRAMEWORKS.plannedSeconds(Profile.MAX_FORKS)).isLessThanOrEqualTo(8 * 60);
    }

    /**
     * Every mean the report shows comes from AverageTime passes with one warmup and one measurement (a ratio of two
     * rows never mixes modes or warmups); SampleTime runs separately, over verification only, for its percentiles.
     */
    @Test
    void quickStandardAndCiTakeEveryMeanFromOneAverageTimeSettingAndPercentilesFromASampleTimePass() {
        for (Profile p : List.of(Profile.QUICK, Profile.STANDARD, Profile.CI)) {
            List<Pass> means = p.passes().stream().filter(x -> x.modes().equals(List.of(Mode.AverageTime))).toList();
            assertThat(means).as(p.cliName()).isNotEmpty().allSatisfy(m -> {
                assertThat(m.adaptive()).isTrue();
                assertThat(List.of(m.warmupIterations(), m.warmupMillis(), m.iterations(), m.iterationMillis(), m.threads()))
                        .isEqualTo(List.of(means.get(0).warmupIterations(), means.get(0).warmupMillis(),
                                means.get(0).iterations(), means.get(0).iterationMillis(), means.get(0).threads()));
            });
            for (Pass x : p.passes()) {
                if (!means.contains(x)) {
                    assertThat(x.modes()).as(p.cliName()).containsExactly(Mode.SampleTime);
                    assertThat(x.adaptive()).isFalse();
                    assertThat(x.benchmarks(null)).as(p.cliName()).containsExactly("org.authbench.bench.VerifyBenchmark.verify_valid");
                }
            }
        }
        List<String> means = Profile.STANDARD.passes().stream().filter(Pass::adaptive)
                .flatMap(x -> x.benchmarks(null).stream()).toList();
        assertThat(means).contains("org.authbench.bench.VerifyBenchmark.verify_valid",
                "org.authbench.bench.CryptoFloorBenchmark.floor_jwsSignature", "org.authbench.bench.CryptoFloorBenchmark.floor_jwsParse",
                "org.authbench.bench.CryptoFloorBenchmark.floor_sha256MapGet", "org.authbench.bench.ApiKeyLookupBenchmark.lookup_hit",
                "org.authbench.bench.ApiKeyLookupBenchmark.lookup_miss");
        Pass first = Profile.STANDARD.passes().get(0);
        assertThat(first.forks()).isEqualTo(Profile.MIN_FORKS);
        // A 1.5 s floor, then enough iterations that the steady-state test can drop up to three of them as warmup.
        assertThat(first.warmupIterations() * first.warmupMillis()).isGreaterThanOrEqualTo(1_500);
        assertThat(first.iterations()).isGreaterThanOrEqualTo(6);
        Pass percentiles = Profile.STANDARD.passes().get(2);
        assertThat(percentiles.warmupIterations() * percentiles.warmupMillis())
                .isEqualTo(first.warmupIterations() * first.warmupMillis());
        assertThat(percentiles.secondsPerRow()).isLessThan(first.secondsPerRow());
    }

    /** quick, standard and ci keep their three algorithms (and so their size and the gate's baselines); full has all. */
    @Test
    void onlyFullRunsTheAddedAlgorithms() {
        for (Profile p : List.of(Profile.QUICK, Profile.STANDARD, Profile.CI)) {
            assertThat(p.params().get("alg")).as(p.cliName()).containsExactly("HS256", "RS256", "ES256");
        }
        assertThat(Profile.FULL.params()).doesNotContainKey("alg");
        Pass full = Profile.FULL.passes().get(0);
        List<String> verify = List.of("org.authbench.bench.VerifyBenchmark.verify_valid");
        // 11 verifiers × 7 algorithms, less the 5 pairs no library version here supports, in one AverageTime pass.
        assertThat(full.rows(verify, Map.of())).isEqualTo(11 * 7 - 5);
        assertThat(full.rows(List.of("org.authbench.bench.CryptoFloorBenchmark.floor_jwsSignature"), Map.of())).isEqualTo(7);
        // auth0 signs and verifies PS256 but has no EdDSA.
        assertThat(full.rows(verify, Map.of("library", new String[] {"AUTH0"}, "alg", new String[] {"EdDSA", "PS256"})))
                .isEqualTo(1);
    }

    /**
     * The version axis: versions plans both versions of its libraries' verification (adaptive, like standard) in about
     * ten minutes, and each other version counts in the plan as much as the shipped one.
     */
    @Test
    void versionsPlansBothVersionsOfVerificationInAboutTenMinutes() {
        assertThat(Profile.VERSIONS.versioned()).containsExactly(JwtLibrary.VERTX, JwtLibrary.JJWT);
        assertThat(Profile.FULL.versioned()).isEmpty();
        assertThat(Profile.STANDARD.versioned()).isEmpty();
        assertThat(Profile.VERSIONS.precision()).isEqualTo(Profile.STANDARD.precision());
        Pass p = Profile.VERSIONS.passes().get(0);
        Map<String, String[]> values = new HashMap<>();
        Profile.VERSIONS.params().forEach((k, v) -> values.put(k, v.toArray(String[]::new)));
        double shipped = p.rows(p.benchmarks(null), values) * p.secondsPerRowWithStartup();
        int others = LibraryVersions.built(JwtLibrary.VERTX, LibraryVersions.root()).size();
        assertThat(others).isPositive();
        assertThat(Profile.VERSIONS.plannedSeconds()).isEqualTo(shipped * (1 + others), within(1e-6))
                .isBetween(5 * 60.0, 15 * 60.0);
        assertThat(LibraryVersions.measures("org.authbench.bench.VerifyBenchmark.verify_valid")).isTrue();
        assertThat(LibraryVersions.measures("org.authbench.bench.RejectBenchmark.reject")).isFalse();
    }

    /**
     * full fits one working session on two JDKs (2 h 30 min): every benchmark; its means, provider and 2-thread rows
     * measured like standard's (adaptive, one warmup and measurement), so any two of them may be divided; refusals
     * and shapes at the same settings in one fork, which the adaptive rounds leave alone.
     */
    @Test
    void fullRunsEveryBenchmarkOnTwoJdksInTwoAndAHalfHours() {
        List<String> inFull = Profile.FULL.passes().stream().flatMap(p -> p.benchmarks(null).stream()).distinct().toList();
        List<String> all = Pass.of(".*").benchmarks(null);
        assertThat(inFull).containsExactlyInAnyOrderElementsOf(all);
        assertThat(2 * Profile.FULL.plannedSeconds()).isBetween(3600.0, 2.5 * 3600);
        assertThat(2 * 60 * Profile.FULL.budgetMinutes()).isLessThanOrEqualTo(2.5 * 3600);
        Pass means = Profile.FULL.passes().get(0);
        for (Pass p : Profile.FULL.passes()) {
            if (p.modes().equals(List.of(Mode.AverageTime))) {
                assertThat(List.of(p.warmupIterations(), p.warmupMillis(), p.iterations(), p.iterationMillis()))
                        .isEqualTo(List.of(means.warmupIterations(), means.warmupMillis(), means.iterations(),
                                means.iterationMillis()));
                assertThat(p.adaptive()).isEqualTo(p.forks() >= Profile.MIN_FORKS);
                assertThat(p.adaptive()).isEqualTo(!p.ownForks());
            }
        }
        assertThat(Profile.FULL.passes().get(3).adaptive()).isFalse();
        assertThat(Profile.FULL.passes().get(3).benchmarks(null)).contains("org.authbench.bench.RejectBenchmark.reject");
    }

    @Test
    void rejectsCoversEveryRejectKindAndBothShapesForEveryLibraryInAboutFifteenMinutes() {
        assertThat(Profile.REJECTS.plannedSeconds()).isBetween(6 * 60.0, 15 * 60.0);
        List<String> names = Profile.REJECTS.passes().stream().flatMap(p -> p.benchmarks(null).stream()).toList();
        assertThat(names).containsExactlyInAnyOrder(
                "org.authbench.bench.VerifyBenchmark.verify_valid",
                "org.authbench.bench.VerifyBenchmark.verify_badSignature",
                "org.authbench.bench.RejectBenchmark.reject",
                "org.authbench.bench.TokenShapeBenchmark.verify_claims",
                "org.authbench.bench.TokenShapeBenchmark.verify_kid");
        assertThat(Profile.REJECTS.params()).containsEntry("alg", List.of("RS256")).doesNotContainKey("library")
                .doesNotContainKey("kind");
    }

    @Test
    void theNewBenchmarksRunInFullOnlyAndLeaveTheSmallerProfilesAsTheyWere() {
        for (Profile p : List.of(Profile.QUICK, Profile.STANDARD, Profile.CI, Profile.STORES)) {
            for (Pass pass : p.passes()) {
                assertThat(pass.benchmarks(null)).as(p.cliName())
                        .noneMatch(n -> n.contains("RejectBenchmark") || n.contains("TokenShapeBenchmark"));
            }
        }
        assertThat(Profile.FULL.passes().stream().flatMap(p -> p.benchmarks(null).stream())).contains(
                "org.authbench.bench.RejectBenchmark.reject",
                "org.authbench.bench.TokenShapeBenchmark.verify_claims", "org.authbench.bench.TokenShapeBenchmark.verify_kid");
    }

    @Test
    void issuanceAndCachedVerificationRunInFullOnly() {
        List<String> ours = List.of("org.authbench.bench.IssueBenchmark.issue",
                "org.authbench.bench.CachedVerificationBenchmark.verify");
        assertThat(Profile.FULL.passes().stream().flatMap(p -> p.benchmarks(null).stream())).containsAll(ours);
        for (Profile p : Profile.values()) {
            if (p == Profile.FULL) {
                continue;
            }
            assertThat(p.passes().stream().flatMap(x -> x.benchmarks(null).stream())).as(p.cliName())
                    .doesNotContainAnyElementsOf(ours);
        }
    }
}
