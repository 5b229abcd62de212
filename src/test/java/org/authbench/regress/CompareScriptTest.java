package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.authbench.regress.SyntheticRuns.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/compare.sh}'s rounds without measuring anything: a throwaway repository with two commits, cached
 * "jars" for both, and a {@code JAVA} that hands {@code run} to {@link FakeAuthbench} (instant synthetic rounds) and
 * {@code compare} to the real command. Checks which rows get extra rounds, what stops them, and duet pinning.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
class CompareScriptTest {

    @TempDir
    Path tmp;
    Path repo;
    Path jars;
    Path log;
    String base;
    String head;

    @BeforeEach
    void repository() throws Exception {
        repo = Files.createDirectories(tmp.resolve("repo"));
        Files.createDirectories(repo.resolve("scripts"));
        for (String script : List.of("compare.sh", "gate-quality.sh", "gate-quality.py")) {
            Files.copy(Path.of("scripts", script), repo.resolve("scripts").resolve(script));
        }
        sh(repo, "git init -q . && git add -A && git -c user.name=t -c user.email=t@t.invalid commit -qm base");
        base = sh(repo, "git rev-parse HEAD").strip();
        Files.writeString(repo.resolve("change.txt"), "head\n");
        sh(repo, "git add -A && git -c user.name=t -c user.email=t@t.invalid commit -qm head");
        head = sh(repo, "git rev-parse HEAD").strip();
        jars = Files.createDirectories(tmp.resolve("jars"));
        Files.writeString(jars.resolve(base + ".jar"), "not a jar: JAVA below never opens it\n");
        Files.writeString(jars.resolve(head + ".jar"), "not a jar: JAVA below never opens it\n");
        Path java = tmp.resolve("java");
        Files.writeString(java, """
                #!/bin/sh
                # JVM options go to the real java, -jar FILE is replaced by the fake jar.
                opts=
                while [ $# -gt 0 ] && [ "$1" != -jar ]; do opts="$opts $1"; shift; done
                shift 2
                exec "$REAL_JAVA" $opts -cp "$FAKE_CP" org.authbench.regress.FakeAuthbench "$@"
                """);
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        log = tmp.resolve("runs.log");
    }

    private record Result(int exit, String out, String err, Path dir) {

        String summary() throws IOException {
            return Files.readString(dir.resolve("summary.md"));
        }

        JsonNode row(Row r) throws IOException {
            for (JsonNode n : CliRun.JSON.readTree(dir.resolve("verdicts.json").toFile()).get("rows")) {
                if (n.get("name").asText().equals(r.name())) {
                    return n;
                }
            }
            throw new AssertionError("no row " + r.name());
        }
    }

