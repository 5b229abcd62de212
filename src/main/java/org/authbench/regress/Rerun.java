package org.authbench.regress;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.authbench.runfiles.JmhRow;

/**
 * The rows of a comparison worth another round, as {@code authbench run} arguments: what {@code scripts/compare.sh}
 * runs again, for both sides, while rows are inconclusive and its time budget allows. Each line narrows one
 * invocation to exact rows: {@code --include} anchored to one benchmark, {@code --threads}, and a {@code --param}
 * per parameter. A {@code --param} list multiplies out, so rows are grouped only where that product is exactly the
 * rows wanted (all parameters equal but one); the mode comes from the profile. The extra forks land in the same
 * side folder and merge with the earlier rounds by row key ({@link RunReader}).
 *
 * <pre>java -jar target/authbench.jar compare BASE HEAD --rerun-file rerun.txt</pre>
 *
 * @param compared how many rows both sides hold
 * @param rows     display names of the rows to run again
 * @param commands one line of {@code run} arguments per invocation
 */
public record Rerun(int compared, List<String> rows, List<String> commands) {

    /** The rows with an inconclusive verdict (score or allocation), grouped into as few exact invocations as fit. */
    public static Rerun of(Comparison c) {
        Set<String> inconclusive = new LinkedHashSet<>();
        for (RowVerdict v : c.verdicts()) {
            if (v.verdict() == GateVerdict.INCONCLUSIVE) {
                inconclusive.add(v.name());
            }
        }
        int compared = 0;
        List<String> names = new ArrayList<>();
        Map<String, List<JmhRow>> byBenchmark = new LinkedHashMap<>();
        for (Map.Entry<String, List<JmhRow>> e : c.base().rows().entrySet()) {
            if (!c.head().rows().containsKey(e.getKey())) {
                continue;
            }
            compared++;
            String name = c.base().name(e.getValue());
            if (inconclusive.contains(name)) {
                names.add(name);
                JmhRow r = e.getValue().get(0);
                byBenchmark.computeIfAbsent(r.benchmark() + "|" + r.threads(), k -> new ArrayList<>()).add(r);
            }
        }
        List<String> commands = new ArrayList<>();
        for (List<JmhRow> rows : byBenchmark.values()) {
            for (Map<String, List<String>> group : groups(rows)) {
                commands.add(command(rows.get(0), group));
            }
        }
        return new Rerun(compared, List.copyOf(names), List.copyOf(commands));
    }

    /**
     * Rows of one benchmark as parameter groups whose products are exactly those rows: grouped by every parameter
     * but one, that one's values merged; the parameter left out is the one giving the fewest groups.
     */
    static List<Map<String, List<String>>> groups(List<JmhRow> rows) {
        Set<String> keys = new TreeMap<>(rows.get(0).params()).keySet();
        List<Map<String, List<String>>> best = null;
        for (String free : keys.isEmpty() ? List.of("") : keys) {
            Map<Map<String, String>, Map<String, List<String>>> byRest = new LinkedHashMap<>();
            for (JmhRow r : rows) {
                Map<String, String> rest = new TreeMap<>(r.params());
                rest.remove(free);
                Map<String, List<String>> g = byRest.computeIfAbsent(rest, k -> {
                    Map<String, List<String>> m = new TreeMap<>();
                    k.forEach((n, v) -> m.put(n, new ArrayList<>(List.of(v))));
                    return m;
                });
                String v = r.params().get(free);
                if (v != null) {
                    List<String> values = g.computeIfAbsent(free, n -> new ArrayList<>());
                    if (!values.contains(v)) {
                        values.add(v);
                    }
                }
            }
            if (best == null || byRest.size() < best.size()) {
                best = new ArrayList<>(byRest.values());
            }
        }
        return best;
    }

    private static String command(JmhRow row, Map<String, List<String>> params) {
        StringBuilder b = new StringBuilder("--include ^").append(escaped(row.benchmark())).append("$ --threads ")
                .append(row.threads());
        params.forEach((k, v) -> b.append(" --param ").append(k).append('=').append(String.join(",", v)));
        return b.toString();
    }

    /** The benchmark name as a regular expression matching only itself. */
    private static String escaped(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "\\\\$0");
    }

    /**
     * The file {@code compare.sh} reads: a {@code # rows N rerun M} line, a {@code # } line naming each row, then
     * one line of {@code run} arguments per invocation (no spaces inside an argument).
     */
    public String render() {
        StringBuilder b = new StringBuilder("# rows ").append(compared).append(" rerun ").append(rows.size()).append('\n');
        rows.forEach(r -> b.append("# ").append(r).append('\n'));
        commands.forEach(c -> b.append(c).append('\n'));
        return b.toString();
    }
}
