package org.authbench.regress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.authbench.runfiles.JmhResults;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFileException;
import org.authbench.runfiles.RunFiles;

/**
 * Reads one side of a comparison from disk, through {@code runfiles}. Accepts a run folder ({@code jmh-result.json}
 * plus {@code manifest.json}), a folder holding several run folders of the same commit and profile (rounds, merged
 * fork by fork), or a bare JMH JSON result file. Anything else is refused with one line naming the problem
 * ({@link IllegalArgumentException}, exit code 2 on the command line).
 */
public final class RunReader {

    private RunReader() {
    }

    /** Reads {@code path}; {@code side} ("BASE", "HEAD", "RUN_DIR") prefixes every error. */
    public static RunSet read(String side, Path path) {
        try {
            if (Files.isRegularFile(path)) {
                return new RunSet(path.toString(), null, null, null, 0, List.of(),
                        checked(side, rows(path, new LinkedHashMap<>())));
            }
            if (!Files.isDirectory(path)) {
                throw new IllegalArgumentException(side + ": no such file or folder: " + path);
            }
            if (Files.isRegularFile(path.resolve(RunFiles.RESULT))) {
                return merge(side, path, List.of(path));
            }
            List<Path> rounds;
            try (Stream<Path> s = Files.list(path)) {
                rounds = s.filter(p -> Files.isRegularFile(p.resolve(RunFiles.RESULT))).sorted().toList();
            } catch (IOException e) {
                throw new IllegalArgumentException(side + ": cannot list " + path + ": " + e.getMessage());
            }
            if (rounds.isEmpty()) {
                throw new IllegalArgumentException(side + ": " + path + " is not a run folder (no " + RunFiles.RESULT
                        + " in it or in its subfolders)");
            }
            return merge(side, path, rounds);
        } catch (RunFileException e) {
            throw new IllegalArgumentException(side + ": " + e.getMessage());
        }
    }

    /** Reads the manifest of a run folder, refusing one this build does not understand; null when absent. */
    public static Manifest manifest(String side, Path runDir) {
        try {
            return Manifest.read(runDir);
        } catch (RunFileException e) {
            throw new IllegalArgumentException(side + ": " + e.getMessage());
        }
    }

    private static RunSet merge(String side, Path source, List<Path> runDirs) {
        Map<String, List<JmhRow>> rows = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        Manifest first = null;
        boolean manifestless = false;
        double noisiest = -1;
        int noiseRuns = 0;
        for (Path dir : runDirs) {
            Manifest m = Manifest.read(dir);
            if (m != null && m.hostNoise() != null && m.hostNoise().readings() >= 2) {
                noisiest = Math.max(noisiest, m.hostNoise().moved());
                noiseRuns++;
            }
            if (m == null) {
                manifestless = true;
            } else if (first == null) {
                first = m;
            } else {
                sameRun(side, source, "git.commit", first.commit(), m.commit());
                sameRun(side, source, "git.dirty", first.dirty(), m.dirty());
                sameRun(side, source, "profile", first.profile(), m.profile());
                sameRun(side, source, "selftest.slowdownPercent", first.slowdownPercent(), m.slowdownPercent());
            }
            if (m != null && !m.finished()) {
                notes.add(side + " run " + dir.getFileName() + " has status '" + Objects.toString(m.status(), "")
                        + "': some rows may be missing");
            }
            rows(dir.resolve(RunFiles.RESULT), rows);
        }
        if (first != null && manifestless) {
            throw new IllegalArgumentException(side + ": some run folders in " + source + " have no "
                    + RunFiles.MANIFEST + ": cannot tell whether they are rounds of one commit");
        }
        if (first == null) {
            return new RunSet(source.toString(), null, null, null, 0, notes, checked(side, rows));
        }
        if (Boolean.TRUE.equals(first.dirty())) {
            notes.add(side + " was built from a working tree with uncommitted changes");
        }
        if (noiseRuns > 0) {
            // Why a row is inconclusive is often the machine, not the code: say how much the machine itself moved.
            notes.add(String.format(Locale.ROOT, "%s: the host's own speed moved up to %.0f%% during its runs "
                    + "(a fixed calibration workload timed between forks; the worst of %d run%s)", side, 100 * noisiest,
                    noiseRuns, noiseRuns == 1 ? "" : "s"));
        }
        if (first.slowdownPercent() != 0) {
            notes.add(side + " ran with the self-test slowdown of " + first.slowdownPercent()
                    + "% (authbench.selftest.slowdownPercent)");
        }
        return new RunSet(source.toString(), first.commit(), first.dirty(), first.profile(), first.slowdownPercent(),
                notes, checked(side, rows));
    }

    private static void sameRun(String side, Path source, String field, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            throw new IllegalArgumentException(side + ": the runs in " + source + " differ in " + field + " ("
                    + quoted(a) + " vs " + quoted(b) + "): merge only rounds of one commit and profile");
        }
    }

    private static String quoted(Object v) {
        return v instanceof String ? "\"" + v + "\"" : String.valueOf(v);
    }

    /** Every row's measurements converted once, so a unit or raw-data problem is refused before comparing. */
    private static Map<String, List<JmhRow>> checked(String side, Map<String, List<JmhRow>> rows) {
        for (List<JmhRow> rounds : rows.values()) {
            String where = side + ": " + rounds.get(0).displayName(false);
            Series.primary(where, rounds);
            Series.allocation(where, rounds);
        }
        return rows;
    }

    private static Map<String, List<JmhRow>> rows(Path file, Map<String, List<JmhRow>> into) {
        for (JmhRow r : JmhResults.read(file)) {
            Map<String, String> params = new TreeMap<>(r.params());
            // Runs from before the JCA provider became a parameter measured the JDK's own providers: the same row.
            params.remove("provider", "DEFAULT");
            // Runs from before the round trip became a parameter reached their stores directly: rtt=direct is that row.
            params.remove("rtt", "direct");
            JmhRow n = r.withParams(params);
            into.computeIfAbsent(key(n), k -> new ArrayList<>()).add(n);
        }
        return into;
    }

    /** What must match for two rows to be compared (or merged across rounds). */
    static String key(JmhRow r) {
        return r.benchmark() + "|" + r.mode() + "|" + r.threads() + "|" + r.params() + "|" + jdk(r);
    }

    /** The JDK a row ran on; a run may hold the same row on several. */
    static String jdk(JmhRow r) {
        return r.jdkVersion() == null ? "?" : r.jdkVersion();
    }
}
