package org.authbench.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.authbench.env.RunManifest;

/**
 * Reads one side of a comparison from disk. Accepts a run folder ({@code jmh-result.json} plus
 * {@code manifest.json}), a folder holding several run folders of the same commit and profile (rounds, merged
 * fork by fork), or a bare JMH JSON result file. Anything else is refused with one line naming the problem
 * ({@link IllegalArgumentException}, exit code 2 on the command line).
 */
public final class RunReader {

    /** The JMH result file of a run folder. */
    public static final String RESULT_FILE = "jmh-result.json";
    /** The one secondary metric the gate compares: bytes allocated per operation ({@code -prof gc}). */
    public static final String ALLOCATION = "gc.alloc.rate.norm";

    private static final ObjectMapper JSON = new ObjectMapper();

    private RunReader() {
    }

    /** Reads {@code path}; {@code side} ("BASE", "HEAD", "RUN_DIR") prefixes every error. */
    public static RunSet read(String side, Path path) {
        if (Files.isRegularFile(path)) {
            return new RunSet(path.toString(), null, null, null, 0, List.of(),
                    named(rows(side, path, new LinkedHashMap<>())));
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException(side + ": no such file or folder: " + path);
        }
        if (Files.isRegularFile(path.resolve(RESULT_FILE))) {
            return merge(side, path, List.of(path));
        }
        List<Path> rounds;
        try (Stream<Path> s = Files.list(path)) {
            rounds = s.filter(p -> Files.isRegularFile(p.resolve(RESULT_FILE))).sorted().toList();
        } catch (IOException e) {
            throw new IllegalArgumentException(side + ": cannot list " + path + ": " + e.getMessage());
        }
        if (rounds.isEmpty()) {
            throw new IllegalArgumentException(side + ": " + path + " is not a run folder (no " + RESULT_FILE
                    + " in it or in its subfolders)");
        }
        return merge(side, path, rounds);
    }

    /** Reads the manifest of a run folder, refusing one this build does not understand; null when absent. */
    public static JsonNode manifest(String side, Path runDir) {
        Path file = runDir.resolve(RunManifest.FILE);
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode m = readJson(side, file);
        if (!m.isObject() || !"authbench".equals(m.path("tool").asText(null))) {
            throw new IllegalArgumentException(side + ": " + file + " is not an authbench run manifest");
        }
        int version = m.path("formatVersion").asInt(-1);
        if (version < 1 || version > RunManifest.FORMAT_VERSION) {
            throw new IllegalArgumentException(side + ": " + file + " has manifest formatVersion " + version
                    + "; this build reads up to " + RunManifest.FORMAT_VERSION);
        }
        return m;
    }

    private static RunSet merge(String side, Path source, List<Path> runDirs) {
        Map<String, Row> rows = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        JsonNode first = null;
        boolean manifestless = false;
        for (Path dir : runDirs) {
            JsonNode m = manifest(side, dir);
            if (m == null) {
                manifestless = true;
            } else if (first == null) {
                first = m;
            } else {
                for (String[] field : new String[][] {{"git", "commit"}, {"git", "dirty"}, {"profile", null},
                        {"selftest", "slowdownPercent"}}) {
                    JsonNode a = field[1] == null ? first.path(field[0]) : first.path(field[0]).path(field[1]);
                    JsonNode b = field[1] == null ? m.path(field[0]) : m.path(field[0]).path(field[1]);
                    if (!a.equals(b)) {
                        throw new IllegalArgumentException(side + ": the runs in " + source + " differ in "
                                + String.join(".", Stream.of(field).filter(Objects::nonNull).toList()) + " (" + a
                                + " vs " + b + "): merge only rounds of one commit and profile");
                    }
                }
            }
            if (m != null && !"finished".equals(m.path("status").asText())) {
                notes.add(side + " run " + dir.getFileName() + " has status '" + m.path("status").asText()
                        + "': some rows may be missing");
            }
            rows(side, dir.resolve(RESULT_FILE), rows);
        }
        if (first != null && manifestless) {
            throw new IllegalArgumentException(side + ": some run folders in " + source + " have no "
                    + RunManifest.FILE + ": cannot tell whether they are rounds of one commit");
        }
        if (first == null) {
            return new RunSet(source.toString(), null, null, null, 0, notes, named(rows));
        }
        String commit = first.path("git").path("commit").asText(null);
        JsonNode dirty = first.path("git").path("dirty");
        int slowdown = first.path("selftest").path("slowdownPercent").asInt(0);
        if (dirty.asBoolean(false)) {
            notes.add(side + " was built from a working tree with uncommitted changes");
        }
        if (slowdown != 0) {
            notes.add(side + " ran with the self-test slowdown of " + slowdown + "% (authbench.selftest.slowdownPercent)");
        }
        return new RunSet(source.toString(), commit, dirty.isBoolean() ? dirty.asBoolean() : null,
                first.path("profile").asText(null), slowdown, notes, named(rows));
    }

    /** Rows of a run that holds several JDKs (run --jvm twice) say which JDK in their names. */
    private static Map<String, Row> named(Map<String, Row> rows) {
        if (rows.values().stream().map(Row::jdk).distinct().count() > 1) {
            rows.replaceAll((k, r) -> r.withJdkShown());
        }
        return rows;
    }

