package org.authbench.regress;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.authbench.runfiles.AtomicWrite;
import org.authbench.runfiles.JmhResults;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFiles;

/**
 * The recorded reference run of a profile, {@code results/baseline/<profile>/}: the run's
 * {@code jmh-result.json} and {@code manifest.json}, plus {@code baseline.json} saying which commit and
 * run folder it came from and when it was recorded. Only {@code authbench baseline update RUN_DIR} writes
 * here; {@code authbench compare results/baseline/<profile> RUN_DIR} reads it like any run folder.
 */
public final class Baseline {

    public static final String RECORD = "baseline.json";

    private Baseline() {
    }

    /**
     * Copies a finished, clean run into {@code baselineRoot/<profile>/} and returns that folder. Refuses runs
     * that would make a misleading reference: unfinished, with failed rows, with the self-test slowdown on,
     * from a dirty tree (unless allowed) or without a manifest.
     */
    public static Path update(Path runDir, Path baselineRoot, boolean allowDirty) throws IOException {
        if (!Files.isRegularFile(runDir.resolve(RunFiles.RESULT))) {
            throw new IllegalArgumentException("RUN_DIR: " + runDir + " is not a run folder (no "
                    + RunFiles.RESULT + ")");
        }
        Manifest manifest = RunReader.manifest("RUN_DIR", runDir);
        if (manifest == null) {
            throw new IllegalArgumentException("RUN_DIR: " + runDir + " has no " + RunFiles.MANIFEST
                    + ": a baseline must record its commit");
        }
        // Reading the results validates them the way compare will.
        RunSet run = RunReader.read("RUN_DIR", runDir);
        if (!manifest.finished()) {
            throw new IllegalArgumentException("RUN_DIR: the run's status is '" + Objects.toString(manifest.status(), "")
                    + "', not 'finished'");
        }
        if (manifest.failedRows() > 0) {
            throw new IllegalArgumentException("RUN_DIR: the run has " + manifest.failedRows() + " failed rows");
        }
        if (run.slowdownPercent() != 0) {
            throw new IllegalArgumentException("RUN_DIR: the run was made with the self-test slowdown on ("
                    + run.slowdownPercent() + "%)");
        }
        if (Boolean.TRUE.equals(run.dirty()) && !allowDirty) {
            throw new IllegalArgumentException("RUN_DIR: the run was built from uncommitted changes, so no commit "
                    + "describes it (use --allow-dirty to record it anyway)");
        }
        if (run.profile() == null || run.commit() == null) {
            throw new IllegalArgumentException("RUN_DIR: the manifest names no profile or commit");
        }
        Path target = baselineRoot.resolve(run.profile());
        Files.createDirectories(target);
        // A baseline is committed: the machine's JVM paths and the run folder's location are replaced by names
        // (as scripts/publish-reference.py does for reference runs); compare keys rows by jdkVersion, not path.
        Map<String, String> names = new LinkedHashMap<>();
        for (JmhRow row : JmhResults.read(runDir.resolve(RunFiles.RESULT))) {
            if (row.jvm() != null && !row.jvm().isEmpty()) {
                names.putIfAbsent(row.jvm(), "<JDK " + RunReader.jdk(row) + ">/bin/java");
            }
        }
        names.put(runDir.toAbsolutePath().normalize().toString(), "<run folder>");
        AtomicWrite.write(target.resolve(RunFiles.RESULT), redact(runDir.resolve(RunFiles.RESULT), names));
        AtomicWrite.write(target.resolve(RunFiles.MANIFEST), redact(runDir.resolve(RunFiles.MANIFEST), names));
        ObjectNode record = SummaryFormat.MAPPER.createObjectNode();
        record.put("profile", run.profile());
        record.put("commit", run.commit());
        record.put("dirty", Boolean.TRUE.equals(run.dirty()));
        record.put("sourceRun", runDir.toAbsolutePath().normalize().getFileName().toString());
        record.put("recordedAt", Instant.now().toString());
        record.put("rows", run.rows().size());
        AtomicWrite.write(target.resolve(RECORD), SummaryFormat.MAPPER.writeValueAsBytes(record));
        return target;
    }

    /** The file's text with every path in {@code names} replaced by its name (JSON writes '/' unescaped). */
    private static byte[] redact(Path file, Map<String, String> names) throws IOException {
        String text = Files.readString(file);
        for (Map.Entry<String, String> e : names.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
