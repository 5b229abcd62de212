package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.authbench.regress.SyntheticRuns.Row;
import org.authbench.runfiles.JmhRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --rerun-file}: which rows {@code scripts/compare.sh} runs again, narrowed to exactly those rows, and
 * how the forks of those narrowed runs merge with the full rounds of the same side.
 */
class RerunTest {

    private static final String BASE = "aaaaaaa111";
    private static final String HEAD = "bbbbbbb222";

    /** Both sides with {@code full} full rounds, then {@code narrowed} rounds of the rows {@code extra} names. */
    private static void sides(Path tmp, List<Row> rows, int full, int narrowed, Set<Row> extra) throws IOException {
        for (String side : List.of("base", "head")) {
            String commit = side.equals("base") ? BASE : HEAD;
            for (int i = 0; i < full; i++) {
                SyntheticRuns.nextRound(tmp.resolve(side), commit, rows, r -> true);
            }
            for (int i = 0; i < narrowed; i++) {
                SyntheticRuns.nextRound(tmp.resolve(side), commit, rows, extra::contains);
            }
        }
    }

    private static List<String> rerun(Path tmp) throws IOException {
        Path file = tmp.resolve("rerun.txt");
        CliRun r = CliRun.of("compare", tmp.resolve("base").toString(), tmp.resolve("head").toString(),
                "--rerun-file", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        return Files.readAllLines(file);
    }

    @Test
    void onlyTheInconclusiveRowsAreNamedAndTheirInvocationsMultiplyOutToExactlyThem(@TempDir Path tmp) throws IOException {
        List<Row> rows = SyntheticRuns.rows(true);
        sides(tmp, rows, 2, 0, Set.of());
        List<String> lines = rerun(tmp);
        List<Row> noisy = rows.stream().filter(r -> r.spread() > 0.1).toList();
        assertThat(lines.get(0)).isEqualTo("# rows 4 rerun 2");
        assertThat(lines.subList(1, 3)).containsExactlyInAnyOrder("# " + noisy.get(0).name(), "# " + noisy.get(1).name());
        List<String> commands = lines.stream().filter(l -> !l.startsWith("#")).toList();
        // NIMBUS HS256 and REFERENCE RS256: one --param list for both would add the other two rows.
        assertThat(commands).hasSize(2);
        Set<Map<String, String>> planned = new HashSet<>();
        for (String c : commands) {
            planned.addAll(product(c));
            assertThat(c).contains("--threads 1");
            String include = c.split(" ")[1];
            assertThat(Pattern.compile(include).matcher(SyntheticRuns.VERIFY).find()).isTrue();
            assertThat(Pattern.compile(include).matcher(SyntheticRuns.VERIFY + "_more").find()).isFalse();
            assertThat(Pattern.compile(include).matcher("org.authbench.bench.VerifyBenchmarkXverify_valid").find()).isFalse();
        }
        assertThat(planned).containsExactlyInAnyOrderElementsOf(noisy.stream().map(Row::params).toList());
    }

    @Test
    void nothingIsNamedWhenEveryRowIsConclusive(@TempDir Path tmp) throws IOException {
        sides(tmp, SyntheticRuns.rows(false), 2, 0, Set.of());
        assertThat(rerun(tmp)).containsExactly("# rows 4 rerun 0");
    }

    @Test
    void forksOfNarrowedRunsMergeWithTheFullRoundsOfTheSameRow(@TempDir Path tmp) throws IOException {
        List<Row> rows = SyntheticRuns.rows(true);
        Set<Row> noisy = new HashSet<>(rows.stream().filter(r -> r.spread() > 0.1).toList());
        sides(tmp, rows, 2, 3, noisy);
        CliRun r = CliRun.of("compare", tmp.resolve("base").toString(), tmp.resolve("head").toString(), "--format", "json");
        assertThat(r.exit()).as(r.err()).isZero();
        for (Row row : rows) {
            int forks = noisy.contains(row) ? 5 : 2;
            assertThat(r.row(row.name(), "score").at("/baseStats/forks").asInt()).as(row.name()).isEqualTo(forks);
            assertThat(r.row(row.name(), "score").at("/headStats/forks").asInt()).as(row.name()).isEqualTo(forks);
        }
        assertThat(r.json().get("onlyInBase")).isEmpty();
        assertThat(r.json().get("onlyInHead")).isEmpty();
        CliRun md = CliRun.of("compare", tmp.resolve("base").toString(), tmp.resolve("head").toString());
        assertThat(md.out()).contains("(2–5 forks a side)");
    }

    @Test
    void rowsDifferingInOneParameterShareAnInvocation() {
        List<JmhRow> rows = List.of(row("library", "NIMBUS", "alg", "HS256"), row("library", "REFERENCE", "alg", "HS256"),
                row("library", "NIMBUS", "alg", "RS256"));
        List<Map<String, List<String>>> groups = Rerun.groups(rows);
        assertThat(groups).hasSize(2);
        Set<Map<String, String>> covered = new HashSet<>();
        for (Map<String, List<String>> g : groups) {
            covered.addAll(product(g));
        }
        assertThat(covered).hasSize(3).containsExactlyInAnyOrderElementsOf(rows.stream().map(JmhRow::params).toList());
        assertThat(Rerun.groups(List.of(row()))).containsExactly(Map.of());
    }

    private static JmhRow row(String... nameValues) {
        Map<String, String> p = new TreeMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            p.put(nameValues[i], nameValues[i + 1]);
        }
        return new JmhRow(SyntheticRuns.VERIFY, "avgt", 1, 1, p, null, Map.of(), "17", null, null, null, List.of(), null);
    }

    /** The rows a line of {@code run} arguments asks for: the product of its {@code --param} lists. */
    private static List<Map<String, String>> product(String command) {
        Map<String, List<String>> params = new TreeMap<>();
        String[] words = command.split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            if (words[i].equals("--param")) {
                String[] kv = words[i + 1].split("=", 2);
                params.put(kv[0], List.of(kv[1].split(",")));
            }
        }
        return product(params);
    }

    private static List<Map<String, String>> product(Map<String, List<String>> params) {
        List<Map<String, String>> out = new ArrayList<>(List.of(new TreeMap<>()));
        params.forEach((k, values) -> {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> partial : out) {
                for (String v : values) {
                    Map<String, String> m = new TreeMap<>(partial);
                    m.put(k, v);
                    next.add(m);
                }
            }
            out.clear();
            out.addAll(next);
        });
        return out;
    }
}
