package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's manifest says how it ended once: the first of the run and its interrupt hook to say so is kept. */
class RunEndTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @TempDir
    Path dir;

    /** A real SIGTERM; the run's failure reported after the hook ended the run must not turn it into {@code failed}. */
    @Test
    void aFailureAfterTheInterruptionLeavesTheRunInterrupted() throws Exception {
        Path errLog = dir.resolve("stderr.log");
        Process p = new ProcessBuilder(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                RunEndProbe.class.getName(), dir.toString()).redirectError(errLog.toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo(RunEndProbe.READY);
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited on SIGTERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        String err = Files.readString(errLog);
        assertThat(Manifest.read(dir).status()).as(err).isEqualTo("interrupted");
        assertThat(err.strip()).as("said once").isEqualTo(RunEndProbe.INTERRUPTED);
    }

    @Test
    void aRunThatFailsOrFinishesOutsideShutdownSaysSo() throws Exception {
        RunManifest failing = manifest("failing");
        RunEnd.watch(failing, "unused").failed();
        assertThat(Manifest.read(dir.resolve("failing")).status()).isEqualTo("failed");

        RunManifest finishing = manifest("finishing");
        RunEnd end = RunEnd.watch(finishing, "unused");
        end.finished();
        end.failed();
        assertThat(Manifest.read(dir.resolve("finishing")).status()).as("the first ending is kept").isEqualTo("finished");
        assertThat(Manifest.read(dir.resolve("finishing")).endedAt()).isNotNull();
    }

    private RunManifest manifest(String name) throws Exception {
        return RunEndProbe.started(Files.createDirectory(dir.resolve(name)));
    }
}
