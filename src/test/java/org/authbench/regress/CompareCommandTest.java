package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.regress.CliRun.fixture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.authbench.runfiles.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code authbench compare} on synthetic JMH results whose answers are known (see
 * {@code src/test/resources/regress/README.md}): verdicts, direction by unit, missing rows, exit codes.
 */
class CompareCommandTest {

    private static final String TIME = "alg=HS256 library=REFERENCE";
    private static final String THROUGHPUT = "store=HASHED (thrpt)";
    private static final String SAMPLE = "alg=ES256 library=REFERENCE";
    private static final String NOISY = "library=NIMBUS";

    @Test
    void clearSlowdownIsARegressionInEveryDirectionAndExitsOne() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("head-slower.json"), "--format", "json");
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.row(TIME, "score").get("verdict").asText()).isEqualTo("regression");
        // Throughput fell by 20%: lower is worse for ops/s.
        JsonNode thr = r.row(THROUGHPUT, "score");
        assertThat(thr.get("verdict").asText()).isEqualTo("regression");
        assertThat(thr.get("ratio").asDouble()).isBetween(0.78, 0.82);
        assertThat(thr.get("costChange").asDouble()).isBetween(0.2, 0.3);
        assertThat(r.row(SAMPLE, "score").get("verdict").asText()).isEqualTo("regression");
        assertThat(r.row(TIME, "allocation").get("verdict").asText()).isEqualTo("regression");
        JsonNode noisy = r.row(NOISY, "score");
        assertThat(noisy.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(noisy.get("reason").asText()).contains("straddles");
        assertThat(r.json().get("onlyInBase").toString()).contains("store=PLAIN");
        assertThat(r.json().get("onlyInHead").toString()).contains("store=CACHED");
    }

    @Test
    void clearSpeedUpIsAnImprovementAndPasses() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("head-faster.json"), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.row(TIME, "score").get("verdict").asText()).isEqualTo("improvement");
        // Throughput rose by 25%: higher is better for ops/s, so this is not a regression.
        assertThat(r.row(THROUGHPUT, "score").get("verdict").asText()).isEqualTo("improvement");
        assertThat(r.row(SAMPLE, "score").get("verdict").asText()).isEqualTo("improvement");
        assertThat(r.row(TIME, "allocation").get("verdict").asText()).isEqualTo("no change");
    }

    @Test
    void identicalRunsChangeNothing() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("base.json"), "--format", "json");
        assertThat(r.exit()).isZero();
        for (JsonNode row : r.json().get("rows")) {
            assertThat(row.get("ratio").asDouble()).isEqualTo(1.0);
            // Even against itself a row with ±25% fork-to-fork spread cannot rule out a 5% change.
            String expected = row.get("name").asText().contains(NOISY) ? "inconclusive" : "no change";
            assertThat(row.get("verdict").asText()).as(row.toString()).isEqualTo(expected);
        }
        assertThat(r.json().get("onlyInBase")).isEmpty();
    }

    @Test
    void sameDistributionPassesButNoiseFailsStrict() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("head-aa.json"), "--format", "json");
        assertThat(r.exit()).isZero();
        assertThat(r.json().get("counts").get("regression").asInt()).isZero();
        assertThat(r.row(TIME, "score").get("verdict").asText()).isEqualTo("no change");
        assertThat(r.row(NOISY, "score").get("verdict").asText()).isEqualTo("inconclusive");

        CliRun strict = CliRun.of("compare", fixture("base.json"), fixture("head-aa.json"), "--strict");
        assertThat(strict.exit()).isEqualTo(1);
    }

    @Test
    void aLooseThresholdAcceptsWhatTheDefaultRejects() {
        assertThat(CliRun.of("compare", fixture("base.json"), fixture("head-slower.json"), "--threshold", "30")
                .exit()).isZero();
    }

    @Test
    void unitsAreConvertedBeforeComparing() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("base-us.json"), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode row = r.row(TIME, "score");
        assertThat(row.get("unit").asText()).isEqualTo("ns/op");
        assertThat(row.get("ratio").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(row.get("verdict").asText()).isEqualTo("no change");
        assertThat(r.json().get("onlyInBase")).hasSize(4);
    }

    @Test
    void oneForkIsInconclusive() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("one-fork.json"), "--format", "json");
        JsonNode row = r.row(TIME, "score");
        assertThat(row.get("verdict").asText()).isEqualTo("inconclusive");
        assertThat(row.get("reason").asText()).contains("too few forks");
        assertThat(r.exit()).isZero();
        assertThat(CliRun.of("compare", fixture("base.json"), fixture("one-fork.json"), "--strict").exit()).isEqualTo(1);
    }

    @Test
    void markdownListsRegressionsFirstWithRatioAndInterval() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("head-slower.json"));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("## authbench regression gate: 4 regressions");
        String table = r.out().substring(r.out().indexOf("|---"));
        String firstRow = table.lines().skip(1).findFirst().orElseThrow();
        assertThat(firstRow).startsWith("| **regression** |").containsPattern("\\[\\d\\.\\d{3}, \\d\\.\\d{3}\\]");
        assertThat(table.indexOf("| inconclusive |")).isGreaterThan(table.lastIndexOf("| **regression** |"));
        assertThat(r.out()).contains("Only in base").contains("store=PLAIN").contains("Only in head");
    }

    @Test
    void rowsWithOtherParametersDoNotMatch() {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture("other-params.json"));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no benchmark row in common").hasLineCount(1);
    }

    @Test
    void rowsOfDifferentJdksAreDifferentRows(@TempDir Path tmp) throws IOException {
        ArrayNode base = (ArrayNode) CliRun.JSON.readTree(Path.of(fixture("base.json")).toFile());
        ArrayNode on21 = base.deepCopy();
        on21.forEach(r -> ((ObjectNode) r).put("jdkVersion", "21.0.5"));
        Path jdk21 = tmp.resolve("jdk21.json");
        Files.writeString(jdk21, on21.toString());
        CliRun across = CliRun.of("compare", fixture("base.json"), jdk21.toString());
        assertThat(across.exit()).isEqualTo(2);
        assertThat(across.err()).contains("JDK 17.0.15 vs 21.0.5").hasLineCount(1);

        // One run on two JDKs (run --jvm twice): each row stays itself and says its JDK.
        ArrayNode both = base.deepCopy();
        both.addAll(on21);
        Path two = tmp.resolve("two-jdks.json");
        Files.writeString(two, both.toString());
        CliRun r = CliRun.of("compare", two.toString(), two.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.row(TIME + " poolSize=256 (avgt, JDK 21.0.5)", "score").at("/baseStats/forks").asInt()).isEqualTo(3);
        assertThat(r.row(TIME + " poolSize=256 (avgt, JDK 17.0.15)", "score").at("/baseStats/forks").asInt()).isEqualTo(3);
    }

    @Test
    void aRowOnTheDefaultProviderIsTheRowFromBeforeTheParameterAndOtherProvidersAreNot(@TempDir Path tmp) throws IOException {
        ArrayNode base = (ArrayNode) CliRun.JSON.readTree(Path.of(fixture("base.json")).toFile());
        ArrayNode withDefault = base.deepCopy();
        withDefault.forEach(r -> ((ObjectNode) r.get("params")).put("provider", "DEFAULT"));
        Path head = tmp.resolve("default.json");
        Files.writeString(head, withDefault.toString());
        CliRun same = CliRun.of("compare", fixture("base.json"), head.toString(), "--format", "json");
        assertThat(same.exit()).as(same.err()).isZero();
        assertThat(same.row(TIME + " poolSize=256", "score").path("verdict").asText()).isEqualTo("no change");

        ArrayNode onBc = base.deepCopy();
        onBc.forEach(r -> ((ObjectNode) r.get("params")).put("provider", "BC"));
        Path bc = tmp.resolve("bc.json");
        Files.writeString(bc, onBc.toString());
        CliRun other = CliRun.of("compare", fixture("base.json"), bc.toString());
        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("no benchmark row in common");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage.json", "foreign-object.json", "foreign-array.json"})
    void garbageAndForeignFilesAreBadInput(String file) {
        CliRun r = CliRun.of("compare", fixture("base.json"), fixture(file));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("authbench: HEAD: ").contains(file).hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unitsThatCannotBeConvertedAreRefusedInOneLine(@TempDir Path tmp) throws IOException {
        // Same row (benchmark, params, mode, threads, JDK) in ns/op on one side and ops/ms on the other: a time
        // per operation and a throughput of one mode are not the same quantity, so the gate refuses to guess.
        CliRun r = CliRun.of("compare", fixture("base.json"), withFirstUnit(tmp, "ops/ms").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(TIME).contains("is in ns/op in BASE but ops/s in HEAD").hasLineCount(1)
                .doesNotContain("\tat ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void anUnknownUnitIsRefusedInOneLine(@TempDir Path tmp) throws IOException {
        CliRun r = CliRun.of("compare", fixture("base.json"), withFirstUnit(tmp, "furlongs").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("authbench: HEAD: ").contains(TIME)
                .contains("unit 'furlongs' has no known better direction").hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    /** base.json with the score unit of its first row (verify_valid REFERENCE HS256, avgt) replaced. */
    private static Path withFirstUnit(Path dir, String unit) throws IOException {
        ArrayNode rows = (ArrayNode) CliRun.JSON.readTree(Path.of(fixture("base.json")).toFile());
        assertThat(rows.get(0).get("benchmark").asText()).endsWith("verify_valid");
        ((ObjectNode) rows.get(0).get("primaryMetric")).put("scoreUnit", unit);
        Path file = dir.resolve("head-" + unit.replace('/', '-') + ".json");
        CliRun.JSON.writeValue(file.toFile(), rows);
        return file;
    }

    @Test
    void badArgumentsAreOneLineExitTwo(@TempDir Path tmp) {
        String base = fixture("base.json");
        for (String[] args : new String[][] {
                {"compare", base, tmp.resolve("missing.json").toString()},
                {"compare", base, tmp.toString()},
                {"compare", base, base, "--threshold", "0"},
                {"compare", base, base, "--confidence", "1.5"},
                {"compare", base, base, "--format", "xml"},
                {"compare", base, base, "--export", "bencher"},
                {"compare", base, base, "--export", "csv", "--export-file", tmp.resolve("x").toString()}}) {
            CliRun r = CliRun.of(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", args)).hasLineCount(1).doesNotContain("\tat ");
        }
    }

    @Test
    void runRefusesZeroForksBeforeWritingAnything() {
        // scripts/compare.sh runs `run --forks 1` per round and probes old jars with `--forks 0`.
        CliRun r = CliRun.of("run", "--profile", "ci", "--forks", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--forks must be at least 1").hasLineCount(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void runFoldersCarryCommitsAndRoundsMergeForkByFork(@TempDir Path tmp) throws IOException {
        Path base = runFolder(tmp.resolve("base"), "aaaaaaa111", "ci", "base.json");
        Path rounds = tmp.resolve("head");
        runFolder(rounds.resolve("round-1"), "bbbbbbb222", "ci", "head-aa.json");
        runFolder(rounds.resolve("round-2"), "bbbbbbb222", "ci", "head-aa.json");
        CliRun r = CliRun.of("compare", base.toString(), rounds.toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().at("/base/commit").asText()).isEqualTo("aaaaaaa111");
        assertThat(r.json().at("/head/commit").asText()).isEqualTo("bbbbbbb222");
        assertThat(r.row(TIME, "score").at("/headStats/forks").asInt()).isEqualTo(6);
        assertThat(r.row(TIME, "score").at("/baseStats/forks").asInt()).isEqualTo(3);
        assertThat(CliRun.of("compare", base.toString(), rounds.toString()).out()).contains("Base `aaaaaaa` → head `bbbbbbb`");
    }

    @Test
    void mismatchedRunsAreBadInput(@TempDir Path tmp) throws IOException {
        Path base = runFolder(tmp.resolve("base"), "aaaaaaa111", "ci", "base.json");
        Path quick = runFolder(tmp.resolve("quick"), "bbbbbbb222", "quick", "base.json");
        CliRun profiles = CliRun.of("compare", base.toString(), quick.toString());
        assertThat(profiles.exit()).isEqualTo(2);
        assertThat(profiles.err()).contains("'ci' run and HEAD a 'quick' run").hasLineCount(1);

        Path rounds = tmp.resolve("rounds");
        runFolder(rounds.resolve("r1"), "bbbbbbb222", "ci", "base.json");
        runFolder(rounds.resolve("r2"), "ccccccc333", "ci", "base.json");
        CliRun commits = CliRun.of("compare", base.toString(), rounds.toString());
        assertThat(commits.exit()).isEqualTo(2);
        assertThat(commits.err()).contains("differ in git.commit").hasLineCount(1);

        Path future = runFolder(tmp.resolve("future"), "ddddddd444", "ci", "base.json");
        ObjectNode m = (ObjectNode) CliRun.JSON.readTree(future.resolve("manifest.json").toFile());
        m.put("formatVersion", 99);
        Files.writeString(future.resolve("manifest.json"), m.toString());
        CliRun version = CliRun.of("compare", base.toString(), future.toString());
        assertThat(version.exit()).isEqualTo(2);
        assertThat(version.err()).contains("formatVersion 99");
    }

    @Test
    void selfTestSlowdownIsReported(@TempDir Path tmp) throws IOException {
        Path base = runFolder(tmp.resolve("base"), "aaaaaaa111", "ci", "base.json");
        Path head = runFolder(tmp.resolve("head"), "aaaaaaa111", "ci", "head-slower.json");
        ObjectNode m = (ObjectNode) CliRun.JSON.readTree(head.resolve("manifest.json").toFile());
        m.putObject("selftest").put("slowdownPercent", 20);
        Files.writeString(head.resolve("manifest.json"), m.toString());
        CliRun r = CliRun.of("compare", base.toString(), head.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("HEAD ran with the self-test slowdown of 20%");
    }

    @Test
    void hostNoiseOfEachSideIsReportedFromItsWorstRun(@TempDir Path tmp) throws IOException {
        Path base = tmp.resolve("base");
        noisy(runFolder(base.resolve("r1"), "aaaaaaa111", "ci", "base.json"), 1.05);
        noisy(runFolder(base.resolve("r2"), "aaaaaaa111", "ci", "base.json"), 1.36);
        Path head = noisy(runFolder(tmp.resolve("head"), "aaaaaaa111", "ci", "head-slower.json"), 1.10);
        CliRun r = CliRun.of("compare", base.toString(), head.toString());
        assertThat(r.out()).contains("> BASE: the host's own speed moved up to 36% during its runs (a fixed calibration "
                + "workload timed between forks; the worst of 2 runs)")
                .contains("> HEAD: the host's own speed moved up to 10% during its runs (a fixed calibration workload "
                        + "timed between forks; the worst of 1 run)");
        // A run that kept no reading says nothing about the host.
        Path quiet = runFolder(tmp.resolve("quiet"), "aaaaaaa111", "ci", "base.json");
        assertThat(CliRun.of("compare", quiet.toString(), head.toString()).out()).doesNotContain("BASE: the host");
    }

    @Test
    void rowsThatWarmedUpDifferentlyAreNamedAndRowsThatWarmedUpAlikeAreNot(@TempDir Path tmp) throws IOException {
        // A baseline recorded before a profile's warmup changed: its rows ran 5 x 1000 ms, the head's 3 x 500 ms.
        Path base = runFolder(tmp.resolve("base"), "aaaaaaa111", "ci", "base.json");
        Path head = runFolder(tmp.resolve("head"), "bbbbbbb222", "ci", "head-aa.json");
        ArrayNode rows = (ArrayNode) CliRun.JSON.readTree(head.resolve(RunFiles.RESULT).toFile());
        rows.forEach(r -> ((ObjectNode) r).put("warmupIterations", 3).put("warmupTime", "500 ms"));
        Files.writeString(head.resolve(RunFiles.RESULT), rows.toString());
        CliRun r = CliRun.of("compare", base.toString(), head.toString(), "--format", "json");
        assertThat(r.json().get("notes").toString())
                .contains("5 of 5 rows warmed up differently (5 × 1000 ms in BASE, 3 × 500 ms in HEAD)");
        assertThat(CliRun.of("compare", base.toString(), head.toString()).out()).contains("> 5 of 5 rows warmed up differently");

        Path alike = runFolder(tmp.resolve("alike"), "bbbbbbb222", "ci", "head-aa.json");
        assertThat(CliRun.of("compare", base.toString(), alike.toString(), "--format", "json").json().get("notes").toString())
                .doesNotContain("warmed up");
    }

    private static Path noisy(Path run, double spread) throws IOException {
        ObjectNode m = (ObjectNode) CliRun.JSON.readTree(run.resolve("manifest.json").toFile());
        m.putObject("hostNoise").put("readings", 3).put("medianMs", 2.0).put("spread", spread).put("stealShare", 0.0);
        Files.writeString(run.resolve("manifest.json"), m.toString());
        return run;
    }

    /** A run folder as {@code authbench run} writes it: results plus a manifest. */
    static Path runFolder(Path dir, String commit, String profile, String results) throws IOException {
        Files.createDirectories(dir);
        Files.copy(Path.of(fixture(results)), dir.resolve(RunFiles.RESULT));
        ObjectNode m = CliRun.JSON.createObjectNode();
        m.put("formatVersion", 1);
        m.put("tool", "authbench");
        m.put("profile", profile);
        m.put("status", "finished");
        m.putObject("git").put("commit", commit).put("shortCommit", commit.substring(0, 7)).put("dirty", false);
        m.putArray("failedRows");
        Files.writeString(dir.resolve("manifest.json"), m.toString());
        return dir;
    }
}
