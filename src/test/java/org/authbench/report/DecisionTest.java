package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.conformance.Family;
import org.authbench.runfiles.Conformance;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.LatencySummary;
import org.authbench.runfiles.RunFolder;
import org.junit.jupiter.api.Test;

/** Rank groups, the decision's rules and the false accepts of the benchmarked path, on synthetic rows. */
class DecisionTest {

    private static final String BENCH = "org.authbench.bench.";

    static JmhRow row(String method, Map<String, String> params, int threads, double ns, double err) {
        return row(method, params, threads, ns, err, "17.0.15");
    }

    /** As above, measured on the JDK of version {@code jdk}. */
    static JmhRow row(String method, Map<String, String> params, int threads, double ns, double err, String jdk) {
        return new JmhRow(BENCH + method, "avgt", threads, 2, params,
                new JmhRow.Metric(ns, err, "ns/op", Map.of(), forks(ns, err), List.of()), Map.of(), jdk,
                "OpenJDK 64-Bit Server VM", jdk, null, List.of());
    }

    /**
     * Three one-iteration forks around {@code ns} whose 95% interval over fork means has half-width {@code err}
     * (t with 2 degrees of freedom is 4.303), so the report's interval is the one the test states.
     */
    private static List<double[]> forks(double ns, double err) {
        double d = err * Math.sqrt(3) / 4.302652729911275;
        return List.of(new double[] {ns - d}, new double[] {ns}, new double[] {ns + d});
    }

    static JmhRow verify(String lib, String alg, double ns, double err) {
        return row(Analysis.VERIFY, Map.of("library", lib, "alg", alg), 1, ns, err);
    }

    static JmhRow key(String store, double ns, double err) {
        return row(Analysis.LOOKUP, Map.of("store", store), 1, ns, err);
    }

    private static MeasuredScheme scheme(double ns, double err) {
        JmhRow r = verify("X" + ns, "HS256", ns, err);
        return new MeasuredScheme(r.method(), r.params(), 1, Map.of("avgt", r), "X" + ns, null);
    }

    @Test
    void overlapOrAMarginUnderFivePercentTiesAndGroupsAreJudgedAgainstTheirLeader() {
        MeasuredScheme a = scheme(100, 1);
        MeasuredScheme b = scheme(104, 1); // separated intervals, 4% apart: tied
        MeasuredScheme c = scheme(108, 1); // 8% above the leader: a new group, though 3.8% above b
        MeasuredScheme d = scheme(120, 15); // overlaps c
        RankGroups g = new RankGroups(List.of(d, c, b, a));
        assertThat(g.ordered()).containsExactly(a, b, c, d);
        assertThat(List.of(g.groupOf(a), g.groupOf(b), g.groupOf(c), g.groupOf(d))).containsExactly(1, 1, 2, 2);
        assertThat(g.label(a)).isEqualTo("1 (tied)");
        assertThat(g.fastest()).containsExactly(a, b);
        RankGroups alone = new RankGroups(List.of(a, scheme(200, 1)));
        assertThat(alone.label(a)).isEqualTo("1");
        assertThat(alone.groups()).isEqualTo(2);
    }

    @Test
    void theMedianIsTheMiddleOrTheMeanOfTheTwoMiddles() {
        assertThat(RankGroups.median(List.of(scheme(1, 0), scheme(3, 0), scheme(10, 0)))).isEqualTo(3);
        assertThat(RankGroups.median(List.of(scheme(2, 0), scheme(2.1, 0), scheme(6.2, 0), scheme(7.5, 0))))
                .isEqualTo((2.1 + 6.2) / 2);
    }

    private static Conformance conformance(Map<String, int[]> faByLib) {
        List<String> families = List.of("wycheproof-jws", "hostile", "wycheproof-ecdsa-der");
        List<Conformance.Library> libs = new ArrayList<>();
        faByLib.forEach((lib, fa) -> {
            Map<String, Conformance.Tally> t = new LinkedHashMap<>();
            for (int i = 0; i < families.size(); i++) {
                t.put(families.get(i), new Conformance.Tally(10, fa[i], 0, 0, 0));
            }
            libs.add(new Conformance.Library(lib.toLowerCase(), "1", t, null, String.valueOf(fa[0] + fa[1] + fa[2])));
        });
        return new Conformance("1", "0", families, libs, List.of());
    }

