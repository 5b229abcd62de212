package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Network;
import org.authbench.runfiles.RunFileException;
import org.authbench.runfiles.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round-trip report on a synthetic run: Redis and PostgreSQL lookups at direct and at five injected settings
 * (one of them not held by the injector), verifications of three algorithms, and the network.json the run side
 * writes. Expected figures are computed here from the same inputs, never typed in.
 */
class NetworkReportTest {

    @TempDir
    Path tmp;

    /** Setting → {target µs, achieved added p50 µs}; 2ms is not held (2,600 µs added). */
    private static final Map<String, double[]> REDIS_CALIBRATION = new LinkedHashMap<>();
    /** Setting → Redis lookup_hit ns; the 2ms row lies far off the line, so fitting it would move the crossing. */
    private static final Map<String, Double> REDIS_NS = new LinkedHashMap<>();

    static {
        REDIS_CALIBRATION.put("0us", new double[] {0, 6});
        REDIS_CALIBRATION.put("100us", new double[] {100, 104});
        REDIS_CALIBRATION.put("250us", new double[] {250, 255});
        REDIS_CALIBRATION.put("500us", new double[] {500, 507});
        REDIS_CALIBRATION.put("1ms", new double[] {1000, 1008});
        REDIS_CALIBRATION.put("2ms", new double[] {2000, 2600});
        REDIS_NS.put("direct", 60_000.0);
        REDIS_NS.put("0us", 66_500.0);
        REDIS_NS.put("100us", 163_000.0);
        REDIS_NS.put("250us", 318_000.0);
        REDIS_NS.put("500us", 565_000.0);
        REDIS_NS.put("1ms", 1_070_000.0);
        REDIS_NS.put("2ms", 9_000_000.0);
    }

    /**
     * An AverageTime row of three forks of two iterations whose 95% interval over fork means has half-width {@code err}
     * (t with 2 degrees of freedom is 4.303); the whole report reads it, so it needs iterations to judge settling by.
     */
    static JmhRow row(String method, Map<String, String> params, int threads, double ns, double err) {
        double d = err * Math.sqrt(3) / 4.302652729911275;
        double w = ns * 0.001;
        List<double[]> forks = List.of(new double[] {ns - d - w, ns - d + w}, new double[] {ns - w, ns + w},
                new double[] {ns + d - w, ns + d + w});
        return new JmhRow("org.authbench.bench." + method, "avgt", threads, 3, params,
                new JmhRow.Metric(ns, err, "ns/op", Map.of(), forks, List.of()), Map.of(), "17.0.15",
                "OpenJDK 64-Bit Server VM", "17.0.15", null, List.of());
    }

    static JmhRow verify(String lib, String alg, double ns, double err) {
        return row(Analysis.VERIFY, Map.of("library", lib, "alg", alg), 1, ns, err);
    }

    private static Map<String, String> p(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(b, b.length + a.length);
        System.arraycopy(a, 0, out, b.length, a.length);
        return out;
    }

    /** Verifications (HS256 with a tied second library), Redis and PostgreSQL at every setting, Caffeine in front. */
    static List<JmhRow> rows() {
        List<JmhRow> rows = new ArrayList<>(List.of(verify("FAST", "HS256", 1_900, 20), verify("CLOSE", "HS256", 1_950, 20),
                verify("FAST", "RS256", 27_000, 200), verify("FAST", "ES256", 200_000, 2_000),
                verify("FAST", "ES384", 5_000_000, 20_000),
                row(Analysis.VERIFY, Map.of("library", "FAST", "alg", "ES256"), 2, 210_000, 3_000), row(Analysis.LOOKUP, Map.of("store", "HASHED"), 1, 130, 2)));
        REDIS_NS.forEach((rtt, ns) -> {
            // Redis's direct rows carry no rtt parameter, as an older run's do: they count as direct.
            String[] at = rtt.equals("direct") ? new String[0] : new String[] {"rtt", rtt};
            rows.add(row(Analysis.LOOKUP, p(concat(at, "store", "REDIS")), 1, ns, ns * 0.01));
            rows.add(row("ApiKeyLookupBenchmark.lookup_miss", p(concat(at, "store", "REDIS")), 1, ns * 0.98, ns * 0.01));
            rows.add(row(Analysis.CACHED_LOOKUP, p(concat(at, "backing", "REDIS", "cacheHitRatio", "0.9")), 1,
                    200 + 0.1 * ns, ns * 0.002));
            rows.add(row(Analysis.REV_ACCEPTED, p(concat(at, "denylist", "REDIS", "alg", "HS256", "library", "REFERENCE")),
                    1, 1_000 + ns, ns * 0.01));
            // At 2 threads each lookup waits a little longer (the two share the loopback and the server).
            rows.add(row(Analysis.LOOKUP, p(concat(at, "store", "REDIS")), 2, 1.1 * ns, ns * 0.02));
            double pg = 2 * ns;
            rows.add(row(Analysis.LOOKUP, p("store", "POSTGRES", "rtt", rtt), 1, pg, pg * 0.01));
        });
        return rows;
    }

