package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.authbench.apikey.Servers;
import org.authbench.bench.Profile;
import org.authbench.support.Cli;
import org.authbench.support.InterruptedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code run} promises when things go wrong: an interrupted run keeps the results of the jobs that
 * finished and its manifest says {@code interrupted}; a failing row is recorded and the others kept (exit 1);
 * a job that cannot start ends the run as {@code failed} with earlier rows kept; a run never writes into an
 * existing folder. Each real run is one or two rows of one benchmark on the quick profile.
 */
class RunFailureTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path out;

    @BeforeAll
    static void shareTheMachine() {
        Cli.ignoreJmhLock();
    }

    /** A real SIGTERM while the second of two jobs runs. */
    @Test
    void anInterruptedRunKeepsFinishedJobsAndSaysInterrupted() throws Exception {
        InterruptedRun stopped = InterruptedRun.afterFirstJob(out);
        String printed = stopped.printed();
        assertThat(stopped.exit()).as(printed).isNotZero();
        Path run = stopped.runDir();
        assertThat(printed).contains("run interrupted: completed passes are kept in " + run);
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("interrupted");
        assertThat(manifest.get("endedAt").isNull()).isFalse();
        JsonNode rows = JSON.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(rows).as("the first job's row, and nothing of the second").singleElement()
                .satisfies(row -> assertThat(row.get("threads").asInt()).isEqualTo(1));
        assertThat(rows.get(0).get("primaryMetric").get("score").asDouble()).isPositive();
    }

    /** A row whose trial fails (an unknown parameter value) is recorded; the other row of the job is kept; exit 1. */
    @Test
    void aFailingRowIsRecordedAndTheOthersAreKept() throws IOException {
        Cli.Result r = Cli.run("run", "--profile", "quick", "--include", "CryptoFloorBenchmark.floor_jwsSignature",
                "--param", "alg=HS256,NOSUCH", "--no-conformance", "--no-report", "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.NEGATIVE);
        assertThat(r.out()).contains("FAILED: CryptoFloorBenchmark.floor_jwsSignature {alg=NOSUCH");
        Path run = folders().get(0);
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("finished");
        assertThat(manifest.get("failedRows")).singleElement()
                .satisfies(f -> assertThat(f.get("row").asText()).contains("alg=NOSUCH"));
        assertThat(JSON.readTree(run.resolve(RunCommand.RESULT_FILE).toFile())).singleElement()
                .satisfies(row -> assertThat(row.get("params").get("alg").asText()).isEqualTo("HS256"));
    }

    /**
     * A job JMH cannot start (its fork JVM exits at once) ends the run as an internal error: the manifest says
     * {@code failed}, not {@code running}, and the earlier job's row is kept.
     */
    @Test
    void aJobThatCannotStartEndsTheRunAsFailedAndKeepsEarlierJobs() throws IOException {
        Path broken = Files.writeString(out.resolve("broken-java"), "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path runs = Files.createDirectory(out.resolve("runs"));
        Cli.Result r = Cli.run("run", "--profile", "quick", "--include", "CryptoFloorBenchmark.floor_jwsSignature",
                "--param", "alg=HS256", "--jvm", JAVA.toString(), "--jvm", broken.toString(), "--no-conformance",
                "--no-report", "--out", runs.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.INTERNAL);
        assertThat(r.errLines()).hasSize(1);
        Path run;
        try (Stream<Path> s = Files.list(runs)) {
            run = s.findFirst().orElseThrow();
        }
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("failed");
        assertThat(manifest.get("forkJvms")).extracting(JsonNode::asText).containsExactly(JAVA.toString(), broken.toString());
        JsonNode rows = JSON.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(rows).singleElement().satisfies(row -> assertThat(row.get("jvm").asText()).isEqualTo(JAVA.toString()));
    }

    /**
     * A requested store whose server cannot be reached leaves nothing to run for that parameter: one line saying
     * why, exit 2, decided before any run folder exists (Redis pointed at a loopback port nobody listens on).
     */
    @Test
    void aRequestedStoreThatCannotRunIsRefusedBeforeAnyFolderExists() throws Exception {
        ProcessBuilder b = new ProcessBuilder(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--profile", "stores", "--param", "store=REDIS", "--out", out.toString());
        int port = Servers.unusedLoopbackPort();
        b.environment().put("AUTHBENCH_REDIS_URL", "redis://127.0.0.1:" + port);
        Process p = b.redirectErrorStream(true).start();
        String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(printed).isEqualTo(Main.USAGE);
        assertThat(printed.strip().split("\\R")).containsExactly(
                "authbench: no requested store can run here: no Redis at 127.0.0.1:" + port + ": Connection refused");
        assertThat(folders()).isEmpty();
    }

    /** Folders named for this second and the next few exist already: the run takes the {@code -2} suffix instead. */
    @Test
    void aRunNeverWritesIntoAnExistingFolder() throws IOException {
        Map<String, Object> git = Map.of("shortCommit", "abc1234", "dirty", true);
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
        for (int s = -1; s <= 5; s++) {
            String name = now.plusSeconds(s).format(stamp) + "-abc1234-dirty-quick";
            Files.writeString(Files.createDirectory(out.resolve(name)).resolve("manifest.json"), name);
        }
        Path dir = RunCommand.newRunDir(out, "quick", git);
        assertThat(dir.getParent()).isEqualTo(out);
        assertThat(dir.getFileName().toString()).endsWith("-abc1234-dirty-quick-2");
        assertThat(out.resolve(dir.getFileName().toString().replaceFirst("-2$", ""))).as("the taken folder").isDirectory();
        assertThat(dir).isEmptyDirectory();
        try (Stream<Path> s = Files.list(out)) {
            for (Path taken : s.filter(d -> !d.equals(dir)).toList()) {
                assertThat(Files.readString(taken.resolve("manifest.json"))).isEqualTo(taken.getFileName().toString());
            }
        }
    }

    @Test
    void helpNamesEveryProfile() {
        Cli.Result r = Cli.run("run", "--help");
        assertThat(r.exit()).isZero();
        List<String> names = Stream.of(Profile.values()).map(Profile::cliName).toList();
        assertThat(r.out().replaceAll("\\s+", " ")).contains("--profile=NAME " + String.join(", ", names) + " (default: standard)");
    }

    private List<Path> folders() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