    @Test
    void falseAcceptsOfTheRawSignatureApiAreNotChargedToTheBenchmarkedPath() {
        Conformance c = conformance(Map.of("VERTX", new int[] {1, 0, 153}));
        assertThat(FalseAccepts.benchmarked(c, "VERTX")).isEqualTo(1);
        assertThat(FalseAccepts.rawApi(c, "VERTX")).isEqualTo(153);
        assertThat(FalseAccepts.benchmarked(c, "NIMBUS")).isNull();
        assertThat(FalseAccepts.cell(null)).isEqualTo("not checked");
    }

    @Test
    void theRawFamiliesAreThoseTheConformanceRunSendsPastTheAuthenticator() {
        for (Family f : Family.values()) {
            assertThat(FalseAccepts.RAW_API_FAMILIES.contains(f.label())).as(f.label()).isEqualTo(!f.throughAuthenticator());
        }
    }

    private static Doc decide(List<JmhRow> rows, Conformance c) {
        Doc doc = new Doc("t");
        new DecisionSection().addTo(doc, new ReportInput(new RunFolder(Path.of("run"), rows, null, null, c),
                new Analysis(rows)));
        return doc;
    }

    @Test
    void theDefaultLibraryIsTheFastestThatAcceptsNoForgeryAndScales() {
        List<JmhRow> rows = new ArrayList<>(List.of(key("HASHED", 130, 2), key("REDIS", 60_000, 500),
                verify("FAST", "HS256", 1_900, 20), verify("SAFE", "HS256", 1_990, 20), verify("LOCKED", "HS256", 1_950, 20),
                verify("FAST", "RS256", 27_000, 100), verify("SAFE", "RS256", 27_100, 100),
                verify("LOCKED", "RS256", 27_050, 100), verify("SLOW", "HS256", 7_000, 50)));
        rows.add(row(Analysis.VERIFY, Map.of("library", "LOCKED", "alg", "HS256"), 2, 1_950 / 0.45, 20));
        Conformance c = conformance(Map.of("FAST", new int[] {1, 0, 0}, "SAFE", new int[] {0, 0, 153},
                "LOCKED", new int[] {0, 0, 0}, "SLOW", new int[] {0, 0, 0}));
        Decision d = new Decision(new Analysis(rows), c);
        assertThat(d.library()).isEqualTo("SAFE");
        assertThat(d.efficiency(d.scheme("HS256", "LOCKED")).value()).isCloseTo(0.45, offset(0.01));
        // Resampled from both rows' forks (a detour through ops/s used to drop them, and the interval with them).
        assertThat(d.efficiency(d.scheme("HS256", "LOCKED")).hasInterval()).isTrue();
        Doc doc = decide(rows, c);
        Doc.Section s = doc.sections.get(0);
        Doc.Table t = (Doc.Table) s.blocks().get(1);
        // No scenario row was measured at 2 threads: the column would be empty, so it is not printed.
        assertThat(t.header()).contains("false accepts (benchmarked path)").noneMatch(h -> h.startsWith("p99"))
                .noneMatch(h -> h.contains("scaling"));
        Doc.Table standings = (Doc.Table) s.blocks().get(4);
        assertThat(standings.header()).contains("lowest scaling at 2 threads");
        assertThat(standings.rows()).filteredOn(r -> r.get(0).equals("LOCKED")).singleElement()
                .satisfies(r -> assertThat(r.get(r.size() - 1)).matches("45\\.0 ± \\d+\\.\\d%"));
        assertThat(t.rows()).extracting(r -> r.get(0)).containsExactly("API key: in-process `HASHED`", "API key: Redis `REDIS`",
                "JWT HS256 (SAFE)", "JWT RS256 (SAFE)");
        String answers = String.join("\n", ((Doc.Bullets) s.blocks().get(2)).items());
        assertThat(answers).contains("Default JWT library: SAFE (0 false accepts; fastest group for HS256, RS256)").contains("Rule:")
                .contains("A Redis lookup costs more than verifying HS256").contains("RS256 (2.214×");
    }

    @Test
    void withoutConformanceNoLibraryIsChosenAndTheColumnIsLeftOut() {
        List<JmhRow> rows = List.of(verify("A", "HS256", 2_000, 20), verify("B", "HS256", 3_000, 20));
        Doc doc = decide(rows, null);
        Doc.Table t = (Doc.Table) doc.sections.get(0).blocks().get(1);
        assertThat(t.header()).noneMatch(h -> h.contains("false accepts")).noneMatch(h -> h.contains("scaling"));
        assertThat(String.join("\n", ((Doc.Bullets) doc.sections.get(0).blocks().get(2)).items()))
                .contains("not decided, conformance was not checked");
    }

