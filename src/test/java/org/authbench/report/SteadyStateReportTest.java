package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run that records {@code warmupEnd: steady-state} is read from where each fork's warmup ended: a slow first
 * iteration in every fork leaves the mean, the Precision section says what was dropped. A run without it (every
 * committed run made before the test existed) is read as it always was.
 */
class SteadyStateReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** The HS256 signature floor's forks: eight iterations around 400 ns, the first of each fork at 1,200 ns. */
    private Path runWithAWarmupTail(boolean steadyState) throws IOException, URISyntaxException {
        Path run = ReportTest.copyFixtureRun(tmp.resolve(steadyState ? "steady" : "fixed"), "standard-run");
        ArrayNode rows = (ArrayNode) JSON.readTree(run.resolve(RunFiles.RESULT).toFile());
        ObjectNode floor = (ObjectNode) rows.get(floorIndex(rows));
        ArrayNode raw = ((ObjectNode) floor.get("primaryMetric")).putArray("rawData");
        double[][] forks = {{1200, 401, 399, 402, 398, 400, 401, 399}, {1200, 404, 396, 400, 402, 398, 403, 397}};
        for (double[] f : forks) {
            ArrayNode a = raw.addArray();
            for (double v : f) {
                a.add(v);
            }
        }
        JSON.writeValue(run.resolve(RunFiles.RESULT).toFile(), rows);
        ObjectNode manifest = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        if (steadyState) {
            manifest.put("warmupEnd", RunFiles.STEADY_STATE);
        }
        JSON.writeValue(run.resolve("manifest.json").toFile(), manifest);
        return run;
    }

    private static int floorIndex(ArrayNode rows) {
        for (int i = 0; i < rows.size(); i++) {
            JsonNode r = rows.get(i);
            if (r.get("benchmark").asText().endsWith("floor_jwsSignature") && "avgt".equals(r.get("mode").asText())
                    && "HS256".equals(r.path("params").path("alg").asText())) {
                return i;
            }
        }
        throw new AssertionError("no HS256 signature floor in the fixture");
    }

    private static JmhRow floor(RunFolder run) {
        return run.rows().stream().filter(r -> r.method().equals("CryptoFloorBenchmark.floor_jwsSignature")
                && r.mode().equals("avgt") && "HS256".equals(r.param("alg"))).findFirst().orElseThrow();
    }

    @Test
    void aSteadyStateRunReadsEachForkFromItsFirstSteadyIteration() throws Exception {
        RunFolder steady = RunFolder.read(runWithAWarmupTail(true));
        JmhRow floor = floor(steady);
        assertThat(floor.nsPerOp().value()).isCloseTo(400, within(1.0));
        assertThat(floor.primary().steadyTrim().dropped()).isEqualTo(2);
        assertThat(Precision.of(steady).lines())
                .anySatisfy(l -> assertThat(l).startsWith("precision: steady-state test dropped 2 of "));
        JsonNode json = JSON.readTree(Precision.of(steady).json());
        assertThat(json.path("steadyState").path("droppedIterations").asInt()).isEqualTo(2);
        assertThat(json.path("steadyState").path("rowsTrimmed").asInt()).isEqualTo(1);
    }

    @Test
    void anOlderRunIsReadAsItWas() throws Exception {
        RunFolder fixed = RunFolder.read(runWithAWarmupTail(false));
        JmhRow floor = floor(fixed);
        assertThat(floor.nsPerOp().value()).isCloseTo(500, within(1.0));
        assertThat(floor.primary().steadyTrim()).isNull();
        assertThat(Precision.of(fixed).lines()).noneSatisfy(l -> assertThat(l).contains("steady-state"));
        assertThat(JSON.readTree(Precision.of(fixed).json()).has("steadyState")).isFalse();
    }
}
