package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.authbench.bench.Pass;
import org.authbench.bench.Profile;
import org.authbench.runfiles.ForkMerge;
import org.authbench.runfiles.JmhResults;
import org.authbench.runfiles.JmhRow;
import org.authbench.stats.ForkLevel;
import org.authbench.stats.Forked;
import org.authbench.support.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --precision}: a row gets forks until its fork-level interval is narrow enough or it reaches the cap;
 * its forks become one JMH row; a resumed run keeps the forks it finds and adds only what is missing.
 */
class AdaptiveRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @BeforeAll
    static void shareTheMachine() {
        Cli.ignoreJmhLock();
    }

    private static final Adaptive THREE_PERCENT = new Adaptive(0.03, 3, 6, 1, 0);

    @Test
    void aRowStopsAtTheTargetAfterTheMinimumAndOtherwiseAtTheCap() {
        double[][] agreeing = {{100, 101}, {100.5, 100}, {99.5, 100}};
        assertThat(Adaptive.standing(new double[][] {agreeing[0], agreeing[1]}, THREE_PERCENT).done())
                .as("two forks are below the minimum, however close").isFalse();
        Adaptive.Standing three = Adaptive.standing(agreeing, THREE_PERCENT);
        assertThat(three.halfWidth()).isBetween(0.0, 0.03);
        assertThat(three.done()).isTrue();
        assertThat(three.capped()).isFalse();

        double[][] disagreeing = {{100, 100}, {130, 131}, {90, 91}};
        Adaptive.Standing wide = Adaptive.standing(disagreeing, THREE_PERCENT);
        assertThat(wide.halfWidth()).isGreaterThan(0.03);
        assertThat(wide.done()).isFalse();
        double[][] six = {{100}, {130}, {90}, {120}, {95}, {110}};
        assertThat(Adaptive.standing(six, THREE_PERCENT)).satisfies(s -> {
            assertThat(s.done()).isTrue();
            assertThat(s.capped()).isTrue();
        });
    }

    /**
     * The budget beyond the minimum goes first to the rows one more fork is expected to bring within the target, then
     * to the rest, widest first within each: a row at ±3.9% after three forks (expected ±2.5% after four) before a row at
     * ±10% that a fourth fork leaves short of ±3% anyway.
     */
    @Test
    void forksBeyondTheMinimumGoFirstToRowsOneForkFromTheTarget() {
        record Row(String name, double halfWidth, int forks) {
        }
        Adaptive fourForks = new Adaptive(0.03, 3, 4, 1, 660);
        assertThat(ForkLevel.halfWidthWithOneMoreFork(0.039, 3, 0.95)).isEqualTo(0.025, within(0.0005));
        assertThat(fourForks.withinOneFork(0.039, 3)).isTrue();
        assertThat(fourForks.withinOneFork(0.046, 3)).isTrue();
        assertThat(fourForks.withinOneFork(0.047, 3)).isFalse();
        assertThat(fourForks.withinOneFork(Double.NaN, 1)).isFalse();

        List<Row> rows = new ArrayList<>(List.of(new Row("postgres", 0.105, 3), new Row("nimbus", 0.039, 3),
                new Row("sha256", 0.097, 3), new Row("auth0", 0.032, 3), new Row("redis", 0.05, 3)));
        rows.sort(fourForks.forkOrder(Row::halfWidth, Row::forks));
        assertThat(rows).extracting(Row::name).containsExactly("nimbus", "auth0", "postgres", "sha256", "redis");
    }

    /**
     * The expected half-width with one more fork is what simulated rows with that scatter get on average: normal fork
     * means, three forks and then four, 4,000 times each.
     */
    @Test
    void theExpectedHalfWidthWithOneMoreForkMatchesSimulatedForks() {
        Random random = new Random(7);
        double three = 0;
        double four = 0;
        int runs = 4000;
        for (int i = 0; i < runs; i++) {
            double[][] forks = new double[4][];
            for (int f = 0; f < 4; f++) {
                forks[f] = new double[] {100 + 2 * random.nextGaussian()};
            }
            three += ForkLevel.mean(new Forked(Arrays.copyOf(forks, 3)), 0.95).relativeHalfWidth();
            four += ForkLevel.mean(new Forked(forks), 0.95).relativeHalfWidth();
        }
        // The mean sample standard deviation grows a little from three values to four (c4: 0.886 to 0.921), so the
        // simulated ratio sits 4% above the expectation, which takes the scatter as known.
        assertThat((four / runs) / ForkLevel.halfWidthWithOneMoreFork(three / runs, 3, 0.95)).isBetween(1.0, 1.08);
    }

    /**
     * Kalibera and Jones: when iterations scatter but the forks agree, longer forks are the cheap way to precision
     * (up to four times the pass's iterations); when the forks disagree, only more forks help (the pass's own count).
     */
    @Test
    void iterationsPerForkFollowWhereTheNoiseIs() {
        Pass pass = Profile.STANDARD.passes().get(0);
        double[][] noisyIterations = {{90, 110, 95, 105}, {110, 90, 105, 95}, {95, 105, 110, 90}};
        assertThat(Adaptive.iterationsPerFork(noisyIterations, pass)).isEqualTo(4 * pass.iterations());
        double[][] disagreeingForks = {{100, 100.1, 99.9}, {150, 150.1, 149.9}, {80, 80.1, 79.9}};
        assertThat(Adaptive.iterationsPerFork(disagreeingForks, pass)).isEqualTo(pass.iterations());
        assertThat(Adaptive.iterationsPerFork(new double[][] {{1}, {2}, {3}}, pass)).isEqualTo(pass.iterations());
    }

    /**
     * A target no row can reach: every row runs to the cap, one merged row each with every fork's iterations, named
     * as capped on the terminal and in the manifest. Then the last fork of one row is taken away and the run marked
     * interrupted: {@code --resume} keeps the other row as it was and runs exactly the missing fork.
     */
    @Test
    void rowsRunToTheCapAsOneMergedRowEachAndAResumeAddsOnlyMissingForks() throws IOException {
        Cli.Result r = Cli.run("run", "--profile", "quick", "--include", "CryptoFloorBenchmark.floor_jwsSignature",
                "--param", "alg=HS256,RS256", "--precision", "0.000001", "--max-forks", "3", "--seed", "7",
                "--no-conformance", "--no-report", "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("precision: 0 of 2 rows within ±0.0%", "6 forks (3-3 per row; 6 if every row ran to the cap)",
                "capped at 3 forks: CryptoFloorBenchmark.floor_jwsSignature {alg=HS256, provider=DEFAULT} avgt");
        Path run = folder();
        List<JmhRow> rows = JmhResults.read(run.resolve(RunCommand.RESULT_FILE));
        assertThat(rows).hasSize(2).allSatisfy(row -> {
            assertThat(row.forks()).isEqualTo(3);
            assertThat(row.primary().rawData()).hasSize(3).allSatisfy(f -> assertThat(f).hasSize(2));
            double mean = row.primary().rawData().stream().flatMapToDouble(Arrays::stream).average().orElseThrow();
            assertThat(row.score()).isCloseTo(mean, within(1e-6 * mean));
        });
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("precisionTarget").asDouble()).isEqualTo(0.000001);
        assertThat(manifest.get("precision").get("seed").asLong()).isEqualTo(7);
        assertThat(manifest.get("precision").get("rows")).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("forks").asInt()).isEqualTo(3);
            assertThat(row.get("capped").asBoolean()).isTrue();
            assertThat(row.get("halfWidth").asDouble()).isPositive();
        });

        ArrayNode saved = (ArrayNode) JSON.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        JsonNode untouched = saved.get(1);
        saved.set(0, ForkMerge.merge(ForkMerge.split(saved.get(0)).subList(0, 2)));
        JSON.writeValue(run.resolve(RunCommand.RESULT_FILE).toFile(), saved);
        ((ObjectNode) manifest).put("status", "interrupted");
        JSON.writeValue(run.resolve("manifest.json").toFile(), manifest);

        Cli.Result resumed = Cli.run("run", "--resume", run.toString());
        assertThat(resumed.exit()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("2 rows kept", "[1/1] CryptoFloorBenchmark.floor_jwsSignature {alg=HS256").doesNotContain("[2/");
        ArrayNode after = (ArrayNode) JSON.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(after).hasSize(2);
        assertThat(after.get(0).get("forks").asInt()).isEqualTo(3);
        assertThat(after.get(0).get("primaryMetric").get("rawData").get(1)).isEqualTo(saved.get(0).get("primaryMetric")
                .get("rawData").get(1));
        assertThat(after.get(1)).isEqualTo(untouched);
        JsonNode end = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(end.get("status").asText()).isEqualTo("finished");
        assertThat(end.get("resumed")).hasSize(1);
    }

    /**
     * A budget too small for anything beyond the minimum: every row gets its three forks (fewer give no interval),
     * then stops short of both the unreachable target and the cap, and the terminal and the manifest say it was the
     * budget.
     */
    @Test
    void aSpentBudgetStopsRowsAfterTheMinimumForks() throws IOException {
        Cli.Result r = Cli.run("run", "--profile", "quick", "--include", "CryptoFloorBenchmark.floor_jwsSignature",
                "--param", "alg=HS256,RS256", "--precision", "0.000001", "--max-forks", "6", "--budget", "0.01",
                "--no-conformance", "--no-report", "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("6 forks (3-6 per row; 12 if every row ran to the cap)",
                "stopped by the 0.01-minute budget at 3 forks: CryptoFloorBenchmark.floor_jwsSignature {alg=HS256")
                .doesNotContain("capped at");
        JsonNode manifest = JSON.readTree(folder().resolve("manifest.json").toFile());
        assertThat(manifest.get("precision").get("budgetSeconds").asDouble()).isEqualTo(0.6, within(1e-9));
        assertThat(manifest.get("warmupEnd").asText()).as("estimates read each fork from its steady part").isEqualTo("steady-state");
        assertThat(manifest.get("precision").get("rows")).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("forks").asInt()).isEqualTo(3);
            assertThat(row.get("overBudget").asBoolean()).isTrue();
            assertThat(row.get("capped").asBoolean()).isFalse();
        });
    }

    @Test
    void theBudgetCountsWhatIsLeftToDo() {
        Adaptive tenMinutes = new Adaptive(0.03, 3, 4, 1, 600);
        assertThat(tenMinutes.fits(500, 10, 60)).isTrue();
        assertThat(tenMinutes.fits(500, 10, 100)).isFalse();
        assertThat(new Adaptive(0.03, 3, 4, 1, 0).fits(1e6, 10, 1e6)).isTrue();
        // Per JVM: full's 50 minutes on JDK 17 and 25 are 100 minutes of run.
        assertThat(Adaptive.budgetSeconds(50, 2)).isEqualTo(6000);
        assertThat(Adaptive.budgetSeconds(11, 0)).isEqualTo(Adaptive.budgetSeconds(11, 1)).isEqualTo(660);
    }

    private Path folder() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
