package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.authbench.cli.Main;
import org.authbench.support.Rows;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report generation from the committed run folder {@code src/test/resources/report/standard-run} (a small JMH
 * JSON with SampleTime percentiles, {@code -prof gc} and revocation rows, a manifest, and the {@code latency/}
 * folder of a real {@code authbench latency} run without its .hlog files), through the CLI.
 */
class ReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path run;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path src = Path.of(ReportTest.class.getResource("/report/standard-run/jmh-result.json").toURI()).getParent();
        run = tmp.resolve("20260115T100000Z-01234567-standard");
        Files.createDirectories(run);
        copyTree(src, run);
    }

    /** A fixture run folder from {@code src/test/resources/report/<name>/}, copied to {@code tmp/run}. */
    static Path copyFixtureRun(Path tmp, String name) throws IOException, URISyntaxException {
        Path src = Path.of(ReportTest.class.getResource("/report/" + name + "/jmh-result.json").toURI()).getParent();
        Path run = tmp.resolve("run");
        copyTree(src, run);
        return run;
    }

    /** Runs {@code report} on {@code run}, requires exit 0, and returns the Markdown it wrote. */
    static String reportMarkdown(Path run) throws IOException {
        String[] r = report(run);
        assertThat(r[0]).as("exit code; stderr: " + r[2]).isEqualTo("0");
        return Files.readString(run.resolve("report.md"));
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** Runs {@code authbench report RUN_DIR}; returns exit code, stdout and stderr. */
    static String[] report(Path dir) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("report", dir.toString());
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    private String generate() throws IOException {
        return reportMarkdown(run);
    }

    @Test
    void writesEveryReportFileAndSectionWithoutTouchingRunFiles() throws IOException {
        byte[] result = Files.readAllBytes(run.resolve("jmh-result.json"));
        byte[] manifest = Files.readAllBytes(run.resolve("manifest.json"));
        String[] r = report(run);
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains(run.resolve("report.html").toString()).contains(run.resolve("report.md").toString());
        String md = Files.readString(run.resolve("report.md"));
        assertThat(md.indexOf("\n## Decision\n")).as("the decision comes before any ranking").isPositive()
                .isLessThan(md.indexOf("\n## Summary\n")).isLessThan(md.indexOf("\n## Ranking per algorithm\n"));
        for (String section : List.of("Summary", "Ranking per algorithm", "API keys versus JWTs", "Revocation",
                "Issuance", "Cached verification", "Claims checked", "Capacity", "Latency under load", "Conformance", "Environment", "All results")) {
            assertThat(md).contains("\n## " + section + "\n");
        }
        for (String chart : List.of("schemes.png", "verify-HS256.png", "verify-RS256.png", "verify-ES256.png",
                "percentiles-ES256.png", "scaling.png", "latency.png")) {
            assertThat(run.resolve("charts").resolve(chart)).isNotEmptyFile();
            assertThat(md).contains("](charts/" + chart + ")");
        }
        assertThat(Files.readAllLines(run.resolve("summary.csv"))).hasSize(1 + JSON.readTree(result).size());
        assertThat(md).doesNotContain("## JDK comparison");
        assertThat(md).contains("Example CPU @ 3.00GHz").contains("avx2").contains("SunEC 17")
                .contains("com.nimbusds:nimbus-jose-jwt").contains("no Redis at localhost:6379");
        assertThat(Files.readAllBytes(run.resolve("jmh-result.json"))).isEqualTo(result);
        assertThat(Files.readAllBytes(run.resolve("manifest.json"))).isEqualTo(manifest);
    }

    @Test
    void everyScoreInTheMarkdownEqualsTheJson() throws IOException {
        String md = generate();
        JsonNode rows = JSON.readTree(run.resolve("jmh-result.json").toFile());
        List<List<String>> all = table(md, "## All results");
        assertThat(all).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode pm = rows.get(i).get("primaryMetric");
            String cell = all.get(i).get(4);
            assertThat(cell).endsWith(" " + pm.get("scoreUnit").asText());
            assertEstimate(cell.substring(0, cell.lastIndexOf(' ')), ForkIntervals.of(rows.get(i)));
        }
        // Ranking: SampleTime rows in us/op appear as ns/op, with their percentiles and bytes per operation.
        List<List<String>> es256 = table(md, "ES256:");
        for (JsonNode row : rows) {
            JsonNode p = row.get("params");
            if (row.get("benchmark").asText().endsWith("verify_valid") && "ES256".equals(p.path("alg").asText())) {
                List<String> line = es256.stream().filter(l -> l.get(1).equals(p.get("library").asText())).findFirst()
                        .orElseThrow();
                JsonNode pm = row.get("primaryMetric");
                assertEstimate(line.get(2), ForkIntervals.of(row, 1000));
                assertClose(line.get(7), pm.get("scorePercentiles").get("99.0").asDouble() * 1000);
                assertClose(line.get(8), pm.get("scorePercentiles").get("99.9").asDouble() * 1000);
                assertClose(line.get(9).split(" ± ")[0],
                        row.get("secondaryMetrics").get("gc.alloc.rate.norm").get("score").asDouble());
            }
        }
        assertThat(es256).hasSize(5); // four libraries and the floor
    }

    @Test
    void capacityUsesMeasuredThroughputAndSaysWhenItIsDerived() throws IOException {
        List<List<String>> capacity = table(generate(), "## Capacity");
        // HASHED has a Throughput row (5.412 ops/us): measured, not derived from its AverageTime row.
        JsonNode thrpt = null;
        for (JsonNode r : JSON.readTree(run.resolve("jmh-result.json").toFile())) {
            if (r.get("mode").asText().equals("thrpt") && r.at("/params/store").asText().equals("HASHED")) {
                thrpt = r;
            }
        }
        double[] ops = ForkIntervals.of(thrpt, 1e6);
        assertThat(ops[0]).isCloseTo(5.412e6, within(1.0));
        List<String> hashed = capacity.stream().filter(r -> r.get(0).equals("key HASHED")).findFirst().orElseThrow();
        assertEstimate(hashed.get(1), ops);
        assertClose(hashed.get(2).split(" ± ")[0], 10_000 / ops[0]);
        List<String> plain = capacity.stream().filter(r -> r.get(0).equals("key PLAIN")).findFirst().orElseThrow();
        assertThat(plain.get(1)).endsWith("(derived)");
        assertClose(plain.get(1).replace(" (derived)", "").split(" ± ")[0], 1e9 / 62.31);
        assertClose(plain.get(2).split(" ± ")[0], 10_000 / (1e9 / 62.31));
    }

    @Test
    void aRatioAcrossModesIsRefusedWithItsReasonAndANote() throws IOException {
        String md = generate();
        // The fixture times verification in SampleTime and the key lookup in AverageTime: no ratio is formed.
        assertThat(md).contains("- HS256 verify against an in-memory HASHED key lookup: not comparable: SampleTime vs "
                + "AverageTime (fastest library AUTH0, 1,517 ± n/a (one fork) ns)")
                .contains("A ratio reading \"not comparable\" divides rows measured differently")
                .doesNotContainPattern("HS256 verify costs [0-9.,]+×");
    }

    @Test
    void claimsWithoutEvidenceSaySoAndEvidenceChangesTheVerdict() throws IOException {
        ArrayNode rows = (ArrayNode) JSON.readTree(run.resolve("jmh-result.json").toFile());
        ArrayNode withoutRevocation = JSON.createArrayNode();
        rows.forEach(r -> {
            if (!r.get("benchmark").asText().contains("RevocationBenchmark")) {
                withoutRevocation.add(r);
            }
        });
        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(withoutRevocation));
        String md = generate();
        Map<String, String> verdicts = claims(md);
        assertThat(verdicts.get("API keys revoke immediately; JWT revocation needs a denylist"))
                .isEqualTo(Claims.NO_EVIDENCE);
        assertThat(md.substring(md.indexOf("## Revocation"))).startsWith("## Revocation\n\nNot measured in this run");
        assertThat(verdicts.get("API-key validation is faster than JWT verification (cache, `CAFFEINE`)"))
                .isEqualTo(Claims.NO_EVIDENCE);
        assertThat(verdicts.get("Stateless JWT verification scales without server storage"))
                .startsWith(Claims.HOLDS + " for every library measured");

        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(rows));
        assertThat(claims(generate()).get("API keys revoke immediately; JWT revocation needs a denylist"))
                .startsWith(Claims.HOLDS + " — ");
    }

    @Test
    void claimTiersComeFromTheStoreCatalogueTheRunRecorded() throws IOException {
        Map<String, String> before = claims(generate());
        assertThat(before).containsKey("API-key validation is faster than JWT verification (Redis, `REDIS`)");
        ObjectNode manifest = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        ArrayNode catalogue = manifest.putArray("storeCatalogue");
        catalogue.addObject().put("store", "HASHED").put("label", "hashed map").put("database", false);
        catalogue.addObject().put("store", "MEMCACHED").put("label", "Memcached").put("database", true);
        Files.writeString(run.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        Map<String, String> after = claims(generate());
        assertThat(after.get("API-key validation is faster than JWT verification (hashed map, `HASHED`)"))
                .isEqualTo(before.get("API-key validation is faster than JWT verification (in-process, `HASHED`)"));
        assertThat(after.get("API-key validation is faster than JWT verification (Memcached, `MEMCACHED`)"))
                .isEqualTo(Claims.NO_EVIDENCE);
        assertThat(after.keySet()).noneMatch(c -> c.contains("`REDIS`") || c.contains("`CAFFEINE`"));
    }

    @Test
    void revocationCostIsDenylistMinusPlainVerifyOfTheSameAlgAndLibrary() throws IOException {
        String md = generate();
        JsonNode rows = JSON.readTree(run.resolve("jmh-result.json").toFile());
        JsonNode plain = Rows.avgt(rows, "jwt_verify", Map.of("alg", "HS256", "library", "REFERENCE"));
        List<List<String>> deny = table(md, "## Revocation");
        assertThat(deny).hasSize(2);
        for (List<String> line : deny) {
            Map<String, String> p = Map.of("alg", line.get(2), "library", line.get(3), "denylist", line.get(0),
                    "denylistSize", line.get(1));
            JsonNode accepted = Rows.avgt(rows, "jwt_verifyDenylist_accepted", p);
            JsonNode refused = Rows.avgt(rows, "jwt_verifyDenylist_refused", p);
            assertEstimate(line.get(4), plain);
            assertEstimate(line.get(5), accepted);
            String[] cost = line.get(6).split(" ± ");
            assertClose(cost[0], ForkIntervals.of(accepted)[0] - ForkIntervals.of(plain)[0]);
            assertClose(cost[1], Math.hypot(ForkIntervals.of(accepted)[1], ForkIntervals.of(plain)[1]));
            assertClose(line.get(7).replace("%", ""), 100 * (score(accepted) - score(plain)) / score(plain));
            assertEstimate(line.get(8), refused);
        }
        assertThat(deny.get(0).get(0)).isEqualTo("IN_PROCESS");
        List<List<String>> keys = table(md, "API-key revoke → refusal:");
        assertThat(keys).hasSize(2);
        for (List<String> line : keys) {
            assertEstimate(line.get(2), Rows.avgt(rows, "apikey_revokeThenRefuse", Map.of("store", line.get(0))));
        }
        // The fixture's lookup_hit ran over 100,000 keys, its revocation rows over fewer: the cell says so.
        String hit = keys.get(0).get(3);
        assertThat(hit).endsWith(" (100000 keys)");
        assertEstimate(hit.substring(0, hit.lastIndexOf(" (")), Rows.avgt(rows, "lookup_hit", Map.of("store", "HASHED")));
        assertThat(keys.get(1).get(3)).isEqualTo("—"); // no CAFFEINE lookup_hit in the fixture
        String evidence = table(md, "## Claims checked").stream()
                .filter(r -> r.get(0).startsWith("API keys revoke immediately")).findFirst().orElseThrow().get(1);
        assertThat(evidence).contains("denylist CAFFEINE adds " + deny.get(1).get(6) + " ns")
                .contains("API key HASHED revoke → refusal " + keys.get(0).get(2) + " ns");
    }

    @Test
    void parseFloorJoinsTheHs256RankingAndTheReferenceIsSetAgainstBothFloors() throws IOException {
        ArrayNode rows = (ArrayNode) JSON.readTree(run.resolve("jmh-result.json").toFile());
        JsonNode hmac = Rows.avgt(rows, "floor_jwsSignature", Map.of("alg", "HS256"));
        JsonNode nimbus = Rows.avgt(rows, "verify_valid", Map.of("alg", "HS256", "library", "NIMBUS"));
        // An AverageTime parse floor (two forks that disagree) and an AverageTime REFERENCE row beside the floors.
        ObjectNode parse = hmac.deepCopy();
        parse.put("benchmark", "org.authbench.bench.CryptoFloorBenchmark.floor_jwsParse");
        parse.remove("params");
        ObjectNode pm = (ObjectNode) parse.get("primaryMetric");
        pm.put("score", 312.5).put("scoreError", 12.5);
        pm.putArray("rawData").add(JSON.createArrayNode().add(300).add(305).add(310))
                .add(JSON.createArrayNode().add(315).add(320).add(325));
        rows.add(parse);
        ObjectNode reference = nimbus.deepCopy();
        ((ObjectNode) reference.get("params")).put("library", "REFERENCE");
        rows.add(reference);
        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(rows));

        String md = generate();
        List<List<String>> hs256 = table(md, "\nHS256:\n");
        assertThat(hs256).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("floor", "floor base64url+JSON"));
        assertThat(table(md, "\nRS256:\n")).noneSatisfy(r -> assertThat(r.get(1)).isEqualTo("floor base64url+JSON"));
        double[] h = ForkIntervals.of(hmac);
        double[] p = ForkIntervals.of(parse);
        double sum = h[0] + p[0];
        Matcher m = Pattern.compile("Together ([0-9.,]+) ± ([0-9.,]+) ns: REFERENCE costs ([0-9.,]+)× \\(([0-9.,]+)–([0-9.,]+)\\) "
                + "of their sum").matcher(md);
        assertThat(m.find()).as(md).isTrue();
        assertClose(m.group(1), sum);
        assertClose(m.group(2), Math.hypot(h[1], p[1]));
        double ratio = ForkIntervals.of(reference)[0] / sum;
        assertClose(m.group(3), ratio);
        assertThat(Fmt.parse(m.group(4))).isLessThan(ratio);
        assertThat(Fmt.parse(m.group(5))).isGreaterThan(ratio);
    }

    static double score(JsonNode row) {
        return row.get("primaryMetric").get("score").asDouble();
    }

    static double error(JsonNode row) {
        return row.get("primaryMetric").get("scoreError").asDouble();
    }

    /**
     * "value ± half-width" of an ns/op row equals the mean of its fork means and the 95% t interval over them, or says
     * why there is none ("n/a (one fork)").
     */
    static void assertEstimate(String cell, JsonNode nsRow) {
        assertThat(nsRow.get("primaryMetric").get("scoreUnit").asText()).isEqualTo("ns/op");
        assertEstimate(cell, ForkIntervals.of(nsRow));
    }

    /** "value ± half-width" equals {mean, half-width}; "value ± n/a (why)" when the half-width is NaN. */
    static void assertEstimate(String cell, double[] expected) {
        String[] parts = cell.split(" ± ");
        assertThat(parts).as(cell).hasSize(2);
        assertClose(parts[0], expected[0]);
        if (Double.isNaN(expected[1])) {
            assertThat(parts[1]).as(cell).startsWith("n/a (");
        } else {
            assertClose(parts[1], expected[1]);
        }
    }

    private static final Pattern RATIO = Pattern.compile("([0-9.,]+)× \\(([0-9.,]+)–([0-9.,]+)\\)");

    /**
     * A ratio cell "r× (low–high)" of two rows measured alike: r is the ratio of their means of fork means, and the
     * resampled interval contains it; "r× (no interval: why)" when a side has fewer than two forks.
     */
    static void assertRatio(String cell, JsonNode numerator, JsonNode denominator) {
        double[] n = ForkIntervals.of(numerator);
        double[] d = ForkIntervals.of(denominator);
        double ratio = n[0] / d[0];
        if (Double.isNaN(n[1]) || Double.isNaN(d[1])) {
            assertThat(cell).as(cell).contains("× (no interval: ");
            assertClose(cell.substring(0, cell.indexOf('×')), ratio);
            return;
        }
        Matcher m = RATIO.matcher(cell);
        assertThat(m.matches()).as(cell).isTrue();
        assertClose(m.group(1), ratio);
        assertThat(Fmt.parse(m.group(2))).as(cell).isLessThan(ratio);
        assertThat(Fmt.parse(m.group(3))).as(cell).isGreaterThan(ratio);
    }

    @Test
    void truncatedResultIsOneLineAndExitTwo() throws IOException {
        byte[] json = Files.readAllBytes(run.resolve("jmh-result.json"));
        Files.write(run.resolve("jmh-result.json"), Arrays.copyOf(json, json.length / 2));
        String[] r = report(run);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("jmh-result.json").contains("not valid JSON");
        assertThat(run.resolve("report.md")).doesNotExist();
    }

    @Test
    void foreignJsonIsOneLineAndExitTwo() throws IOException {
        for (String foreign : List.of("{\"hello\": \"world\"}", "[{\"name\": \"not jmh\"}]", "[1, 2]",
                "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"furlongs\"}}]")) {
            Files.writeString(run.resolve("jmh-result.json"), foreign);
            String[] r = report(run);
            assertThat(r[0]).as(foreign).isEqualTo("2");
            assertThat(r[2].strip().lines()).as(foreign).hasSize(1);
            assertThat(r[2]).as(foreign).contains("not a JMH result array");
        }
    }

    @Test
    void missingFolderOrManifestOfAFutureFormatIsExitTwo() throws IOException {
        String[] r = report(tmp.resolve("no-such-run"));
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("no run folder at").hasLineCount(1);
        Files.writeString(run.resolve("manifest.json"), "{\"formatVersion\": 99}");
        r = report(run);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("manifest.json has formatVersion 99").hasLineCount(1);
    }

    @Test
    void htmlReferencesNothingOutsideItself() throws IOException {
        generate();
        String html = Files.readString(run.resolve("report.html"));
        assertThat(html).doesNotContain("http:").doesNotContain("https:").doesNotContain("url(")
                .doesNotContain("<script").doesNotContain("<link");
        Matcher src = Pattern.compile("src=\"([^\"]*)\"").matcher(html);
        int images = 0;
        while (src.find()) {
            assertThat(src.group(1)).startsWith("data:image/png;base64,");
            images++;
        }
        assertThat(images).isEqualTo(Files.list(run.resolve("charts")).count());
        Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (href.find()) {
            assertThat(href.group(1)).startsWith("#");
        }
    }

    @Test
    void conformanceSectionRendersWhenItsFileExistsAndMarksLibrariesInTheRankings() throws IOException {
        // The shape ConformanceReport writes (trimmed to two libraries and two families).
        Files.writeString(run.resolve("conformance.json"), """
                {"formatVersion": 1, "generatedAt": "2026-11-28T00:00:00Z", "seed": 7, "fuzzCases": 100,
                 "verdictBoundMillis": 5000, "families": ["wycheproof-jws", "wycheproof-ecdsa-der"],
                 "libraries": [
                  {"library": "nimbus", "version": "10.10", "unavailable": null, "totalFalseAccepts": 9,
                   "families": {"wycheproof-jws": {"cases": 401, "correct": 303, "falseAccepts": 9, "falseRejects": 0,
                                  "notApplicable": 89, "errors": 0, "acceptable": 0, "acceptableAccepted": 0, "cannotTake": null},
                                "wycheproof-ecdsa-der": {"cases": 484, "correct": 484, "falseAccepts": 0, "falseRejects": 0,
                                  "notApplicable": 0, "errors": 0, "acceptable": 0, "acceptableAccepted": 0, "cannotTake": null}},
                   "robustness": {"cases": 100, "accepted": 0, "rejected": 100, "falseAccepts": 0, "errors": 0, "timeouts": 0,
                                  "slowestRejectionMillis": 12.5}},
                  {"library": "reference", "version": "this project", "unavailable": null, "totalFalseAccepts": 0,
                   "families": {"wycheproof-jws": {"cases": 401, "correct": 312, "falseAccepts": 0, "falseRejects": 0,
                                  "notApplicable": 89, "errors": 0, "acceptable": 0, "acceptableAccepted": 0, "cannotTake": null},
                                "wycheproof-ecdsa-der": {"cases": 484, "correct": 0, "falseAccepts": 0, "falseRejects": 0,
                                  "notApplicable": 0, "errors": 0, "acceptable": 0, "acceptableAccepted": 0,
                                  "cannotTake": "no raw signature API"}},
                   "robustness": {"cases": 100, "accepted": 0, "rejected": 100, "falseAccepts": 0, "errors": 0, "timeouts": 0,
                                  "slowestRejectionMillis": 3.0}}],
                 "falseAccepts": [{"library": "nimbus", "version": "10.10", "family": "wycheproof-jws", "caseId": "tc360",
                                   "comment": "base64: rejectsSpacesInMac", "detail": "accepted"}],
                 "falseRejects": [], "errors": [], "notes": []}
                """);
        String md = generate();
        List<List<String>> conformance = table(md, "## Conformance");
        assertThat(conformance).containsExactly(
                List.of("nimbus", "10.10", "303 / 9 / 0 / 89 / 0", "484 / 0 / 0 / 0 / 0", "0 / 0 / 0; 12.50 ms", "9", "0"),
                List.of("reference", "this project", "312 / 0 / 0 / 89 / 0", "—", "0 / 0 / 0; 3.000 ms", "0", "0"));
        assertThat(md).contains("| nimbus | 10.10 | wycheproof-jws | tc360 | base64: rejectsSpacesInMac |");
        // Every ranking marks the library with its false accepts; libraries the check did not cover say so.
        assertThat(md).containsPattern("\\| NIMBUS[^\\n]*\\| ⚠ 9 \\|");

        Files.writeString(run.resolve("conformance.json"), "{\"formatVersion\": 1}");
        String[] r = report(run);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2]).contains("conformance.json has no \"libraries\" array");
    }

    /** A pair {@code run} left out as not supported is named under its algorithm's ranking, with the manifest's reason. */
    @Test
    void notSupportedPairsFromTheManifestAreShownWithTheirReason() throws IOException {
        assertThat(generate()).doesNotContain("not supported");
        ObjectNode manifest = (ObjectNode) JSON.readTree(run.resolve("manifest.json").toFile());
        manifest.putObject("notSupported").put("AUTH0 ES256", "an invented reason for this test")
                .put("FUSIONAUTH EdDSA", "no EdDSA in this library");
        Files.writeString(run.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        String md = generate();
        String ranking = md.substring(md.indexOf("## Ranking per algorithm"), md.indexOf("## API keys versus JWTs"));
        assertThat(ranking).contains("ES256 not supported by auth0 (not run; reasons below).")
                .contains("- `AUTH0 ES256`: an invented reason for this test")
                .contains("- `FUSIONAUTH EdDSA`: no EdDSA in this library");
    }

    @Test
    void regeneratingDropsChartsThatNoLongerApply() throws IOException {
        generate();
        assertThat(run.resolve("charts/scaling.png")).exists();
        ArrayNode rows = (ArrayNode) JSON.readTree(run.resolve("jmh-result.json").toFile());
        rows.remove(rows.size() - 1); // the 2-thread row: no scaling any more
        Files.writeString(run.resolve("jmh-result.json"), JSON.writeValueAsString(rows));
        String md = generate();
        assertThat(run.resolve("charts/scaling.png")).doesNotExist();
        assertThat(claims(md).get("Stateless JWT verification scales without server storage")).isEqualTo(Claims.NO_EVIDENCE);
    }

    /** Claim → verdict cell, from the Markdown claims table. */
    private static Map<String, String> claims(String md) {
        Map<String, String> m = new LinkedHashMap<>();
        for (List<String> row : table(md, "## Claims checked")) {
            m.put(row.get(0), row.get(2));
        }
        return m;
    }

    /** Body rows of the first Markdown table after {@code marker}. */
    static List<List<String>> table(String md, String marker) {
        int at = md.indexOf(marker);
        assertThat(at).as("marker " + marker).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        boolean inTable = false;
        int seen = 0;
        for (String line : md.substring(at).lines().toList()) {
            if (line.startsWith("|")) {
                inTable = true;
                if (seen++ >= 2) {
                    List<String> cells = new ArrayList<>();
                    for (String c : line.substring(1, line.length() - 1).split(" \\| ", -1)) {
                        cells.add(c.strip());
                    }
                    rows.add(cells);
                }
            } else if (inTable) {
                break;
            }
        }
        return rows;
    }

    /** A printed number equals the JSON value rounded to the digits printed (half a unit of the last digit). */
    static void assertClose(String printed, double expected) {
        String digits = printed.replace("×", "").strip();
        int dot = digits.indexOf('.');
        int decimals = dot < 0 ? 0 : digits.length() - dot - 1;
        assertThat(Fmt.parse(printed)).as(printed + " vs " + expected)
                .isCloseTo(expected, within(0.5 * Math.pow(10, -decimals) + 1e-9));
    }
}