    private static Map<String, Row> rows(String side, Path file, Map<String, Row> into) {
        JsonNode root = readJson(side, file);
        if (!root.isArray()) {
            throw new IllegalArgumentException(side + ": " + file + " is not JMH JSON results (expected an array of rows)");
        }
        if (root.isEmpty()) {
            throw new IllegalArgumentException(side + ": " + file + " holds no benchmark rows");
        }
        int i = 0;
        for (JsonNode el : root) {
            Row r = row(side + ": " + file + " row " + i, el);
            into.merge(r.key(), r, RunReader::concat);
            i++;
        }
        return into;
    }

    private static Row row(String where, JsonNode el) {
        String benchmark = el.path("benchmark").asText(null);
        String mode = el.path("mode").asText(null);
        JsonNode pm = el.path("primaryMetric");
        if (benchmark == null || mode == null || !pm.isObject()) {
            throw new IllegalArgumentException(where + " is not a JMH result (needs benchmark, mode, primaryMetric)");
        }
        Map<String, String> params = new TreeMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = el.path("params").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
        }
        // Runs from before the JCA provider became a parameter measured the JDK's own providers: the same row.
        params.remove("provider", "DEFAULT");
        Series primary = series(where, pm);
        JsonNode alloc = el.path("secondaryMetrics").path(ALLOCATION);
        Series allocation = alloc.isObject() && alloc.has("rawData") ? series(where + " " + ALLOCATION, alloc) : null;
        return new Row(benchmark, mode, el.path("threads").asInt(1), params, el.path("jdkVersion").asText("?"), false,
                primary, allocation);
    }

    /**
     * A metric's values per fork and iteration. SampleTime rows carry a histogram per iteration instead of a
     * value: each iteration contributes its mean (the quantity JMH's SampleTime score averages);
     * percentiles are not gated.
     */
    private static Series series(String where, JsonNode metric) {
        String unitLabel = metric.path("scoreUnit").asText(null);
        if (unitLabel == null) {
            throw new IllegalArgumentException(where + " has no scoreUnit");
        }
        Unit unit = Unit.parse(unitLabel);
        if (unit == null) {
            throw new IllegalArgumentException(where + ": unit '" + unitLabel + "' has no known better direction");
        }
        JsonNode raw = metric.path("rawData");
        JsonNode hist = metric.path("rawDataHistogram");
        JsonNode forks = raw.isArray() ? raw : hist;
        if (!forks.isArray() || forks.isEmpty()) {
            throw new IllegalArgumentException(where + " has no per-iteration raw data (rawData or rawDataHistogram)");
        }
        double[][] values = new double[forks.size()][];
        for (int f = 0; f < forks.size(); f++) {
            JsonNode iterations = forks.get(f);
            if (!iterations.isArray() || iterations.isEmpty()) {
                throw new IllegalArgumentException(where + ": fork " + f + " has no iterations");
            }
            values[f] = new double[iterations.size()];
            for (int i = 0; i < iterations.size(); i++) {
                double v = raw.isArray() ? number(where, iterations.get(i)) : histogramMean(where, iterations.get(i));
                values[f][i] = v * unit.toCanonical();
            }
        }
        return new Series(new Unit(unit.canonical(), unit.lowerIsBetter(), 1.0), values);
    }

    private static double histogramMean(String where, JsonNode pairs) {
        double sum = 0;
        double count = 0;
        for (JsonNode p : pairs) {
            double c = number(where, p.path(1));
            sum += number(where, p.path(0)) * c;
            count += c;
        }
        if (count <= 0) {
            throw new IllegalArgumentException(where + ": an iteration's histogram is empty");
        }
        return sum / count;
    }

    private static double number(String where, JsonNode n) {
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isTextual()) {
            // JMH writes NaN and infinities as strings.
            try {
                return Double.parseDouble(n.asText());
            } catch (NumberFormatException ignored) {
                // fall through to the error
            }
        }
        throw new IllegalArgumentException(where + ": raw value " + n + " is not a number");
    }

    /** The same row from another round: its forks join this row's forks. */
    private static Row concat(Row a, Row b) {
        if (!a.primary().unit().equals(b.primary().unit())) {
            throw new IllegalArgumentException(a.displayName() + " has different units in different rounds");
        }
        return new Row(a.benchmark(), a.mode(), a.threads(), a.params(), a.jdk(), false, join(a.primary(), b.primary()),
                a.allocation() == null || b.allocation() == null ? null : join(a.allocation(), b.allocation()));
    }

    private static Series join(Series a, Series b) {
        double[][] f = new double[a.forkCount() + b.forkCount()][];
        System.arraycopy(a.forks(), 0, f, 0, a.forkCount());
        System.arraycopy(b.forks(), 0, f, a.forkCount(), b.forkCount());
        return new Series(a.unit(), f);
    }

    private static JsonNode readJson(String side, Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(side + ": " + file + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ")");
        } catch (IOException e) {
            throw new IllegalArgumentException(side + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
