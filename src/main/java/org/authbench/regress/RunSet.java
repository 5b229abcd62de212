package org.authbench.regress;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.JmhRow;

/**
 * One side of a comparison as read from disk: a run folder, several run folders of one commit (the rounds
 * {@code scripts/compare.sh} interleaves, merged fork by fork), or a bare JMH JSON file.
 *
 * @param source          what was read, as given
 * @param commit          git commit of the run, or null for a bare JMH file
 * @param dirty           whether the working tree had uncommitted changes (null when unknown)
 * @param profile         the run's profile, or null for a bare JMH file
 * @param slowdownPercent the CI self-test slowdown the run was made with (0 when off)
 * @param notes           things a reader of the verdict should know (interrupted run, dirty tree...)
 * @param rows            each row as measured in every round (one entry for a single run), keyed by what must
 *                        match for two rows to be compared, in file order
 */
public record RunSet(String source, String commit, Boolean dirty, String profile, int slowdownPercent,
        List<String> notes, Map<String, List<JmhRow>> rows) {

    /** A row's readable name; rows of a run that holds several JDKs (run --jvm twice) say which JDK. */
    public String name(List<JmhRow> rounds) {
        return rounds.get(0).displayName(jdks().size() > 1);
    }

    /** The JDKs of the run's rows, in order of appearance. */
    public List<String> jdks() {
        return rows.values().stream().map(r -> RunReader.jdk(r.get(0))).distinct().toList();
    }

    /** A row's score measurements, every round's forks joined. */
    public static Series primary(List<JmhRow> rounds) {
        return Series.primary("", rounds);
    }

    /** A row's allocation measurements, or null without {@code -prof gc}. */
    public static Series allocation(List<JmhRow> rounds) {
        return Series.allocation("", rounds);
    }

    /** Seven hex digits of the commit, "-dirty" when the tree was dirty; the file name when unknown. */
    public String label() {
        if (commit == null) {
            return String.valueOf(Path.of(source).getFileName());
        }
        return commit.substring(0, Math.min(7, commit.length())) + (Boolean.TRUE.equals(dirty) ? "-dirty" : "");
    }

    /** Fork count shared by every row, or -1 when rows differ. */
    public int forks() {
        int[] r = forkRange();
        return r[0] == r[1] ? r[0] : -1;
    }

    /** Fewest and most forks of a row ({0, 0} without rows); they differ after extra rounds of some rows. */
    public int[] forkRange() {
        int lo = Integer.MAX_VALUE;
        int hi = 0;
        for (List<JmhRow> r : rows.values()) {
            int n = primary(r).forkCount();
            lo = Math.min(lo, n);
            hi = Math.max(hi, n);
        }
        return rows.isEmpty() ? new int[] {0, 0} : new int[] {lo, hi};
    }
}
