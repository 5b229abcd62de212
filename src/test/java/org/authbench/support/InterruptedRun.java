package org.authbench.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.authbench.cli.Main;
import org.authbench.cli.RunCommand;

/**
 * A real {@code run} in its own JVM, stopped by SIGTERM (what {@link Process#destroy} sends on POSIX, and what a CI
 * timeout or {@code kill} sends; Ctrl-C's SIGINT runs the same shutdown hooks) once the first of its two jobs has
 * saved its row and while the second runs. Waits until the benchmark forks have exited too, so the folder is quiet.
 *
 * @param exit    the run's exit code
 * @param printed what it printed
 * @param runDir  its run folder
 */
public record InterruptedRun(int exit, String printed, Path runDir) {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    /** Two jobs (the HMAC floor at 1, then 2 threads) on the quick profile, into a new folder under {@code out}. */
    public static InterruptedRun afterFirstJob(Path out) throws Exception {
        Path log = out.resolve("cli.log");
        Process p = new ProcessBuilder(JAVA.toString(), "-D" + Cli.IGNORE_JMH_LOCK + "=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(),
                "run", "--profile", "quick", "--include", "CryptoFloorBenchmark.floor_jwsSignature", "--param", "alg=HS256",
                "--threads", "1,2", "--no-conformance", "--no-report", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<ProcessHandle> forks;
        try {
            Path results = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (p.isAlive() && System.nanoTime() < deadline && (results == null || !Files.exists(results))) {
                List<Path> runs = folders(out);
                results = runs.isEmpty() ? null : runs.get(0).resolve(RunCommand.RESULT_FILE);
                Thread.sleep(20);
            }
            assertThat(p.isAlive()).as("still running the second job when the first one's rows were saved: "
                    + Files.readString(log)).isTrue();
            forks = p.descendants().toList();
            p.destroy();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exited on SIGTERM").isTrue();
        } finally {
            p.destroyForcibly();
        }
        for (ProcessHandle fork : forks) {
            // The benchmark fork notices its parent is gone; the folder must be quiet before it is read and removed.
            fork.onExit().get(60, TimeUnit.SECONDS);
        }
        return new InterruptedRun(p.exitValue(), Files.readString(log), folders(out).get(0));
    }

    /** The run folders under {@code out}, oldest first. */
    public static List<Path> folders(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
