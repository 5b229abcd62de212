package org.authbench.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;
import org.authbench.stats.Forked;
import org.authbench.stats.SteadyState;

/**
 * How precise a run is, computed once for the report's precision section, the last lines of {@code run} and
 * {@code report --precision}, so figures quoted elsewhere are copied from output: the median relative half-width
 * of the fork-level interval beside JMH's own, the rows above the target, the rows that did not settle, and the
 * host's own noise.
 *
 * @param target         relative half-width the run aims for (the manifest's {@code precisionTarget}, else 3%)
 * @param rows           every result row with its figures
 * @param medianForkLevel median relative half-width over rows with a fork-level interval (NaN when none has one)
 * @param medianJmh      median of JMH's own relative error (99.9%, pooled values) over the same rows (all rows when
 *                       none has a fork-level interval)
 * @param hostNoise      the manifest's host-noise reading, or null
 * @param cpuModel       the CPU that made the absolute figures, or null
 */
public record Precision(double target, List<Row> rows, double medianForkLevel, double medianJmh,
        Manifest.HostNoise hostNoise, String cpuModel) {

    /** The target when the run records none: 3% relative half-width at 95%. */
    public static final double DEFAULT_TARGET = 0.03;

    /**
     * One result row's precision.
     *
     * @param forkLevel relative half-width of the 95% interval over fork means (NaN without one)
     * @param jmh       JMH's own relative error (99.9%, pooled values; NaN when JMH gave none)
     * @param note      why there is no fork-level interval (null when there is one)
     * @param flags     why the row did not settle (empty when it did)
     * @param dropped   measurement iterations the steady-state test dropped as warmup ({@link SteadyState})
     * @param iterations measurement iterations the row's forks ran
     * @param unsteady  forks with no steady part (kept whole)
     * @param trimmed   whether the steady-state test judged this row (runs that record {@code warmupEnd})
     */
    public record Row(String name, int forks, double forkLevel, double jmh, String note, List<String> flags, int dropped,
            int iterations, int unsteady, boolean trimmed) {
    }

    public static Precision of(RunFolder run) {
        Manifest m = run.manifest();
        boolean severalJvms = run.rows().stream().map(r -> r.jdkVersion() + "|" + r.vmVersion()).distinct().count() > 1;
        List<Row> rows = new ArrayList<>();
        for (JmhRow r : run.rows()) {
            Estimate e = r.scoreEstimate();
            SteadyState.Trim t = r.primary().steadyTrim();
            Forked data = r.primary().perFork();
            int forks = data == null ? r.primary().rawData().size() : data.forks();
            rows.add(new Row(r.displayName(severalJvms), forks, e.hasInterval() ? e.relativeError() : Double.NaN,
                    r.error() / Math.abs(r.score()), e.hasInterval() ? null : e.note(), r.settlingFlags(),
                    t == null ? 0 : t.dropped(), t == null ? 0 : t.total(), t == null ? 0 : t.unsteady(), t != null));
        }
        double target = m != null && m.precisionTarget() != null ? m.precisionTarget() : DEFAULT_TARGET;
        return new Precision(target, List.copyOf(rows), median(rows.stream().mapToDouble(Row::forkLevel)),
                medianJmh(rows), m == null ? null : m.hostNoise(),
                m == null ? null : m.cpuModel());
    }

    /** JMH's median over the rows that have a fork-level interval (like with like), or over all rows if none has. */
    private static double medianJmh(List<Row> rows) {
        boolean any = rows.stream().anyMatch(r -> !Double.isNaN(r.forkLevel()));
        return median(rows.stream().filter(r -> !any || !Double.isNaN(r.forkLevel())).mapToDouble(Row::jmh));
    }

    private static double median(DoubleStream values) {
        double[] v = values.filter(x -> !Double.isNaN(x) && !Double.isInfinite(x)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Rows whose fork-level interval is wider than the target. */
    public List<Row> aboveTarget() {
        return rows.stream().filter(r -> r.forkLevel() > target).toList();
    }

    /** Rows without a fork-level interval (one fork, or no per-fork data in the file). */
    public List<Row> withoutInterval() {
        return rows.stream().filter(r -> Double.isNaN(r.forkLevel())).toList();
    }

    public List<Row> unsettled() {
        return rows.stream().filter(r -> !r.flags().isEmpty()).toList();
    }

    /** True when the host's own speed moved more than the target: intervals narrower than that mean little. */
    public boolean hostTooNoisy() {
        return hostNoise != null && hostNoise.tooNoisyFor(target);
    }

    /** The warning the report and {@code run} print when the host is the problem, or null. */
    public String hostWarning() {
        if (!hostTooNoisy()) {
            return null;
        }
        return "the host's own speed moved " + pct(hostNoise.moved()) + " during this run: intervals below that are "
                + "not to be trusted";
    }

    /** The figures as lines of text, each starting with {@code precision:}. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        int with = rows.size() - withoutInterval().size();
        out.add("precision: median relative half-width " + pct(medianForkLevel) + " (" + Fmt.CI + ", " + with + " of "
                + rows.size() + " rows have one); JMH's own error over " + (with > 0 ? "the same" : "all") + " rows "
                + pct(medianJmh)
                + " (99.9%, pooled values)");
        List<Row> above = aboveTarget();
        out.add("precision: " + above.size() + " rows above the " + pct(target) + " target"
                + (above.isEmpty() ? "" : ": " + String.join("; ", above.stream()
                        .map(r -> r.name() + " ±" + pct(r.forkLevel())).toList())));
        if (!withoutInterval().isEmpty()) {
            out.add("precision: " + withoutInterval().size() + " rows without a fork-level interval ("
                    + String.join(", ", withoutInterval().stream().map(Row::note).distinct().toList()) + ")");
        }
        if (rows.stream().anyMatch(Row::trimmed)) {
            out.add("precision: " + steadyStateLine());
        }
        List<Row> flagged = unsettled();
        out.add("precision: " + flagged.size() + " rows not settled" + (flagged.isEmpty() ? "" : ": "
                + String.join("; ", flagged.stream().map(r -> r.name() + " (" + String.join(", ", r.flags()) + ")")
                        .toList())));
        out.add("host noise: " + hostLine());
        return out;
    }

    /** Iterations the steady-state test dropped as warmup, and forks it found no steady part in. */
    public String steadyStateLine() {
        int dropped = rows.stream().mapToInt(Row::dropped).sum();
        int total = rows.stream().mapToInt(Row::iterations).sum();
        long trimmedRows = rows.stream().filter(r -> r.dropped() > 0).count();
        int unsteady = rows.stream().mapToInt(Row::unsteady).sum();
        return "steady-state test dropped " + dropped + " of " + total + " measurement iterations as warmup (" + trimmedRows
                + " of " + rows.size() + " rows); " + unsteady + " forks had no steady part and were kept whole";
    }

    /** One line on the host: how far its own speed moved and how much CPU was stolen, or that it was not measured. */
    public String hostLine() {
        String cpu = cpuModel == null ? "" : " (" + cpuModel + ")";
        if (hostNoise == null) {
            return "not measured in this run" + cpu;
        }
        String s = "speed moved " + pct(hostNoise.moved()) + " over " + hostNoise.readings() + " readings of the "
                + "calibration workload (median " + Fmt.num(hostNoise.medianMs()) + " ms), steal "
                + pct(hostNoise.stealShare()) + cpu;
        return hostTooNoisy() ? s + "; WARNING: " + hostWarning() : s;
    }

    /** The figures as JSON, for scripts that quote them. */
    public String json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("confidence", Estimate.CONFIDENCE);
        o.put("target", target);
        o.put("rows", rows.size());
        o.put("rowsWithInterval", rows.size() - withoutInterval().size());
        o.put("medianRelativeHalfWidth", finite(medianForkLevel));
        o.put("medianJmhRelativeError", finite(medianJmh));
        o.put("aboveTarget", aboveTarget().stream().map(r -> entry(r, "relativeHalfWidth", r.forkLevel())).toList());
        o.put("withoutInterval", withoutInterval().stream().map(r -> entry(r, "why", r.note())).toList());
        o.put("notSettled", unsettled().stream().map(r -> entry(r, "why", r.flags())).toList());
        Map<String, Object> steady = new LinkedHashMap<>();
        steady.put("droppedIterations", rows.stream().mapToInt(Row::dropped).sum());
        steady.put("iterations", rows.stream().mapToInt(Row::iterations).sum());
        steady.put("rowsTrimmed", rows.stream().filter(r -> r.dropped() > 0).count());
        steady.put("unsteadyForks", rows.stream().mapToInt(Row::unsteady).sum());
        if (rows.stream().anyMatch(Row::trimmed)) {
            o.put("steadyState", steady);
        }
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("cpuModel", cpuModel);
        if (hostNoise != null) {
            host.put("readings", hostNoise.readings());
            host.put("medianMs", finite(hostNoise.medianMs()));
            host.put("spread", hostNoise.spread());
            host.put("stealShare", hostNoise.stealShare());
            host.put("tooNoisy", hostTooNoisy());
        }
        o.put("host", host);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> entry(Row r, String key, Object value) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("name", r.name());
        e.put("forks", r.forks());
        e.put(key, value);
        return e;
    }

    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : v;
    }

    /** A fraction as a percentage with sensible digits: 0.0312 → "3.1%", 0.5 → "50%". */
    static String pct(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        double p = fraction * 100;
        return String.format(Locale.ROOT, Math.abs(p) >= 10 ? "%.0f%%" : "%.1f%%", p);
    }
}
