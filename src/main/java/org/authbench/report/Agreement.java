package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.RunFolder;

/**
 * Whether two runs of the same rows agree within their stated error: the test of an honest ± is that the next run
 * lands inside it. For every row both runs measured with a fork-level interval, do the two 95% intervals overlap, and
 * do JMH's own 99.9% intervals over the same rows; how far the row moved; and which rows disagree. Rows are matched
 * by benchmark, parameters, mode, threads, JVM and library version ({@code report --agreement A B}).
 *
 * @param rows every row both runs have, with its figures
 */
public record Agreement(List<Row> rows) {

    /**
     * One row in both runs.
     *
     * @param name     the row's name
     * @param first    its ns/op with the fork-level interval in the first run
     * @param second   the same in the second run
     * @param forkLevel whether the two fork-level intervals overlap
     * @param jmh      whether JMH's own intervals (99.9%, pooled values) overlap
     */
    public record Row(String name, Estimate first, Estimate second, boolean forkLevel, boolean jmh) {

        /** How far the second run moved from the first, relative to the first. */
        public double moved() {
            return second.value() / first.value() - 1;
        }
    }

    public static Agreement of(RunFolder a, RunFolder b) {
        Map<String, JmhRow> second = new LinkedHashMap<>();
        b.rows().forEach(r -> second.put(key(r), r));
        List<Row> rows = new ArrayList<>();
        for (JmhRow r : a.rows()) {
            JmhRow other = second.get(key(r));
            if (other == null || !r.hasTimeUnit() || !other.hasTimeUnit()) {
                continue;
            }
            Estimate x = r.nsPerOp();
            Estimate y = other.nsPerOp();
            if (!x.hasInterval() || !y.hasInterval()) {
                continue; // one fork, or no per-fork data: nothing to hold the next run against
            }
            Estimate jx = r.jmhNsPerOp();
            Estimate jy = other.jmhNsPerOp();
            rows.add(new Row(r.displayName(false), x, y, overlap(x.low(), x.high(), y.low(), y.high()),
                    overlap(jx.value() - jx.error(), jx.value() + jx.error(), jy.value() - jy.error(), jy.value() + jy.error())));
        }
        return new Agreement(List.copyOf(rows));
    }

    private static String key(JmhRow r) {
        return r.displayName(false) + "|" + r.jdkVersion() + "|" + r.vmVersion() + "|" + r.libraryVersion();
    }

    private static boolean overlap(double lowA, double highA, double lowB, double highB) {
        return !(highA < lowB || highB < lowA);
    }

    public long forkLevelOverlaps() {
        return rows.stream().filter(Row::forkLevel).count();
    }

    public long jmhOverlaps() {
        return rows.stream().filter(Row::jmh).count();
    }

    /** The median of |moved| over the rows. */
    public double medianMoved() {
        double[] m = rows.stream().mapToDouble(r -> Math.abs(r.moved())).sorted().toArray();
        if (m.length == 0) {
            return Double.NaN;
        }
        return m.length % 2 == 1 ? m[m.length / 2] : (m[m.length / 2 - 1] + m[m.length / 2]) / 2;
    }

    /** The figures as lines of text, each starting with {@code agreement:}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "agreement: %d rows in both runs with a fork-level interval; the two runs' %d%% "
                + "intervals over forks overlap in %d of %d; JMH's own intervals (99.9%%, pooled values) in %d of %d; median "
                + "row moved %s", rows.size(), Estimate.CONFIDENCE_PERCENT, forkLevelOverlaps(), rows.size(), jmhOverlaps(),
                rows.size(), Precision.pct(medianMoved())));
        for (Row r : rows) {
            if (!r.forkLevel()) {
                out.add(String.format(Locale.ROOT, "agreement: apart: %s: %s ± %s, then %s ± %s (%+.1f%%)", r.name(),
                        Fmt.num(r.first().value()), Fmt.num(r.first().error()), Fmt.num(r.second().value()),
                        Fmt.num(r.second().error()), 100 * r.moved()));
            }
        }
        return out;
    }
}