    private Result compare(Map<String, String> env, String... prefix) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(prefix));
        cmd.addAll(List.of("bash", "scripts/compare.sh", base, head));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(repo.toFile());
        Path out = env.containsKey("OUT") ? Path.of(env.get("OUT")) : tmp.resolve("out");
        pb.environment().putAll(Map.of("JAVA", tmp.resolve("java").toString(), "JAR_CACHE", jars.toString(),
                "OUT", out.toString(), "ROUNDS", "2", "DUET", "0", "PAIRED", "1", "FAKE_LOG", log.toString(),
                "REAL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "FAKE_CP", System.getProperty("java.class.path")));
        pb.environment().putAll(env);
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        return new Result(p.exitValue(), Files.readString(tmp.resolve("stdout")), Files.readString(tmp.resolve("stderr")),
                out);
    }

    private static String sh(Path dir, String command) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    private List<String> runs(String side) throws IOException {
        return Files.readAllLines(log).stream().filter(l -> l.startsWith(side + " ")).toList();
    }

    @Test
    void inconclusiveRowsGetExtraRoundsUntilTheCap() throws Exception {
        Result r = compare(Map.of("MAX_ROUNDS", "4"));
        assertThat(r.exit()).as(r.err()).isZero();
        List<Row> rows = SyntheticRuns.rows(true);
        for (Row row : rows) {
            int forks = row.spread() > 0.1 ? 4 : 2;
            assertThat(row(r, row, "baseStats")).as(row.name()).isEqualTo(forks);
            assertThat(row(r, row, "headStats")).as(row.name()).isEqualTo(forks);
        }
        // Two full rounds, then two rounds of two narrowed invocations each (the noisy rows are on a diagonal).
        assertThat(runs("base")).hasSize(2 + 2 * 2);
        assertThat(runs("base").get(2)).contains("--include ^org\\.authbench\\.bench\\.VerifyBenchmark\\.verify_valid$")
                .contains("--no-conformance");
        assertThat(runs("base").get(0)).doesNotContain("--no-conformance").contains(" ignoreLock=null ");
        // Conformance ends each side's first round only; the second full round skips it.
        assertThat(runs("head").get(0)).doesNotContain("--no-conformance");
        assertThat(runs("base").get(1)).contains("--no-conformance");
        assertThat(runs("head").get(1)).contains("--no-conformance");
        try (var folders = Files.list(r.dir().resolve("base"))) {
            assertThat(folders.count()).isEqualTo(6);
        }
        // The rounds pair fork i of both sides: compare judges within rounds.
        assertThat(r.summary()).contains("forks a side, paired by round").contains("t over the log ratios of the forks paired by round");
        assertThat(r.summary()).contains("_4 rounds × (base, head), sequential")
                .contains("Extra rounds after the first 2").contains("cap was reached (MAX_ROUNDS=4)");
        for (Row row : rows) {
            if (row.spread() > 0.1) {
                assertThat(r.summary()).contains("- " + row.name() + ": 2");
            } else {
                assertThat(r.summary()).doesNotContain("- " + row.name());
            }
        }
        assertThat(r.out()).isEqualTo(r.summary());
    }

    private static int row(Result r, Row row, String side) throws IOException {
        return r.row(row).get(side).get("forks").asInt();
    }

    @Test
    void noExtraRoundWhenEveryRowIsConclusive() throws Exception {
        Result r = compare(Map.of("FAKE_NOISY", "0"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(runs("base")).hasSize(2);
        assertThat(r.summary()).contains("_2 rounds × (base, head)").doesNotContain("Extra rounds")
                .contains("No more extra rounds: no row was left inconclusive");
    }

    @Test
    void theBudgetStopsExtraRounds() throws Exception {
        Result r = compare(Map.of("BUDGET_MINUTES", "0.001"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(runs("base")).hasSize(2);
        assertThat(r.summary()).contains("_2 rounds × (base, head)")
                .contains("time budget (BUDGET_MINUTES=0.001) has no room for another round of 2 rows");
    }

    @Test
    void duetPinsTheSidesToTwoCpusSwappedEveryRound() throws Exception {
        assumeTrue(onPath("taskset") && Runtime.getRuntime().availableProcessors() >= 2, "needs taskset and 2 CPUs");
        Result r = compare(Map.of("DUET", "1", "MAX_ROUNDS", "3"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.summary()).contains("_3 rounds × (base, head), duet");
        // Round 3 runs two narrowed invocations per side, on the CPU of an odd round.
        assertThat(runs("base")).extracting(l -> l.split(" ")[2]).containsExactly("cpus=0", "cpus=1", "cpus=0", "cpus=0");
        assertThat(runs("head")).extracting(l -> l.split(" ")[2]).containsExactly("cpus=1", "cpus=0", "cpus=1", "cpus=1");
        // Two JMH hosts at once: the second would otherwise stop at JMH's lock file.
        assertThat(runs("base")).allMatch(l -> l.split(" ")[3].equals("ignoreLock=true"));
    }

    @Test
    void sequentialIsTheDefaultAndAutoRunsDuetWhereItCan() throws Exception {
        assumeTrue(onPath("taskset") && Runtime.getRuntime().availableProcessors() >= 2, "needs taskset and 2 CPUs");
        // Empty is unset to the script: its default, even where duet could run.
        Result plain = compare(Map.of("DUET", "", "PAIRED", "0", "MAX_ROUNDS", "2", "OUT", tmp.resolve("out-default").toString()));
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.summary()).contains("_2 rounds × (base, head), sequential");
        assertThat(plain.err()).doesNotContain("duet mode needs");
        Result r = compare(Map.of("DUET", "auto", "PAIRED", "0", "MAX_ROUNDS", "2"));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.summary()).contains("_2 rounds × (base, head), duet").doesNotContain("paired by round");
        Result one = compare(Map.of("DUET", "auto", "MAX_ROUNDS", "2", "OUT", tmp.resolve("out-one-cpu").toString()),
                "taskset", "-c", "0");
        assertThat(one.exit()).as(one.err()).isZero();
        assertThat(one.err()).contains("compare.sh: sequential rounds (duet mode needs taskset and 2 CPUs)");
        assertThat(one.summary()).contains("_2 rounds × (base, head), sequential");
    }

    @Test
    void duetOnOneCpuIsBadInput() throws Exception {
        assumeTrue(onPath("taskset"), "needs taskset");
        Result r = compare(Map.of("DUET", "1"), "taskset", "-c", "0");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("DUET=1 needs 2 CPUs").hasLineCount(1);
        assertThat(r.dir()).doesNotExist();
    }

    @Test
    void badSettingsAreOneLineExitTwo() throws Exception {
        for (Map<String, String> env : List.of(Map.of("BUDGET_MINUTES", "ten"), Map.of("MAX_ROUNDS", "-1"),
                Map.of("DUET", "yes"), Map.of("PAIRED", "yes"))) {
            Result r = compare(env);
            assertThat(r.exit()).as(env.toString()).isEqualTo(2);
            assertThat(r.err()).as(env.toString()).hasLineCount(1);
        }
    }

    /**
     * scripts/gate-quality.sh over the fake rounds: an A/A compare and one whose head carries the self-test knob,
     * which the fake turns into reference rows 10% slower. The table must count the A/A compare clean, the slowdown
     * caught on exactly the reference rows, and read host noise and forks from the compares' own files.
     */
    @Test
    void gateQualityCountsFalseAlarmsAndCaughtSlowdowns() throws Exception {
        assumeTrue(onPath("python3"), "needs python3");
        ProcessBuilder pb = new ProcessBuilder("bash", "scripts/gate-quality.sh", head).directory(repo.toFile());
        Path series = tmp.resolve("series");
        pb.environment().putAll(Map.of("JAVA", tmp.resolve("java").toString(), "JAR_CACHE", jars.toString(),
                "OUT", series.toString(), "ROUNDS", "2", "FAKE_NOISY", "0", "RUNS", "1", "MODES", "sequential",
                "REAL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "FAKE_CP", System.getProperty("java.class.path")));
        pb.redirectOutput(tmp.resolve("stdout").toFile()).redirectError(tmp.resolve("stderr").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String err = Files.readString(tmp.resolve("stderr"));
        assertThat(p.exitValue()).as(err).isZero();
        assertThat(Files.readString(series.resolve("01-sequential-aa/exit")).strip()).isEqualTo("0");
        assertThat(Files.readString(series.resolve("02-sequential-slow10/exit")).strip()).isEqualTo("1");
        String table = Files.readString(series.resolve("quality.md"));
        assertThat(Files.readString(tmp.resolve("stdout"))).isEqualTo(table);
        // mode | A/A false regressions | false improvements | caught | reference rows flagged | other rows flagged
        assertThat(table).contains("| sequential | 0 of 1 | 0 of 1 | 1 of 1 | 2 of 2 | 0 |");
        assertThat(table).containsPattern("\\| series/02-sequential-slow10 \\| sequential \\| 10% slowdown \\| 1 \\| "
                + "2 regression, 0 improvement, 2 no change, 0 inconclusive \\| HS256 1\\.1\\d\\d \\[.*RS256 1\\.1\\d\\d "
                + "\\[.*\\| 2 \\| .*% \\| 12% \\| .* min \\|");
    }

    @Test
    void gateQualityRefusesBadSettingsInOneLine() throws Exception {
        for (Map<String, String> env : List.of(Map.of("RUNS", "0"), Map.of("MODES", "parallel"), Map.of("SLOWDOWN", "ten"))) {
            ProcessBuilder pb = new ProcessBuilder("bash", "scripts/gate-quality.sh").directory(repo.toFile());
            pb.environment().putAll(env);
            pb.environment().put("OUT", tmp.resolve("never").toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor()).as(env.toString()).isEqualTo(2);
            assertThat(out).as(env.toString()).hasLineCount(1).startsWith("gate-quality.sh: ");
            assertThat(tmp.resolve("never")).doesNotExist();
        }
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
