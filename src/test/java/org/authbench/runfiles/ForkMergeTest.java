package org.authbench.runfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.api.Test;

/** Single-fork rows joined into the row JMH writes for several forks, and split back. */
class ForkMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode avgtFork(double... iterations) {
        ObjectNode row = JSON.createObjectNode();
        row.put("benchmark", "org.authbench.bench.CryptoFloorBenchmark.floor_jwsSignature").put("mode", "avgt")
                .put("threads", 1).put("forks", 1);
        row.putObject("params").put("alg", "HS256");
        ObjectNode pm = row.putObject("primaryMetric");
        pm.put("score", StatUtils.mean(iterations)).put("scoreError", "NaN").put("scoreUnit", "ns/op");
        pm.putObject("scorePercentiles").put("0.0", 0).put("50.0", 0).put("100.0", 0);
        var raw = pm.putArray("rawData").addArray();
        for (double v : iterations) {
            raw.add(v);
        }
        row.putObject("secondaryMetrics");
        return row;
    }

    @Test
    void mergedForksScoreAsJmhWouldOverEveryIteration() {
        ObjectNode merged = ForkMerge.merge(List.of(avgtFork(100, 110), avgtFork(200, 190), avgtFork(150, 150)));
        double[] all = {100, 110, 200, 190, 150, 150};
        JsonNode pm = merged.get("primaryMetric");
        assertThat(merged.get("forks").asInt()).isEqualTo(3);
        assertThat(pm.get("rawData")).hasSize(3);
        assertThat(pm.get("score").asDouble()).isEqualTo(150.0, within(1e-9));
        double error = new TDistribution(5).inverseCumulativeProbability(0.9995) * Math.sqrt(StatUtils.variance(all) / 6);
        assertThat(pm.get("scoreError").asDouble()).isEqualTo(error, within(1e-9));
        assertThat(pm.get("scoreConfidence").get(0).asDouble()).isEqualTo(150 - error, within(1e-9));
        assertThat(pm.get("scorePercentiles").get("0.0").asDouble()).isEqualTo(100);
        assertThat(pm.get("scorePercentiles").get("100.0").asDouble()).isEqualTo(200);
        assertThat(ForkMerge.forkValues(merged)).isDeepEqualTo(new double[][] {{100, 110}, {200, 190}, {150, 150}});
    }

    @Test
    void splitUndoesMerge() {
        List<ObjectNode> forks = List.of(avgtFork(100, 110), avgtFork(200, 190));
        ObjectNode merged = ForkMerge.merge(forks);
        List<ObjectNode> back = ForkMerge.split(merged);
        assertThat(back).hasSize(2);
        assertThat(ForkMerge.merge(back)).isEqualTo(merged);
        assertThat(ForkMerge.forkValues(back.get(1))).isDeepEqualTo(new double[][] {{200, 190}});
        assertThat(back.get(1).get("forks").asInt()).isEqualTo(1);
    }

    /** SampleTime rows carry histograms per fork and iteration; the mean weighs every sample by its count. */
    @Test
    void sampleHistogramsAreJoinedAndWeighed() {
        ObjectNode a = avgtFork(1);
        ObjectNode pm = (ObjectNode) a.get("primaryMetric");
        pm.remove("rawData");
        pm.putArray("rawDataHistogram").addArray().addArray().add(JSON.createArrayNode().add(100).add(3))
                .add(JSON.createArrayNode().add(200).add(1));
        ObjectNode b = a.deepCopy();
        ((ObjectNode) b.get("primaryMetric")).putArray("rawDataHistogram").addArray().addArray()
                .add(JSON.createArrayNode().add(400).add(1));
        ObjectNode merged = ForkMerge.merge(List.of(a, b));
        assertThat(merged.get("primaryMetric").get("rawDataHistogram")).hasSize(2);
        assertThat(merged.get("primaryMetric").get("score").asDouble()).isEqualTo((300 + 200 + 400) / 5.0, within(1e-9));
        assertThat(merged.get("primaryMetric").get("scorePercentiles").get("50.0").asDouble()).isEqualTo(100);
        assertThat(merged.get("primaryMetric").get("scorePercentiles").get("100.0").asDouble()).isEqualTo(400);
    }
}
