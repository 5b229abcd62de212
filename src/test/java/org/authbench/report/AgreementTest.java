package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.authbench.cli.Main;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Two runs of the same rows: identical rows agree, a row that doubled is named apart, by both measures. */
class AgreementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRowThatMovedBeyondBothIntervalsIsNamedAndTheRestAgree() throws Exception {
        Path first = ReportTest.copyFixtureRun(tmp.resolve("a"), "standard-run");
        Path second = ReportTest.copyFixtureRun(tmp.resolve("b"), "standard-run");
        ArrayNode rows = (ArrayNode) JSON.readTree(second.resolve(RunFiles.RESULT).toFile());
        ObjectNode moved = null;
        for (JsonNode r : rows) {
            if (r.get("benchmark").asText().endsWith("floor_jwsSignature") && "avgt".equals(r.get("mode").asText())
                    && "RS256".equals(r.path("params").path("alg").asText())) {
                moved = (ObjectNode) r.get("primaryMetric");
            }
        }
        assertThat(moved).as("the fixture's RS256 floor").isNotNull();
        for (JsonNode fork : moved.get("rawData")) {
            for (int i = 0; i < fork.size(); i++) {
                ((ArrayNode) fork).set(i, DoubleNode.valueOf(2 * fork.get(i).asDouble()));
            }
        }
        moved.put("score", 2 * moved.get("score").asDouble());
        JSON.writeValue(second.resolve(RunFiles.RESULT).toFile(), rows);

        Agreement a = Agreement.of(RunFolder.read(first), RunFolder.read(second));
        assertThat(a.rows()).hasSizeGreaterThan(5);
        assertThat(a.forkLevelOverlaps()).isEqualTo(a.rows().size() - 1);
        assertThat(a.jmhOverlaps()).isEqualTo(a.rows().size() - 1);
        assertThat(a.medianMoved()).isZero();
        assertThat(a.lines().get(0)).contains("overlap in " + (a.rows().size() - 1) + " of " + a.rows().size());
        assertThat(a.lines()).hasSize(2);
        assertThat(a.lines().get(1)).startsWith("agreement: apart: CryptoFloorBenchmark.floor_jwsSignature alg=RS256 (avgt): ").contains("(+100.0%)");

        StringWriter out = new StringWriter();
        int exit = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(new StringWriter()))
                .execute("report", "--agreement", first.toString(), second.toString());
        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("agreement: ");
    }

    @Test
    void agreementNeedsTwoRunFolders() throws Exception {
        Path only = ReportTest.copyFixtureRun(tmp, "standard-run");
        StringWriter err = new StringWriter();
        CommandLine cli = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));
        assertThat(cli.execute("report", "--agreement", only.toString())).isEqualTo(2);
        assertThat(err.toString().strip()).isEqualTo("authbench: --agreement takes exactly two run folders and no --out");
    }
}
