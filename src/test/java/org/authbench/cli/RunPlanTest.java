package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.authbench.bench.Pass;
import org.authbench.bench.Profile;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The planner below JMH: which JMH invocations a run makes, in which order, and what it refuses to plan. */
class RunPlanTest {

    private static final String FLOOR = "org.authbench.bench.CryptoFloorBenchmark.floor_jwsSignature";

    private static Map<String, String[]> params(String... nameValues) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], nameValues[i + 1].split(","));
        }
        return m;
    }

    @Test
    void oneJobPerJvmThenThreadCountInThatOrderWithTheEtaOfWhatFollows() {
        RunPlan plan = RunPlan.of(Profile.QUICK, null, "CryptoFloorBenchmark.floor_jwsSignature",
                params("alg", "HS256,RS256"), List.of(1, 2), List.of("/jdk/a/java", "/jdk/b/java"));
        assertThat(plan.jobs()).extracting(RunPlan.Job::jvm, RunPlan.Job::threads).containsExactly(
                tuple("/jdk/a/java", 1), tuple("/jdk/a/java", 2),
                tuple("/jdk/b/java", 1), tuple("/jdk/b/java", 2));
        assertThat(plan.jobs()).extracting(RunPlan.Job::index).containsExactly(0, 1, 2, 3);
        RunPlan.Job first = plan.jobs().get(0);
        assertThat(first.benchmarks()).containsExactly(FLOOR);
        assertThat(first.rows()).as("two algorithms, one mode, one thread count").isEqualTo(2);
        Pass quick = Profile.QUICK.passes().get(0);
        assertThat(first.seconds()).isEqualTo(2 * quick.secondsPerRowWithStartup());
        assertThat(plan.rowsAfter(first)).isEqualTo(6);
        assertThat(plan.secondsAfter(first)).isEqualTo(3 * first.seconds());
        assertThat(plan.rowsAfter(plan.jobs().get(3))).isZero();
        assertThat(plan.notSupported()).isEmpty();
    }

    @Test
    void withoutOverridesJobsFollowEachPassesThreadCountsAndForksOverrideOnlyForks() {
        RunPlan plan = RunPlan.of(Profile.STORES, null, "RevocationBenchmark|ApiKeyLookupBenchmark.lookup_hit$",
                params("store", "PLAIN"), null, List.of());
        // stores: pass 1 (lookups) at 1 and 2 threads, then pass 2 (revocation) at 1 thread; this JVM.
        assertThat(plan.jobs()).extracting(RunPlan.Job::threads).containsExactly(1, 2, 1);
        assertThat(plan.jobs()).extracting(RunPlan.Job::jvm).containsOnlyNulls();
        assertThat(plan.jobs().get(2).pass()).isEqualTo(Profile.STORES.passes().get(1));

        RunPlan oneFork = RunPlan.of(Profile.STANDARD, 1, "VerifyBenchmark.verify_valid",
                params("library", "REFERENCE", "alg", "HS256,RS256,ES256"), null, List.of());
        // The means pass and the percentile pass, both at the one fork asked for.
        assertThat(oneFork.jobs()).hasSize(2).allSatisfy(j -> {
            assertThat(j.pass().forks()).isEqualTo(1);
            assertThat(j.pass().warmupIterations()).isEqualTo(Profile.STANDARD.passes().get(j.index()).warmupIterations());
            assertThat(j.rows()).as("reference × the three standard algorithms").isEqualTo(3);
        });
    }

    @Test
    void unsupportedPairsAreLeftOutAndNamed() {
        RunPlan plan = RunPlan.of(Profile.QUICK, null, "VerifyBenchmark.verify_valid",
                params("library", "AUTH0,REFERENCE", "alg", "EdDSA"), null, List.of());
        assertThat(plan.notSupported()).containsOnlyKeys("AUTH0 EdDSA")
                .containsEntry("AUTH0 EdDSA", JwtLibrary.AUTH0.unsupportedReason(JwtAlgorithm.EdDSA));
        assertThat(plan.jobs()).hasSize(2).allSatisfy(j -> {
            assertThat(j.params().get("library")).containsExactly("REFERENCE");
            assertThat(j.rows()).isEqualTo(1);
        });
    }

    @Test
    void aPlanThatRunsNothingIsBadInput() {
        assertThatThrownBy(() -> RunPlan.of(Profile.QUICK, null, "NoSuchBenchmark", params(), null, List.of()))
                .isInstanceOf(UsageException.class).hasMessage("no benchmark matches --include NoSuchBenchmark in profile quick");
        assertThatThrownBy(() -> RunPlan.of(Profile.QUICK, null, "VerifyBenchmark.verify_valid",
                params("library", "AUTH0", "alg", "EdDSA"), null, List.of()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("nothing to run: ").hasMessageContaining("AUTH0 EdDSA");
        assertThatThrownBy(() -> RunPlan.of(Profile.QUICK, null, "([", params(), null, List.of()))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--include is not a valid regular expression");
    }

    /** An adaptive run measures a job row by row: one cell per row JMH would have run, with every declared parameter. */
    @Test
    void aJobsCellsAreItsRowsWithEveryDeclaredParameter() {
        RunPlan plan = RunPlan.of(Profile.STANDARD, null, "VerifyBenchmark.verify_valid$|ApiKeyLookupBenchmark.lookup_hit$",
                params("library", "REFERENCE,NIMBUS", "alg", "HS256,ES256", "store", "PLAIN,HASHED"), null, List.of());
        RunPlan.Job means = plan.jobs().get(0);
        List<RunPlan.Cell> cells = RunPlan.cells(means);
        assertThat(cells).hasSize(means.rows()).hasSize(4 + 2);
        assertThat(cells).extracting(RunPlan.Cell::name).doesNotHaveDuplicates();
        RunPlan.Cell verify = cells.stream().filter(c -> c.benchmark().endsWith("verify_valid")).findFirst().orElseThrow();
        assertThat(verify.params()).containsKeys("library", "alg", "provider", "poolSize");
        RunPlan.Job one = verify.oneFork(7);
        assertThat(one.pass().iterations()).isEqualTo(7);
        assertThat(one.pass().forks()).isEqualTo(1);
        assertThat(one.pass().warmupMillis()).isEqualTo(means.pass().warmupMillis());
        assertThat(one.benchmarks()).containsExactly(verify.benchmark());
        assertThat(one.params().values()).allSatisfy(v -> assertThat(v).hasSize(1));
        assertThat(verify.matches(verify.benchmark(), "avgt", 1, verify.params(), "/j/bin/java", "/j/bin/java")).isTrue();
        assertThat(verify.matches(verify.benchmark(), "sample", 1, verify.params(), "/j/bin/java", "/j/bin/java")).isFalse();
    }

    /**
     * Another library version runs right after each job that measures the library, narrowed to the library constants on
     * that artifact, with its version; its cells match only rows of that version.
     */
    @Test
    void anotherVersionRunsAfterEachJobOfItsLibraryNarrowedToItsArtifact(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("vertx-auth-jwt/9.9.9"));
        Files.writeString(root.resolve("vertx-auth-jwt/9.9.9/vertx-auth-jwt-9.9.9.jar"), "");
        RunPlan plan = RunPlan.of(Profile.VERSIONS, null, "VerifyBenchmark.verify_valid$",
                params("library", "VERTX,VERTX_JOSE,NIMBUS", "alg", "HS256"), List.of(1), List.of(), Set.of(), List.of(JwtLibrary.VERTX),
                root);
        assertThat(plan.jobs()).hasSize(2);
        RunPlan.Job shipped = plan.jobs().get(0);
        RunPlan.Job other = plan.jobs().get(1);
        assertThat(shipped.version()).isNull();
        assertThat(shipped.params().get("library")).containsExactly("VERTX", "VERTX_JOSE", "NIMBUS");
        assertThat(other.version().property()).isEqualTo("io.vertx:vertx-auth-jwt:9.9.9");
        assertThat(other.params().get("library")).containsExactly("VERTX", "VERTX_JOSE");
        assertThat(other.rows()).isEqualTo(2);
        RunPlan.Cell cell = RunPlan.cells(other).get(0);
        assertThat(cell.name()).endsWith("vertx-auth-jwt 9.9.9");
        assertThat(cell.oneFork(3).version()).isEqualTo(other.version());
        assertThat(cell.matches(cell.benchmark(), "avgt", 1, cell.params(), "/j", "/j", "io.vertx:vertx-auth-jwt:9.9.9"))
                .isTrue();
        assertThat(cell.matches(cell.benchmark(), "avgt", 1, cell.params(), "/j", "/j", null)).isFalse();

        assertThatThrownBy(() -> RunPlan.of(Profile.VERSIONS, null, "VerifyBenchmark.verify_valid$", params("alg", "HS256"),
                List.of(1), List.of(), Set.of(), List.of(JwtLibrary.NIMBUS), root))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("no other version of NIMBUS is built");
    }
}