    @Test
    void aColumnWithoutAnyMeasurementIsNotPrinted() {
        Doc.Table t = new Doc.Table(List.of("scheme", "ns/op", "B/op", "note"),
                List.of(List.of("a", "1", "—", ""), List.of("b", "2", "—", "x")));
        assertThat(t.withoutEmptyColumns()).isEqualTo(new Doc.Table(List.of("scheme", "ns/op", "note"),
                List.of(List.of("a", "1", ""), List.of("b", "2", "x"))));
        Doc.Table none = new Doc.Table(List.of("scheme"), List.of());
        assertThat(none.withoutEmptyColumns()).isSameAs(none);
    }

    @Test
    void aVerifierBelowItsFloorIsExplainedAndAnUnresolvedOneSaidSo() {
        List<JmhRow> rows = List.of(verify("A", "ES256", 660_000, 500), verify("B", "ES256", 669_000, 2_000),
                row("CryptoFloorBenchmark.floor_jwsSignature", Map.of("alg", "ES256"), 1, 670_000, 500));
        Doc doc = new Doc("t");
        new BelowFloorSection().addTo(doc, new ReportInput(new RunFolder(Path.of("run"), rows, null, null, null),
                new Analysis(rows)));
        Doc.Table t = (Doc.Table) doc.sections.get(0).blocks().get(1);
        assertThat(t.rows()).extracting(r -> r.get(0) + ": " + r.get(3)).containsExactly(
                "ES256 A: below 1× beyond its interval", "ES256 B: interval reaches 1×: " + Claims.NOT_RESOLVED);
        Doc above = new Doc("t");
        List<JmhRow> fine = List.of(verify("A", "ES256", 680_000, 500),
                row("CryptoFloorBenchmark.floor_jwsSignature", Map.of("alg", "ES256"), 1, 670_000, 500));
        new BelowFloorSection().addTo(above, new ReportInput(new RunFolder(Path.of("run"), fine, null, null, null),
                new Analysis(fine)));
        assertThat(above.sections).isEmpty();
    }

    private static LatencySummary.RateRun rate(double rps, double p99) {
        return new LatencySummary.RateRun(rps, rps, null, 1000, 0, 0, Map.of("p99", p99), Map.of("p99", p99), null,
                List.of());
    }

    @Test
    void p99IsPrintedAtARateEverySchemeWasMeasuredAtAndLeftOutWithoutOne() {
        List<JmhRow> rows = List.of(key("HASHED", 130, 2), verify("A", "HS256", 2_000, 20));
        LatencySummary common = new LatencySummary(10, 20, 5, 1, List.of(
                new LatencySummary.SchemeRuns("apikey:hashed", null, List.of(rate(10_000, 3.5), rate(50_000, 9)), null),
                new LatencySummary.SchemeRuns("jwt:a:HS256", null, List.of(rate(10_050, 40)), null)));
        Doc doc = new Doc("t");
        new DecisionSection().addTo(doc, new ReportInput(new RunFolder(Path.of("run"), rows, null, common, null),
                new Analysis(rows)));
        Doc.Table t = (Doc.Table) doc.sections.get(0).blocks().get(1);
        assertThat(t.header()).contains("p99 µs at 10,000 req/s");
        assertThat(t.rows()).extracting(r -> r.get(2)).containsExactly("3.500", "40.00");
        LatencySummary apart = new LatencySummary(10, 20, 5, 1, List.of(
                new LatencySummary.SchemeRuns("apikey:hashed", null, List.of(rate(2_000_000, 3.5)), null),
                new LatencySummary.SchemeRuns("jwt:a:HS256", null, List.of(rate(250_000, 40)), null)));
        Doc other = new Doc("t");
        new DecisionSection().addTo(other, new ReportInput(new RunFolder(Path.of("run"), rows, null, apart, null),
                new Analysis(rows)));
        assertThat(((Doc.Table) other.sections.get(0).blocks().get(1)).header()).noneMatch(h -> h.startsWith("p99"));
        assertThat(((Doc.Para) other.sections.get(0).blocks().get(2)).text()).contains("no common request rate");
    }

    @Test
    void capacityDividesByTheMeasuredEfficiencyButNeverCountsMoreThanLinear() {
        Estimate ns = new Estimate(1_000, 10);
        assertThat(Decision.atScaling(ns, null)).isEqualTo(ns);
        assertThat(Decision.atScaling(ns, new Estimate(1.2, 0.3))).isEqualTo(ns);
        assertThat(Decision.atScaling(ns, new Estimate(0.5, 0.01)).value()).isEqualTo(2_000);
    }
}
