package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.report.ReportTest.assertClose;
import static org.authbench.report.ReportTest.report;
import static org.authbench.report.ReportTest.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.authbench.support.Rows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run over three JCA providers, from {@code src/test/resources/report/provider-run} (ES256 REFERENCE and the ES256
 * floor on DEFAULT, BC and ACCP; the manifest holds what each fork checked, one ACCP fork on another JVM that could
 * not load it, and a provider skipped at the start): the main tables rank within DEFAULT with the names they always
 * had, and a section compares the providers with ratios and says what served each algorithm.
 */
class ProviderReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path run;
    JsonNode rows;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        run = ReportTest.copyFixtureRun(tmp, "provider-run");
        rows = JSON.readTree(run.resolve("jmh-result.json").toFile());
    }

    private String generate() throws IOException {
        return ReportTest.reportMarkdown(run);
    }

    @Test
    void providersAreComparedSideBySideWithRatiosToDefault() throws IOException {
        String md = generate();
        List<List<String>> cmp = table(md, "## JCA providers");
        assertThat(cmp).extracting(l -> l.get(0)).containsExactly("ES256 REFERENCE", "floor ES256");
        String[] methods = {"verify_valid", "floor_jwsSignature"};
        for (int i = 0; i < methods.length; i++) {
            JsonNode d = Rows.find(rows, methods[i], Map.of("provider", "DEFAULT"));
            List<String> line = cmp.get(i);
            ReportTest.assertEstimate(line.get(2), d);
            ReportTest.assertEstimate(line.get(3), Rows.find(rows, methods[i], Map.of("provider", "BC")));
            ReportTest.assertEstimate(line.get(4), Rows.find(rows, methods[i], Map.of("provider", "ACCP")));
            for (String[] p : new String[][] {{"BC", "5"}, {"ACCP", "6"}}) {
                JsonNode x = Rows.find(rows, methods[i], Map.of("provider", p[0]));
                ReportTest.assertRatio(line.get(Integer.parseInt(p[1])), x, d);
            }
        }
        assertThat(md).contains("| scheme | mode | DEFAULT ns/op | BC ns/op | ACCP ns/op | BC ÷ DEFAULT | ACCP ÷ DEFAULT |");
        assertThat(run.resolve("charts/providers.png")).isNotEmptyFile();
    }

    @Test
    void theMainTablesRankWithinDefaultUnderTheirUsualNames() throws IOException {
        String md = generate();
        List<List<String>> es = table(md, "ES256:");
        assertThat(es).extracting(l -> l.get(1)).containsExactly("REFERENCE", "floor ES256");
        ReportTest.assertEstimate(es.get(0).get(2), Rows.find(rows, "verify_valid", Map.of("provider", "DEFAULT")));
        assertThat(md).contains("JCA providers in this run: DEFAULT, BC, ACCP.");
        // Every row stays distinguishable in the full list, provider included.
        assertThat(md).contains("alg=ES256 provider=BC", "alg=ES256 provider=ACCP", "alg=ES256 provider=DEFAULT");
    }

    @Test
    void whatServedEachAlgorithmAndWhatCouldNotRunAreListed() throws IOException {
        String md = generate();
        List<List<String>> served = table(md, "Which JCA provider served each algorithm");
        assertThat(served).contains(
                List.of("JDK 17.0.15", "BC", "ES256", "SHA256withECDSAinP1363Format", "BC 1.87", "REFERENCE, floor", "2"),
                List.of("JDK 17.0.15", "ACCP", "ES256", "SHA256withECDSA", "AmazonCorrettoCryptoProvider 2.5.0",
                        "REFERENCE, floor", "2"),
                List.of("JDK 17.0.15", "DEFAULT", "ES256", "SHA256withECDSAinP1363Format", "SunEC 17", "REFERENCE, floor", "2"));
        assertThat(md).contains("`WOLFJCE` unavailable in the JVM that started the run, its rows skipped: WOLFJCE cannot load here")
                .contains("`ACCP` unavailable for ES256 VerifyBenchmark REFERENCE on JDK 25.0.1, its row failed: ACCP cannot "
                        + "load here: UnsatisfiedLinkError: no native library for Linux aarch64");
        // The bookkeeping flag that tells forks where to record is not shown as a JVM setting.
        assertThat(md).contains("flags: -Xms1g -Xmx1g -XX:+AlwaysPreTouch\n").doesNotContain("providerRecord");
        // Nor is the providers block flattened into the environment facts.
        assertThat(md).doesNotContain("| providers.");
    }

    @Test
    void aRunOnTheDefaultProvidersOnlyHasNoProviderSection() throws IOException, URISyntaxException {
        Path std = tmp.resolve("std");
        ReportTest.copyTree(Path.of(ProviderReportTest.class.getResource("/report/standard-run/jmh-result.json").toURI())
                .getParent(), std);
        assertThat(report(std)[0]).isEqualTo("0");
        String md = Files.readString(std.resolve("report.md"));
        assertThat(md).doesNotContain("## JCA providers", "JCA providers in this run", " on DEFAULT");
    }
}
