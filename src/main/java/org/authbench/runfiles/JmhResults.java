package org.authbench.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result array ({@code jmh-result.json}, or any {@code -rf json} file) into {@link JmhRow}s. */
public final class JmhResults {

    private JmhResults() {
    }

    /** Every row of {@code file}, in file order; anything that is not a JMH result array fails with one line. */
    public static List<JmhRow> read(Path file) {
        JsonNode array = Json.parse(file);
        if (!array.isArray()) {
            throw new RunFileException(file + " is not a JMH result array (top level is " + Json.kind(array) + ")");
        }
        List<JmhRow> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            rows.add(row(file + " is not a JMH result array: element " + i, array.get(i)));
        }
        return Collections.unmodifiableList(rows);
    }

    private static JmhRow row(String where, JsonNode n) {
        if (!n.isObject()) {
            throw new RunFileException(where + " is " + Json.kind(n) + ", not a result object");
        }
        String benchmark = text(n, "benchmark", where);
        String mode = text(n, "mode", where);
        JsonNode pm = n.get("primaryMetric");
        if (pm == null || !pm.isObject()) {
            throw new RunFileException(where + " has no \"primaryMetric\"");
        }
        text(pm, "scoreUnit", where + " primaryMetric");
        if (!pm.has("score")) {
            throw new RunFileException(where + " has no primaryMetric.score");
        }
        if (benchmark.split("\\.").length < 2) {
            throw new RunFileException(where + " has benchmark name '" + benchmark + "', expected package.Class.method");
        }
        Map<String, String> params = new LinkedHashMap<>();
        n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        Map<String, JmhRow.Metric> secondary = new LinkedHashMap<>();
        n.path("secondaryMetrics").fields().forEachRemaining(e -> secondary.put(e.getKey(),
                metric(where + " " + e.getKey(), e.getValue())));
        List<String> jvmArgs = new ArrayList<>();
        n.path("jvmArgs").forEach(a -> jvmArgs.add(a.asText()));
        return new JmhRow(benchmark, mode, n.path("threads").asInt(1), n.path("forks").asInt(0),
                Collections.unmodifiableMap(params), metric(where, pm), Collections.unmodifiableMap(secondary),
                n.path("jdkVersion").asText(null), n.path("vmName").asText(null), n.path("vmVersion").asText(null),
                n.path("jvm").asText(null), List.copyOf(jvmArgs), warmup(n));
    }

    /** {@code "4 × 1000 ms"} from JMH's warmup fields, or null when the file lacks them. */
    private static String warmup(JsonNode n) {
        if (!n.has("warmupIterations") || !n.has("warmupTime")) {
            return null;
        }
        return n.path("warmupIterations").asInt() + " × " + n.path("warmupTime").asText();
    }

    private static JmhRow.Metric metric(String where, JsonNode m) {
        Map<String, Double> pct = new LinkedHashMap<>();
        m.path("scorePercentiles").fields().forEachRemaining(e -> pct.put(e.getKey(), Json.number(e.getValue())));
        List<double[]> raw = new ArrayList<>();
        for (JsonNode fork : m.path("rawData")) {
            double[] values = new double[fork.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Json.strictNumber(fork.get(i), where);
            }
            raw.add(values);
        }
        List<List<double[][]>> histograms = new ArrayList<>();
        for (JsonNode fork : m.path("rawDataHistogram")) {
            List<double[][]> iterations = new ArrayList<>();
            for (JsonNode iteration : fork) {
                double[][] pairs = new double[iteration.size()][];
                for (int i = 0; i < pairs.length; i++) {
                    JsonNode p = iteration.get(i);
                    pairs[i] = new double[] {Json.strictNumber(p.path(0), where), Json.strictNumber(p.path(1), where)};
                }
                iterations.add(pairs);
            }
            histograms.add(List.copyOf(iterations));
        }
        return new JmhRow.Metric(Json.number(m.get("score")), Json.number(m.get("scoreError")),
                m.path("scoreUnit").asText(""), Collections.unmodifiableMap(pct), List.copyOf(raw), List.copyOf(histograms));
    }

    private static String text(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new RunFileException(where + " has no \"" + field + "\"");
        }
        return v.asText();
    }
}
