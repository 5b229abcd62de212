package org.authbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.authbench.runfiles.RunManifest;

/**
 * A JVM that starts a run's manifest in the folder its argument names and watches it with {@link RunEnd}, then
 * waits to be stopped. A second shutdown hook stands in for the run's own thread failing because of the
 * interruption: it waits until the interrupt hook has ended the run, then reports the failure, as the thread did
 * in the race this guards against (the manifest said {@code failed} although the run printed that it was
 * interrupted).
 */
public final class RunEndProbe {

    public static final String READY = "watching";
    public static final String INTERRUPTED = "probe interrupted";

    public static void main(String[] args) throws Exception {
        RunManifest manifest = started(Path.of(args[0]));
        RunEnd end = RunEnd.watch(manifest, INTERRUPTED);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (manifest.running() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            end.failed();
        }));
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(60_000);
    }

    /** A running manifest, written to {@code runDir}. */
    static RunManifest started(Path runDir) throws IOException {
        RunManifest m = RunManifest.start(runDir, "quick", Map.of("commit", "abcdef0123", "shortCommit", "abcdef0",
                "dirty", false), new String[] {"run"}, new RunManifest.HostFacts(Map.of(), Map.of(), Map.of(), Map.of(),
                Map.of()), null);
        m.write();
        return m;
    }
}
