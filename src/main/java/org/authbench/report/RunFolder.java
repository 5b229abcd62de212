package org.authbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.env.RunManifest;

/**
 * The files of one run folder, read and checked: {@code jmh-result.json} (JMH's JSON result array, required),
 * {@code manifest.json} (optional: a folder made by plain {@code jmh -rf json} can still be reported), and the
 * optional inputs of later sections, {@code latency/summary.json} (as {@code authbench latency} writes it, with
 * the {@code .hgrm} files it names) and {@code conformance.json}. Anything missing, truncated or foreign fails
 * with one line naming the file and the problem.
 */
public final class RunFolder {

    public static final String RESULT_FILE = "jmh-result.json";
    public static final String LATENCY_FILE = "latency/summary.json";
    public static final String CONFORMANCE_FILE = "conformance.json";
    /** Format version of {@code conformance.json} this reader understands. */
    static final int CONFORMANCE_FORMAT = 1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final List<Row> rows;
    private final JsonNode manifest;
    private final LatencySummary latency;
    private final JsonNode conformance;

    private RunFolder(Path dir, List<Row> rows, JsonNode manifest, LatencySummary latency, JsonNode conformance) {
        this.dir = dir;
        this.rows = rows;
        this.manifest = manifest;
        this.latency = latency;
        this.conformance = conformance;
    }

    public static RunFolder read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RunFolderException("no run folder at " + dir);
        }
        Path result = dir.resolve(RESULT_FILE);
        if (!Files.isRegularFile(result)) {
            throw new RunFolderException(dir + " has no " + RESULT_FILE + " (is it a run folder?)");
        }
        JsonNode array = parse(result);
        if (!array.isArray()) {
            throw new RunFolderException(result + " is not a JMH result array (top level is " + kind(array) + ")");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            rows.add(row(result, i, array.get(i)));
        }
        JsonNode manifest = optional(dir.resolve(RunManifest.FILE), RunManifest.FORMAT_VERSION);
        Path latencyFile = dir.resolve(LATENCY_FILE);
        LatencySummary latency = Files.exists(latencyFile) ? LatencySummary.read(dir, latencyFile, parse(latencyFile)) : null;
        JsonNode conformance = optional(dir.resolve(CONFORMANCE_FILE), CONFORMANCE_FORMAT);
        if (conformance != null && !conformance.path("libraries").isArray()) {
            throw new RunFolderException(dir.resolve(CONFORMANCE_FILE) + " has no \"libraries\" array");
        }
        return new RunFolder(dir, Collections.unmodifiableList(rows), manifest, latency, conformance);
    }

    public Path dir() {
        return dir;
    }

    public List<Row> rows() {
        return rows;
    }

    /** The manifest, or null when the folder has none. */
    public JsonNode manifest() {
        return manifest;
    }

    /** {@code latency/summary.json} with its distributions, or null. */
    LatencySummary latency() {
        return latency;
    }

    /** {@code conformance.json}, or null. */
    public JsonNode conformance() {
        return conformance;
    }

    private static JsonNode optional(Path file, int knownVersion) {
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode n = parse(file);
        if (!n.isObject() || !n.path("formatVersion").canConvertToInt()) {
            throw new RunFolderException(file + " is not an authbench file (no formatVersion)");
        }
        int v = n.get("formatVersion").asInt();
        if (v > knownVersion) {
            throw new RunFolderException(file + " has formatVersion " + v + "; this authbench reads up to " + knownVersion);
        }
        return n;
    }

    private static JsonNode parse(Path file) {
        try {
            JsonNode n = JSON.readTree(file.toFile());
            if (n == null || n.isMissingNode()) {
                throw new RunFolderException(file + " is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new RunFolderException(file + " is not valid JSON (truncated?)" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new RunFolderException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static Row row(Path file, int i, JsonNode n) {
        String where = file + " is not a JMH result array: element " + i;
        if (!n.isObject()) {
            throw new RunFolderException(where + " is " + kind(n) + ", not a result object");
        }
        String benchmark = text(n, "benchmark", where);
        String mode = text(n, "mode", where);
        JsonNode pm = n.get("primaryMetric");
        if (pm == null || !pm.isObject()) {
            throw new RunFolderException(where + " has no \"primaryMetric\"");
        }
        String unit = text(pm, "scoreUnit", where + " primaryMetric");
        try {
            Row.nanosPer(unit.startsWith("ops/") ? unit.substring(4) : unit.substring(0, Math.max(0, unit.indexOf("/op"))));
        } catch (IllegalArgumentException e) {
            throw new RunFolderException(where + " has scoreUnit '" + unit + "', which is neither time/op nor ops/time");
        }
        if (!pm.has("score")) {
            throw new RunFolderException(where + " has no primaryMetric.score");
        }
        String[] parts = benchmark.split("\\.");
        if (parts.length < 2) {
            throw new RunFolderException(where + " has benchmark name '" + benchmark + "', expected package.Class.method");
        }
        Map<String, String> params = new LinkedHashMap<>();
        n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        Map<String, Double> pct = new LinkedHashMap<>();
        pm.path("scorePercentiles").fields().forEachRemaining(e -> pct.put(e.getKey(), number(e.getValue())));
        Map<String, Row.Metric> secondary = new LinkedHashMap<>();
        n.path("secondaryMetrics").fields().forEachRemaining(e -> secondary.put(e.getKey(), new Row.Metric(
                number(e.getValue().get("score")), number(e.getValue().get("scoreError")),
                e.getValue().path("scoreUnit").asText())));
        List<String> jvmArgs = new ArrayList<>();
        n.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return new Row(benchmark, parts[parts.length - 2] + "." + parts[parts.length - 1], mode,
                n.path("threads").asInt(1), n.path("forks").asInt(0), Collections.unmodifiableMap(params),
                number(pm.get("score")), number(pm.get("scoreError")), unit, Collections.unmodifiableMap(pct),
                Collections.unmodifiableMap(secondary), n.path("jdkVersion").asText(null), n.path("vmName").asText(null),
                n.path("vmVersion").asText(null), List.copyOf(jvmArgs));
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new RunFolderException(where + " has no \"" + field + "\"");
        }
        return v.asText();
    }

    /** JMH writes "NaN" (a string) where it could not compute a number. */
    private static double number(JsonNode v) {
        if (v == null || v.isNull()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "an array" : n.isTextual() ? "a string" : n.getNodeType()
                .toString().toLowerCase(java.util.Locale.ROOT);
    }
}
