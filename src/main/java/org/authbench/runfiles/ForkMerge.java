package org.authbench.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Joins single-fork JMH result rows of one benchmark row (run as separate JMH invocations, interleaved with other
 * rows) into the row JMH would have written had it run them as forks of one invocation: {@code forks} = n,
 * {@code rawData} (and {@code rawDataHistogram}) with one entry per fork, and the score, error, confidence and
 * percentiles recomputed as JMH computes them (mean of every iteration; 99.9% Student t error over the
 * iterations). {@link #split} undoes it, so a resumed run can add forks to a row it finds in its folder.
 */
public final class ForkMerge {

    private static final double JMH_CONFIDENCE = 0.999;

    private ForkMerge() {
    }

    /** One row from single-fork rows of the same benchmark, mode, parameters and thread count, in fork order. */
    public static ObjectNode merge(List<? extends JsonNode> forks) {
        if (forks.isEmpty()) {
            throw new IllegalArgumentException("no forks to merge");
        }
        ObjectNode row = forks.get(0).deepCopy();
        row.put("forks", forks.size());
        mergeMetric((ObjectNode) row.get("primaryMetric"), forks.stream().map(f -> f.get("primaryMetric")).toList());
        JsonNode secondary = row.get("secondaryMetrics");
        if (secondary != null && secondary.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = secondary.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<JsonNode> each = forks.stream().map(f -> f.path("secondaryMetrics").path(e.getKey())).toList();
                if (each.stream().allMatch(JsonNode::isObject)) {
                    mergeMetric((ObjectNode) e.getValue(), each);
                } else {
                    it.remove();
                }
            }
        }
        return row;
    }

    /** The single-fork rows a merged (or any JMH) row consists of, one per entry of its primary {@code rawData}. */
    public static List<ObjectNode> split(JsonNode row) {
        int forks = Math.max(row.path("primaryMetric").path("rawData").size(),
                row.path("primaryMetric").path("rawDataHistogram").size());
        List<ObjectNode> out = new ArrayList<>();
        for (int f = 0; f < forks; f++) {
            ObjectNode one = row.deepCopy();
            one.put("forks", 1);
            keepFork((ObjectNode) one.get("primaryMetric"), f);
            for (JsonNode m : one.path("secondaryMetrics")) {
                keepFork((ObjectNode) m, f);
            }
            out.add(merge(List.of(one)));
        }
        return out;
    }

    /** The primary metric's iteration values per fork ({@code rawData}); empty forks where the row has none. */
    public static double[][] forkValues(JsonNode row) {
        JsonNode raw = row.path("primaryMetric").path("rawData");
        double[][] v = new double[raw.size()][];
        for (int f = 0; f < v.length; f++) {
            v[f] = new double[raw.get(f).size()];
            for (int i = 0; i < v[f].length; i++) {
                v[f][i] = raw.get(f).get(i).asDouble();
            }
        }
        return v;
    }

    private static void keepFork(ObjectNode metric, int fork) {
        for (String field : List.of("rawData", "rawDataHistogram")) {
            JsonNode a = metric.get(field);
            if (a != null && a.isArray() && a.size() > fork) {
                metric.putArray(field).add(a.get(fork));
            }
        }
    }

    private static void mergeMetric(ObjectNode into, List<JsonNode> forks) {
        boolean histograms = forks.get(0).has("rawDataHistogram");
        ArrayNode raw = into.putArray(histograms ? "rawDataHistogram" : "rawData");
        for (JsonNode f : forks) {
            f.path(histograms ? "rawDataHistogram" : "rawData").forEach(raw::add);
        }
        double[] values;
        double[] weights;
        if (histograms) {
            List<double[]> pairs = new ArrayList<>();
            raw.forEach(fork -> fork.forEach(iteration -> iteration.forEach(
                    p -> pairs.add(new double[] {p.get(0).asDouble(), p.get(1).asDouble()}))));
            values = pairs.stream().mapToDouble(p -> p[0]).toArray();
            weights = pairs.stream().mapToDouble(p -> p[1]).toArray();
        } else {
            List<Double> all = new ArrayList<>();
            raw.forEach(fork -> fork.forEach(v -> all.add(v.asDouble())));
            values = all.stream().mapToDouble(Double::doubleValue).toArray();
            weights = null;
        }
        if (values.length == 0) {
            return;
        }
        double score;
        double sd;
        long n;
        if (weights == null) {
            score = StatUtils.mean(values);
            sd = values.length > 1 ? Math.sqrt(StatUtils.variance(values)) : Double.NaN;
            n = values.length;
        } else {
            double count = 0;
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                count += weights[i];
                sum += values[i] * weights[i];
            }
            score = sum / count;
            double ss = 0;
            for (int i = 0; i < values.length; i++) {
                ss += weights[i] * (values[i] - score) * (values[i] - score);
            }
            n = (long) count;
            sd = n > 1 ? Math.sqrt(ss / (n - 1)) : Double.NaN;
        }
        // JMH's error: Student t at 99.9% over every value pooled (what the report keeps as "JMH's own figure").
        double error = n > 2 ? new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - JMH_CONFIDENCE) / 2)
                * sd / Math.sqrt(n) : Double.NaN;
        into.put("score", score);
        if (Double.isNaN(error)) {
            into.put("scoreError", "NaN");
            into.putArray("scoreConfidence").add("NaN").add("NaN");
        } else {
            into.put("scoreError", error);
            into.putArray("scoreConfidence").add(score - error).add(score + error);
        }
        JsonNode pct = into.get("scorePercentiles");
        if (pct != null && pct.isObject()) {
            ObjectNode p = into.putObject("scorePercentiles");
            pct.fieldNames().forEachRemaining(k -> p.put(k, percentile(values, weights, Double.parseDouble(k))));
        }
    }

    private static double percentile(double[] values, double[] weights, double p) {
        if (weights == null) {
            if (p <= 0) {
                return StatUtils.min(values);
            }
            return p >= 100 ? StatUtils.max(values) : new Percentile().evaluate(values, p);
        }
        Integer[] order = new Integer[values.length];
        double total = 0;
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double rank = p / 100 * total;
        double seen = 0;
        for (Integer i : order) {
            seen += weights[i];
            if (seen >= rank && seen > 0) {
                return values[i];
            }
        }
        return values[order[order.length - 1]];
    }
}