    static Network network() {
        List<Network.Setting> settings = new ArrayList<>();
        for (String store : List.of("REDIS", "POSTGRES")) {
            double direct = store.equals("REDIS") ? 30 : 60;
            REDIS_CALIBRATION.forEach((rtt, c) -> settings.add(new Network.Setting(store, rtt, c[0],
                    new Network.Percentiles(10_000, direct, direct * 3, direct * 6),
                    new Network.Percentiles(10_000, direct + c[1], direct * 3 + c[1] + 20, direct * 6 + c[1] + 80),
                    c[0] == 0 || Math.abs(c[1] - c[0]) <= 0.1 * c[0])));
        }
        return new Network("netcrusher", "0.10", "this kernel has no netem qdisc", settings,
                Map.of("REDIS", new Network.StoreCost(4.0, 1_000_000, "Redis INFO cpu used_cpu_user+used_cpu_sys"),
                        "POSTGRES", new Network.StoreCost(25.0, 200_000, "pg_stat_statements + backend CPU")),
                Map.of());
    }

    private static Doc build(List<JmhRow> rows, Network n) {
        return ReportBuilder.build(new RunFolder(Path.of("run"), rows, null, null, null, n));
    }

    private static Doc.Section section(Doc d, String id) {
        return d.sections.stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    private static Doc.Table breakEvenTable(Doc d) {
        return section(d, "decision").blocks().stream().filter(b -> b instanceof Doc.Table t
                && t.header().contains("break-even round trip")).map(b -> (Doc.Table) b).findFirst().orElseThrow();
    }

    private static List<String> crossing(Doc d, String store, String alg) {
        return breakEvenTable(d).rows().stream().filter(r -> r.get(0).equals(store) && r.get(2).startsWith(alg + " "))
                .findFirst().orElseThrow();
    }

    @Test
    void theBreakEvenIsTheFittedLineAtTheVerificationsCostWithAnIntervalAroundIt() {
        Doc d = build(rows(), network());
        SimpleRegression fit = new SimpleRegression();
        fit.addData(0, REDIS_NS.get("direct"));
        for (String rtt : List.of("0us", "100us", "250us", "500us", "1ms")) {
            fit.addData(REDIS_CALIBRATION.get(rtt)[1], REDIS_NS.get(rtt));
        }
        double expected = (200_000 - fit.getIntercept()) / fit.getSlope();
        String cell = crossing(d, "REDIS", "ES256").get(6);
        assertThat(cell).matches("[0-9.,]+ µs \\([0-9.,]+ µs–[0-9.,]+ µs\\)");
        String[] parts = cell.replace(" µs", "").replace("(", "").replace(")", "").split("[ –]");
        double printed = Fmt.parse(parts[0]);
        assertThat(printed).isCloseTo(expected, offset(0.5));
        assertThat(Fmt.parse(parts[1])).isLessThan(printed);
        assertThat(Fmt.parse(parts[2])).isGreaterThan(printed);
        assertThat(crossing(d, "REDIS", "ES256").get(2)).isEqualTo("ES256 (FAST)");
        // Including the flagged 2ms row would have pulled the fitted slope far up.
        assertThat(Fmt.parse(crossing(d, "REDIS", "ES256").get(5))).isCloseTo(fit.getSlope(),
                offset(0.5));
        SimpleRegression two = new SimpleRegression();
        two.addData(0, 1.1 * REDIS_NS.get("direct"));
        for (String rtt : List.of("0us", "100us", "250us", "500us", "1ms")) {
            two.addData(REDIS_CALIBRATION.get(rtt)[1], 1.1 * REDIS_NS.get(rtt));
        }
        List<String> at2 = breakEvenTable(d).rows().stream().filter(r -> r.get(0).equals("REDIS") && r.get(1).equals("2"))
                .findFirst().orElseThrow();
        assertThat(at2.get(2)).isEqualTo("ES256 (FAST)");
        assertThat(Fmt.parse(at2.get(6).split(" µs")[0])).isCloseTo((210_000 - two.getIntercept()) / two.getSlope(),
                offset(0.5));
        assertThat(section(d, "decision").blocks()).anyMatch(b -> b instanceof Doc.Chart c
                && c.file().equals("break-even.png") && c.png().length > 1000);
    }

    @Test
    void aLookupDearerAlreadyOnLoopbackSaysSoAndOneCheaperThroughoutIsNotExtrapolated() {
        Doc d = build(rows(), network());
        List<String> hs = crossing(d, "REDIS", "HS256");
        assertThat(hs.get(2)).isEqualTo("HS256 (FAST, tied with CLOSE)");
        assertThat(hs.get(6)).startsWith("a remote lookup costs more at every RTT measured, already on loopback, where "
                + "it costs ");
        double ratio = Fmt.parse(hs.get(6).replaceAll(".*costs ([0-9.,]+)×.*", "$1"));
        assertThat(ratio).isCloseTo(60_000 / 1_900.0, offset(0.5));
        assertThat(crossing(d, "POSTGRES", "RS256").get(6)).startsWith("a remote lookup costs more at every RTT measured");
        assertThat(crossing(d, "REDIS", "ES384").get(6)).startsWith("above 1 ms: a remote lookup costs less");
    }

    @Test
    void aSettingTheInjectorDidNotHoldIsFlaggedWhereverItAppearsAndNeverShownAsThatRoundTrip() {
        Doc d = build(rows(), network());
        Doc.Section net = section(d, "network");
        Doc.Table calibration = (Doc.Table) net.blocks().stream().filter(b -> b instanceof Doc.Table).findFirst()
                .orElseThrow();
        assertThat(calibration.rows()).filteredOn(r -> r.get(0).equals("REDIS") && r.get(1).equals("2ms"))
                .singleElement().satisfies(r -> assertThat(r.get(8)).startsWith("⚑ not held: added 2,600 µs"));
        assertThat(calibration.rows()).filteredOn(r -> r.get(1).equals("500us"))
                .allSatisfy(r -> assertThat(r.get(8)).isEqualTo("held"));
        String md = MarkdownRenderer.render(d);
        assertThat(md).contains("The injector's own overhead (0us through it against direct): REDIS +6.000 µs at p50");
        List<Doc.Table> lookups = net.blocks().stream().filter(b -> b instanceof Doc.Table t
                && t.header().contains("2ms ns/op")).map(b -> (Doc.Table) b).toList();
        assertThat(lookups).hasSize(2);
        for (Doc.Table t : lookups) {
            int col = t.header().indexOf("2ms ns/op");
            assertThat(t.rows()).isNotEmpty().allSatisfy(r -> assertThat(r.get(col)).startsWith("⚑ ")
                    .endsWith("(at 2,600 µs achieved)"));
            int held = t.header().indexOf("1ms ns/op");
            assertThat(t.rows()).allSatisfy(r -> assertThat(r.get(held)).doesNotContain("⚑"));
        }
        assertThat(lookups.get(0).rows()).extracting(r -> r.get(1) + " " + r.get(2)).containsExactly("lookup hit 1",
                "lookup hit 2", "lookup miss 1", "Caffeine in front, 90% hits 1", "JWT HS256 REFERENCE + denylist 1");
        Doc.Section fleet = section(d, "fleet");
        Doc.Table inFlight = (Doc.Table) fleet.blocks().get(fleet.blocks().size() - 1);
        assertThat(inFlight.rows()).filteredOn(r -> r.get(0).equals("REDIS") && r.get(1).startsWith("⚑ 2ms"))
                .hasSize(1);
    }

    @Test
    void theFleetSizesClientsAndStoresFromTheRunAndPrintsItsAssumptions() {
        Doc d = build(rows(), network());
        Doc.Table t = (Doc.Table) section(d, "fleet").blocks().get(1);
        List<String> hs = t.rows().stream().filter(r -> r.get(0).startsWith("client cores: verify HS256")).findFirst()
                .orElseThrow();
        assertThat(Fmt.parse(hs.get(4).split(" ± ")[0])).isCloseTo(1_000_000 * 1_900e-9,
                offset(0.01));
        List<String> client = t.rows().stream().filter(r -> r.get(0).equals("client cores: REDIS lookup (estimate)"))
                .findFirst().orElseThrow();
        assertThat(client.get(1)).contains("direct lookup 60,000").contains("server CPU 4,000 ns");
        assertThat(Fmt.parse(client.get(2).split(" ± ")[0])).isCloseTo(10_000 * 56_000e-9,
                offset(0.001));
        List<String> nodes = t.rows().stream().filter(r -> r.get(0).equals("store nodes: REDIS")).findFirst()
                .orElseThrow();
        assertThat(nodes.get(1)).contains("assumed 1 core per node").contains("50% utilisation");
        // 1M req/s × 4 µs = 4 cores of Redis; at one core per node and 50%: 8 nodes.
        assertThat(nodes.get(4)).isEqualTo("8");
        Doc.Table inFlight = (Doc.Table) section(d, "fleet").blocks().get(3);
        List<String> at1ms = inFlight.rows().stream().filter(r -> r.get(0).equals("REDIS") && r.get(1).startsWith("1ms"))
                .findFirst().orElseThrow();
        assertThat(Fmt.parse(at1ms.get(5).split(" ± ")[0])).isCloseTo(1_000_000 * 1_070_000e-9,
                offset(0.5));
    }

    @Test
    void aTruncatedOrForeignNetworkFileIsOneLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("r"));
        network().write(dir);
        String json = Files.readString(dir.resolve("network.json"));
        Files.writeString(dir.resolve("network.json"), json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> Network.read(dir)).isInstanceOf(RunFileException.class)
                .hasMessageContaining("network.json").hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(e.getMessage()).hasLineCount(1));
        for (String foreign : List.of("{\"hello\": \"world\"}", "[1, 2]",
                "{\"formatVersion\": 1, \"settings\": [{\"store\": \"REDIS\", \"rtt\": \"1ms\"}]}")) {
            Files.writeString(dir.resolve("network.json"), foreign);
            assertThatThrownBy(() -> Network.read(dir)).as(foreign).isInstanceOf(RunFileException.class)
                    .hasMessageContaining("network.json").satisfies(e -> assertThat(e.getMessage()).hasLineCount(1));
        }
    }

    @Test
    void aTruncatedNetworkFileStopsTheReportWithOneLineAndExitTwo() throws IOException, URISyntaxException {
        Path run = ReportTest.copyFixtureRun(tmp, "standard-run");
        Files.writeString(run.resolve("network.json"), "{\"formatVersion\": 1, \"settings\": [");
        String[] r = ReportTest.report(run);
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip().lines()).hasSize(1);
        assertThat(r[2]).contains("network.json").contains("not valid JSON");
    }

    @Test
    void networkFileRoundTripsThroughTheRunFolder() throws IOException, URISyntaxException {
        Path run = ReportTest.copyFixtureRun(tmp, "standard-run");
        assertThat(RunFolder.read(run).network()).isNull();
        network().write(run);
        assertThat(RunFolder.read(run).network()).isEqualTo(network());
    }

    @Test
    void aRunWithoutRoundTripRowsRendersExactlyAsBefore() throws IOException, URISyntaxException {
        Path run = ReportTest.copyFixtureRun(tmp, "standard-run");
        RunFolder folder = RunFolder.read(run);
        Doc doc = ReportBuilder.build(folder);
        assertThat(doc.sections).extracting(Doc.Section::id).doesNotContain("network", "fleet");
        assertThat(MarkdownRenderer.render(doc)).doesNotContain("round trip").doesNotContain("break-even");
        // The committed reference report was made before round trips existed: regenerating it changes nothing.
        Path ref = Path.of("results/reference/standard-fce81f3");
        if (Files.isRegularFile(ref.resolve("report.md"))) {
            Path copy = tmp.resolve(ref.getFileName().toString());
            ReportTest.copyTree(ref, copy);
            Files.delete(copy.resolve("report.md"));
            assertThat(ReportTest.reportMarkdown(copy)).isEqualTo(Files.readString(ref.resolve("report.md")));
        }
    }

    @Test
    void aRoundTripLabelTheRunSideNeverWritesIsRefused() {
        assertThat(RoundTrips.micros("250us")).isEqualTo(250);
        assertThat(RoundTrips.micros("2ms")).isEqualTo(2000);
        assertThat(RoundTrips.micros("0.5ms")).isEqualTo(500);
        assertThatThrownBy(() -> RoundTrips.micros("fast")).isInstanceOf(RunFileException.class)
                .hasMessageContaining("\"fast\"");
    }
}
