package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Cli;
import org.authbench.support.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JMH smoke: one real row through {@code run} (a forked JVM, the quick profile narrowed to one
 * benchmark), proving the wiring from CLI to JMH to run folder. Its numbers are not looked at.
 */
class RunCommandTest {

    @TempDir
    Path out;

    @BeforeAll
    static void shareTheMachine() {
        Cli.ignoreJmhLock();
    }

    @Test
    void runWritesANewFolderWithResultsAndAFinishedManifest() throws IOException {
        Cli.Result r = Cli.run("run", "--profile", "quick", "--include", "VerifyBenchmark.verify_valid",
                "--param", "library=REFERENCE", "--param", "alg=HS256", "--out", out.toString(),
                "--vectors", Vectors.dir().toString(), "--conformance-fuzz", "0");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        List<Path> runs = folders();
        assertThat(runs).hasSize(1);
        Path run = runs.get(0);
        assertThat(run.getFileName().toString()).endsWith("-quick");
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        // quick's means pass (AverageTime), then its percentile pass (SampleTime) over verification.
        assertThat(results).extracting(n -> n.get("mode").asText()).containsExactly("avgt", "sample");
        JsonNode row = results.get(0);
        assertThat(row.get("benchmark").asText()).endsWith("VerifyBenchmark.verify_valid");
        assertThat(row.get("params").get("library").asText()).isEqualTo("REFERENCE");
        assertThat(row.get("primaryMetric").get("score").asDouble()).isPositive();
        JsonNode manifest = json.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("finished");
        assertThat(manifest.get("profile").asText()).isEqualTo("quick");
        assertThat(manifest.get("libraries").get("com.nimbusds:nimbus-jose-jwt").asText()).matches("\\d+\\..*");
        assertThat(run.resolve("jmh.log")).isNotEmptyFile();
        // The run ends with the conformance check (when the vectors are there) and the report, and says where it is.
        if (Files.isDirectory(Vectors.dir())) {
            assertThat(json.readTree(run.resolve("conformance.json").toFile()).get("libraries")).hasSize(JwtLibrary.values().length + 1); // + the JDK row
        } else {
            assertThat(manifest.get("conformance").get("skipped").asText()).contains("vectors not found");
        }
        assertThat(r.out()).contains("report:   " + run.resolve("report.html"), "report:   " + run.resolve("report.md"));
        // Its last lines are the precision figures the report states, so they can be quoted from output.
        assertThat(r.out()).contains("precision: median relative half-width ", "rows not settled", "host noise: ");
        assertThat(run.resolve("report.md")).isNotEmptyFile();

        // A second run lands in its own folder and leaves the first untouched.
        byte[] before = Files.readAllBytes(run.resolve(RunCommand.RESULT_FILE));
        Cli.Result again = Cli.run("run", "--profile", "quick", "--include", "CryptoFloorBenchmark.floor_jwsSignature",
                "--param", "alg=HS256", "--threads", "1,2", "--out", out.toString(), "--no-report", "--no-conformance");
        assertThat(again.exit()).as(again.out() + again.err()).isZero();
        assertThat(folders()).hasSize(2);
        Path second = folders().stream().filter(p -> !p.equals(run)).findFirst().orElseThrow();
        JsonNode scaling = json.readTree(second.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(scaling).extracting(n -> n.get("threads").asInt()).containsExactly(1, 2);
        // A host reading before the first job and after the last (and between jobs 20 s apart).
        JsonNode noise = json.readTree(second.resolve("manifest.json").toFile()).get("hostNoise");
        assertThat(noise.get("readings").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(noise.get("medianMs").asDouble()).isPositive();
        assertThat(noise.get("spread").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(noise.get("stealShare").isNull() || noise.get("stealShare").asDouble() >= 0).isTrue();
        assertThat(Files.readAllBytes(run.resolve(RunCommand.RESULT_FILE))).isEqualTo(before);
    }

    /** An unsupported pair is never forked: no failed row, one line on the terminal, a manifest entry, a report line. */
    @Test
    void unsupportedPairsAreSkippedBeforeForkingAndRecorded() throws IOException {
        Cli.Result r = Cli.run("run", "--profile", "quick", "--include", "VerifyBenchmark.verify_valid",
                "--param", "library=AUTH0,REFERENCE", "--param", "alg=EdDSA", "--out", out.toString(), "--no-conformance");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("skipping AUTH0 EdDSA: not supported (" + JwtLibrary.AUTH0.unsupportedReason(JwtAlgorithm.EdDSA) + ")");
        Path run = folders().get(0);
        ObjectMapper json = new ObjectMapper();
        JsonNode results = json.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(results).hasSize(2).allSatisfy(row -> {
            assertThat(row.get("params").get("library").asText()).isEqualTo("REFERENCE");
            assertThat(row.get("params").get("alg").asText()).isEqualTo("EdDSA");
        });
        JsonNode manifest = json.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("failedRows")).isEmpty();
        assertThat(manifest.get("notSupported").get("AUTH0 EdDSA").asText())
                .isEqualTo(JwtLibrary.AUTH0.unsupportedReason(JwtAlgorithm.EdDSA));
        assertThat(Files.readString(run.resolve("report.md"))).contains("EdDSA not supported by auth0");
    }

    @Test
    void badArgumentsAreOneLineExitTwo() throws IOException {
        for (String[] args : new String[][] {
                {"run", "--profile", "nosuch", "--out", out.toString()},
                {"run", "--include", "NoSuchBenchmark", "--out", out.toString()},
                {"run", "--include", "([", "--out", out.toString()},
                {"run", "--param", "library", "--out", out.toString()},
                {"run", "--threads", "0", "--out", out.toString()},
                {"run", "--threads", "two", "--out", out.toString()},
                {"run", "--jvm", out.resolve("no-such-java").toString(), "--out", out.toString()},
                {"run", "--include", "VerifyBenchmark.verify_valid", "--param", "library=AUTH0", "--param", "alg=EdDSA",
                        "--out", out.toString()}}) {
            Cli.Result r = Cli.run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.errLines()).as(String.join(" ", args)).hasSize(1);
        }
        assertThat(folders()).as("bad arguments create no run folder").isEmpty();
    }

    private List<Path> folders() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
