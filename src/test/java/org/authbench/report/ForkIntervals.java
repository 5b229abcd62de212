package org.authbench.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The interval a report should state for a JMH row, computed here from the row's JSON alone: the mean of fork means
 * and the half-width of the 95% t interval over them (NaN with fewer than two forks of per-iteration data).
 */
final class ForkIntervals {

    private ForkIntervals() {
    }

    /** {mean, half-width} in the row's score unit. */
    static double[] of(JsonNode row) {
        List<Double> means = new ArrayList<>();
        JsonNode pm = row.get("primaryMetric");
        for (JsonNode fork : pm.path("rawData")) {
            double sum = 0;
            for (JsonNode v : fork) {
                sum += v.asDouble();
            }
            means.add(sum / fork.size());
        }
        for (JsonNode fork : pm.path("rawDataHistogram")) {
            double sum = 0;
            for (JsonNode iteration : fork) {
                double s = 0;
                double n = 0;
                for (JsonNode p : iteration) {
                    s += p.get(0).asDouble() * p.get(1).asDouble();
                    n += p.get(1).asDouble();
                }
                sum += s / n;
            }
            means.add(sum / fork.size());
        }
        int n = means.size();
        if (n == 0) {
            return new double[] {pm.get("score").asDouble(), Double.NaN};
        }
        double mean = means.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        if (n < 2) {
            return new double[] {mean, Double.NaN};
        }
        double ss = 0;
        for (double m : means) {
            ss += (m - mean) * (m - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        double t = new TDistribution(n - 1).inverseCumulativeProbability(0.975);
        return new double[] {mean, t * sd / Math.sqrt(n)};
    }

    /** {mean, half-width} scaled by {@code k} (e.g. 1000 for us/op to ns/op). */
    static double[] of(JsonNode row, double k) {
        double[] i = of(row);
        return new double[] {i[0] * k, i[1] * k};
    }
}
