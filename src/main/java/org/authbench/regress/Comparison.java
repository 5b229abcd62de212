package org.authbench.regress;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.authbench.runfiles.JmhRow;

/**
 * Base against head, row by row: the {@code authbench compare} model that the summary, the JSON verdicts
 * and the exports are written from.
 *
 * <pre>java -jar target/authbench.jar compare results/baseline/ci results/runs/&lt;run&gt;</pre>
 *
 * @param base       the base side
 * @param head       the head side
 * @param settings   threshold, confidence, resampling
 * @param verdicts   one per metric of each row present on both sides, regressions first
 * @param onlyInBase display names of rows the head lacks
 * @param onlyInHead display names of rows the base lacks
 */
public record Comparison(RunSet base, RunSet head, GateSettings settings, List<RowVerdict> verdicts,
        List<String> onlyInBase, List<String> onlyInHead) {

    /** Compares two sides; refuses (IllegalArgumentException) sides that cannot be compared at all. */
    public static Comparison of(RunSet base, RunSet head, GateSettings settings) {
        if (base.profile() != null && head.profile() != null && !base.profile().equals(head.profile())) {
            throw new IllegalArgumentException("BASE is a '" + base.profile() + "' run and HEAD a '" + head.profile()
                    + "' run: compare runs of the same profile");
        }
        List<RowVerdict> verdicts = new ArrayList<>();
        List<String> onlyInBase = new ArrayList<>();
        for (Map.Entry<String, List<JmhRow>> e : base.rows().entrySet()) {
            String name = base.name(e.getValue());
            List<JmhRow> h = head.rows().get(e.getKey());
            if (h == null) {
                onlyInBase.add(name);
                continue;
            }
            Series bp = RunSet.primary(e.getValue());
            Series hp = RunSet.primary(h);
            if (!bp.unit().canonical().equals(hp.unit().canonical())) {
                throw new IllegalArgumentException(name + " is in " + bp.unit().canonical() + " in BASE but "
                        + hp.unit().canonical() + " in HEAD");
            }
            verdicts.add(RowVerdict.judge(name, "score", bp, hp, settings));
            Series ba = RunSet.allocation(e.getValue());
            Series ha = RunSet.allocation(h);
            if (ba != null && ha != null) {
                verdicts.add(RowVerdict.judge(name, "allocation", ba, ha, settings));
            }
        }
        List<String> onlyInHead = head.rows().entrySet().stream()
                .filter(e -> !base.rows().containsKey(e.getKey())).map(e -> head.name(e.getValue())).toList();
        if (verdicts.isEmpty()) {
            throw new IllegalArgumentException("BASE and HEAD have no benchmark row in common (same benchmark, "
                    + "parameters, mode, threads and JDK): " + base.rows().size() + " vs " + head.rows().size()
                    + " rows, JDK " + jdks(base) + " vs " + jdks(head));
        }
        verdicts.sort(Comparator.comparing(RowVerdict::verdict).thenComparing(v -> -Math.abs(v.costChange())));
        return new Comparison(base, head, settings, List.copyOf(verdicts), List.copyOf(onlyInBase), onlyInHead);
    }

    /**
     * Rows present on both sides whose warmup differs: a side that warmed up less can read slower for that alone,
     * so its verdicts mix the change with the settings. Null when every compared row warmed up alike.
     */
    private String warmupMismatch() {
        int differ = 0;
        int compared = 0;
        String example = null;
        for (Map.Entry<String, List<JmhRow>> e : base.rows().entrySet()) {
            List<JmhRow> h = head.rows().get(e.getKey());
            if (h == null) {
                continue;
            }
            compared++;
            Set<String> bw = warmups(e.getValue());
            Set<String> hw = warmups(h);
            if (!bw.isEmpty() && !hw.isEmpty() && !bw.equals(hw)) {
                differ++;
                if (example == null) {
                    example = String.join(" and ", bw) + " in BASE, " + String.join(" and ", hw) + " in HEAD";
                }
            }
        }
        if (differ == 0) {
            return null;
        }
        return differ + " of " + compared + " rows warmed up differently (" + example + "): a side that warmed up"
                + " less can read slower for that alone; compare runs made with the same settings (re-record an old"
                + " baseline with `baseline update`)";
    }

    private static Set<String> warmups(List<JmhRow> rounds) {
        Set<String> w = new TreeSet<>();
        rounds.stream().map(JmhRow::warmup).filter(Objects::nonNull).forEach(w::add);
        return w;
    }

    private static String jdks(RunSet s) {
        return String.join("+", s.jdks());
    }

    public long count(GateVerdict v) {
        return verdicts.stream().filter(r -> r.verdict() == v).count();
    }

    /**
     * Notes from both sides, a warning when the rows' two sides warmed up differently (a baseline recorded with an
     * older profile), and one when the two sides are the same commit (an A/A run).
     */
    public List<String> notes() {
        List<String> n = new ArrayList<>(base.notes());
        n.addAll(head.notes());
        String warmups = warmupMismatch();
        if (warmups != null) {
            n.add(warmups);
        }
        if (base.commit() != null && Objects.equals(base.commit(), head.commit())
                && base.slowdownPercent() == head.slowdownPercent()) {
            n.add("BASE and HEAD are the same commit: any regression reported here is noise (an A/A run)");
        }
        return n;
    }
}
