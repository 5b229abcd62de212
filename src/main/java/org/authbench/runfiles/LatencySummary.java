package org.authbench.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code latency/summary.json} as {@code authbench latency} writes it, with each rate's response-time
 * percentile distribution read from its {@code .hgrm} file (HdrHistogram's percentile-distribution text:
 * columns Value, Percentile, TotalCount, 1/(1-Percentile); values in µs) when that file is in the folder.
 * Paths in the summary are relative to the run folder.
 *
 * @param boundMs the response-time p99 bound the run stated, in ms
 */
public record LatencySummary(double boundMs, double durationSeconds, double warmupSeconds, int threads,
        List<SchemeRuns> schemes) {

    /** Summary percentile keys as the harness writes them (with {@code _us}), and how the report names them. */
    public static final String[][] KEYS = {{"p50", "p50"}, {"p90", "p90"}, {"p99", "p99"}, {"p99_9", "p99.9"},
            {"p99_99", "p99.99"}, {"max", "max"}};

    /** One scheme; {@code calibratedMaxRate} is null when rates were given outright. */
    public record SchemeRuns(String scheme, Double calibratedMaxRate, List<RateRun> rates, Double maxRateUnderBound) {
    }

    /**
     * One measured rate. {@code response} and {@code service} map a {@link #KEYS} stem ({@code p99_9}, {@code max})
     * to µs. {@code distribution} holds the .hgrm rows (percentile as a fraction 0..1, value in µs, total count),
     * or is empty when the file is absent.
     */
    public record RateRun(double intendedRate, double achievedRate, Double fraction, long completed, long unstarted,
            long rejected, Map<String, Double> response, Map<String, Double> service, String hgrm,
            List<double[]> distribution) {
    }

    static LatencySummary read(Path runDir, Path file, JsonNode n) {
        String where = file + " is not an authbench latency summary:";
        if (!n.isObject() || !n.path("schemes").isArray()) {
            throw new RunFileException(where + " no \"schemes\" array");
        }
        List<SchemeRuns> schemes = new ArrayList<>();
        for (JsonNode s : n.get("schemes")) {
            String name = s.path("scheme").asText("");
            if (name.isEmpty() || !s.path("rates").isArray()) {
                throw new RunFileException(where + " a scheme without \"scheme\" or \"rates\"");
            }
            List<RateRun> rates = new ArrayList<>();
            for (JsonNode r : s.get("rates")) {
                String at = where + " " + name + " rate " + r.path("intendedRate").asText("?");
                String hgrm = r.path("hgrm").asText(null);
                rates.add(new RateRun(number(r, "intendedRate", at), number(r, "achievedRate", at),
                        optional(r.get("fraction")), r.path("completed").asLong(), r.path("unstarted").asLong(),
                        r.path("rejected").asLong(), percentiles(r.get("response"), at + " response"),
                        percentiles(r.get("service"), at + " service"), hgrm,
                        hgrm == null ? List.of() : distribution(inside(runDir, hgrm, at))));
            }
            schemes.add(new SchemeRuns(name, optional(s.get("calibratedMaxRate")), List.copyOf(rates),
                    optional(s.get("maxRateUnderBound"))));
        }
        return new LatencySummary(number(n, "bound_ms", where), n.path("durationSeconds").asDouble(Double.NaN),
                n.path("warmupSeconds").asDouble(Double.NaN), n.path("threads").asInt(0), List.copyOf(schemes));
    }

    /** A path the summary names, which must stay inside the run folder (the report reads run files only). */
    private static Path inside(Path runDir, String relative, String where) {
        Path p = runDir.resolve(relative).normalize();
        if (!p.startsWith(runDir.normalize())) {
            throw new RunFileException(where + " names a file outside the run folder: " + relative);
        }
        return p;
    }

    private static double number(JsonNode n, String field, String where) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new RunFileException(where + " no number \"" + field + "\"");
        }
        return v.asDouble();
    }

    private static Double optional(JsonNode v) {
        return v == null || !v.isNumber() ? null : v.asDouble();
    }

    private static Map<String, Double> percentiles(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new RunFileException(where + " missing");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String[] k : KEYS) {
            JsonNode v = n.get(k[0] + "_us");
            if (v == null || !v.isNumber()) {
                throw new RunFileException(where + " has no number \"" + k[0] + "_us\"");
            }
            out.put(k[0], v.asDouble());
        }
        return Collections.unmodifiableMap(out);
    }

    /** The rows of a .hgrm file as {percentile 0..1, value, total count}; empty when the file is absent. */
    private static List<double[]> distribution(Path hgrm) {
        if (!Files.isRegularFile(hgrm)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(hgrm);
        } catch (IOException e) {
            throw new RunFileException("cannot read " + hgrm + ": " + e.getMessage());
        }
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("Value")) {
                continue;
            }
            String[] c = line.split("\\s+");
            try {
                rows.add(new double[] {Double.parseDouble(c[1]), Double.parseDouble(c[0]), Double.parseDouble(c[2])});
            } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new RunFileException(hgrm + " is not an HdrHistogram percentile distribution (line " + (i + 1)
                        + ": '" + line + "')");
            }
        }
        if (rows.isEmpty()) {
            throw new RunFileException(hgrm + " is not an HdrHistogram percentile distribution (no rows)");
        }
        return List.copyOf(rows);
    }
}
