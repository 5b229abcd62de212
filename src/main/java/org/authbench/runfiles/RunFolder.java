package org.authbench.runfiles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files of one run folder, read and checked: {@code jmh-result.json} (required), {@code manifest.json}
 * (optional: a folder made by plain {@code jmh -rf json} can still be read), {@code latency/summary.json} (with the
 * {@code .hgrm} files it names) and {@code conformance.json}. Anything missing, truncated or foreign fails with
 * one line naming the file and the problem ({@link RunFileException}); {@code network.json} when the run put a
 * round trip between the suite and its remote stores.
 *
 * @param manifest    null when the folder has none
 * @param latency     null when the run measured no latency
 * @param conformance null when the run checked no conformance
 * @param network     null when the run injected no round trip
 */
public record RunFolder(Path dir, List<JmhRow> rows, Manifest manifest, LatencySummary latency,
        Conformance conformance, Network network) {

    /** A folder without {@code network.json}. */
    public RunFolder(Path dir, List<JmhRow> rows, Manifest manifest, LatencySummary latency, Conformance conformance) {
        this(dir, rows, manifest, latency, conformance, null);
    }

    public static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunFileException("no run folder at " + dir);
        }
        Path result = dir.resolve(RunFiles.RESULT);
        if (!Files.isRegularFile(result)) {
            throw new RunFileException(dir + " has no " + RunFiles.RESULT + " (is it a run folder?)");
        }
        Manifest manifest = Manifest.read(dir);
        List<JmhRow> rows = JmhResults.read(result);
        if (manifest != null && manifest.steadyState()) {
            rows = rows.stream().map(JmhRow::fromSteadyState).toList();
        }
        Path latencyFile = dir.resolve(RunFiles.LATENCY_SUMMARY);
        LatencySummary latency = Files.exists(latencyFile) ? LatencySummary.read(dir, latencyFile, Json.parse(latencyFile))
                : null;
        return new RunFolder(dir, rows, manifest, latency, Conformance.read(dir), Network.read(dir));
    }

    /** The store tiers as the run described them, or as format-version-1 runs had them. */
    public List<Manifest.StoreTier> storeCatalogue() {
        return manifest == null ? FormatOne.STORE_CATALOGUE : manifest.storeCatalogue();
    }
}
