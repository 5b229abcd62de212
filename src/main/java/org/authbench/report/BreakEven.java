package org.authbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.stat.regression.SimpleRegression;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.stats.Forked;

/**
 * Where a remote API-key lookup costs as much as one JWT verification: per remote store and thread count, the
 * lookup's cost ({@code lookup_hit}) is fitted against the round trip each setting achieved (the calibrated added p50,
 * not the nominal setting; direct counts as 0) by least squares, and the line is solved for the cost of the fastest
 * group's leader of each algorithm at the same thread count and mode. The interval is the percentile interval of
 * hierarchical bootstrap draws (forks, then iterations) of every row in the fit and of the verification, the fit and
 * the crossing recomputed per draw; the calibration is taken as exact (thousands of pings against a few forks).
 * Flagged settings stay out of the fit. No crossing is extrapolated outside the settings measured.
 */
final class BreakEven {

    static final int RESAMPLES = 2000;
    private static final long SEED = 20131002L;

    /** A setting in the fit: its achieved round trip (µs) and the lookup measured there. */
    record Point(String setting, double micros, MeasuredScheme lookup, Estimate ns) {
    }

    /** One store's lookups at one thread count and mode, at the settings that count. */
    record Line(String store, int threads, String mode, List<Point> points) {

        Point lowest() {
            return points.get(0);
        }

        Point highest() {
            return points.get(points.size() - 1);
        }
    }

    enum Kind { CROSSES, DEARER_THROUGHOUT, CHEAPER_THROUGHOUT, NOT_COMPARABLE }

    /**
     * One store against one algorithm: {@code micros} the crossing with {@code low}–{@code high} (NaN when it does
     * not cross inside the settings), {@code text} what the report prints.
     */
    record Crossing(Line line, String alg, List<MeasuredScheme> group, Estimate verify, Kind kind, double micros,
            double low, double high, String text) {
    }

    private BreakEven() {
    }

    /** The lines the run can fit: per remote store and thread count, at least two settings with distinct round trips. */
    static List<Line> lines(RoundTrips rt) {
        Set<String> stores = new LinkedHashSet<>();
        Set<Integer> threads = new TreeSet<>();
        for (MeasuredScheme s : rt.schemes()) {
            if (s.method().equals(Analysis.LOOKUP)) {
                stores.add(RoundTrips.store(s));
                threads.add(s.threads());
            }
        }
        List<Line> out = new ArrayList<>();
        for (String store : stores) {
            for (int t : threads) {
                List<Point> points = new ArrayList<>();
                String mode = null;
                for (String setting : rt.settings()) {
                    MeasuredScheme s = rt.schemes().stream().filter(x -> x.method().equals(Analysis.LOOKUP)
                            && store.equals(RoundTrips.store(x)) && x.threads() == t
                            && Analysis.rtt(x.params()).equals(setting)).findFirst().orElse(null);
                    Double micros = rt.achieved(store, setting);
                    if (s == null || micros == null || rt.flag(store, setting) != null) {
                        continue;
                    }
                    mode = mode == null ? s.cost().mode() : mode;
                    JmhRow row = s.byMode().get(mode);
                    if (row != null) {
                        points.add(new Point(setting, micros, s, row.nsPerOp()));
                    }
                }
                points.sort((a, b) -> Double.compare(a.micros(), b.micros()));
                if (points.stream().mapToDouble(Point::micros).distinct().count() >= 2) {
                    out.add(new Line(store, t, mode, List.copyOf(points)));
                }
            }
        }
        return out;
    }

    /** Each line against each algorithm's fastest group at the line's thread count (algorithms in the suite's order). */
    static List<Crossing> crossings(RoundTrips rt) {
        Analysis a = rt.analysis();
        List<Crossing> out = new ArrayList<>();
        for (Line line : lines(rt)) {
            for (String alg : a.algorithms()) {
                List<MeasuredScheme> at = a.verifications(line.threads()).stream()
                        .filter(v -> alg.equals(v.param("alg"))).toList();
                List<MeasuredScheme> real = at.stream().filter(v -> !Analysis.REFERENCE.equals(v.param("library")))
                        .toList();
                if (real.isEmpty()) {
                    continue;
                }
                out.add(crossing(line, alg, new RankGroups(real).fastest()));
            }
        }
        return out;
    }

    static Crossing crossing(Line line, String alg, List<MeasuredScheme> group) {
        MeasuredScheme leader = group.get(0);
        JmhRow vRow = leader.byMode().get(line.mode());
        String why = vRow == null ? JmhRow.modeName(line.mode()) + " vs " + JmhRow.modeName(leader.cost().mode())
                : line.lowest().lookup().byMode().get(line.mode()).basis().mismatch(vRow.basis());
        if (why != null) {
            return new Crossing(line, alg, group, leader.ns(), Kind.NOT_COMPARABLE, Double.NaN, Double.NaN, Double.NaN,
                    "not comparable: " + why);
        }
        Estimate v = vRow.nsPerOp();
        Point lo = line.lowest();
        Point hi = line.highest();
        if (v.clearlyBelow(lo.ns())) {
            return new Crossing(line, alg, group, v, Kind.DEARER_THROUGHOUT, Double.NaN, Double.NaN, Double.NaN,
                    "a remote lookup costs more at every RTT measured, already "
                            + (lo.setting().equals(Analysis.DIRECT) ? "on loopback" : "at " + lo.setting())
                            + ", where it costs " + Fmt.times(lo.ns().over(v)) + " the verification");
        }
        if (hi.ns().clearlyBelow(v)) {
            return new Crossing(line, alg, group, v, Kind.CHEAPER_THROUGHOUT, Double.NaN, Double.NaN, Double.NaN,
                    "above " + spoken(hi.setting()) + ": a remote lookup costs less at every RTT measured; at the "
                            + "largest, " + Fmt.num(hi.micros()) + " µs achieved, " + Fmt.times(hi.ns().over(v))
                            + " the verification");
        }
        double x = solve(line.points().stream().mapToDouble(Point::micros).toArray(),
                line.points().stream().mapToDouble(p -> p.ns().value()).toArray(), v.value());
        double[] ci = interval(line, v);
        String range = Double.isNaN(ci[0]) ? " (no interval: no per-fork data)"
                : " (" + end(ci[0], line) + "–" + end(ci[1], line) + ")";
        String text;
        if (!(x >= lo.micros())) {
            text = "at the lowest RTT measured (tied with the lookup there" + (lo.setting().equals(Analysis.DIRECT)
                    ? ", on loopback" : "") + ")";
        } else if (x > hi.micros()) {
            text = "above " + spoken(hi.setting()) + " (tied with the lookup there)";
        } else {
            text = Fmt.num(x) + " µs" + range;
        }
        return new Crossing(line, alg, group, v, Kind.CROSSES, x, ci[0], ci[1], text);
    }

    /** The round trip where the least-squares line through (x, y) reaches {@code target}; +∞ when it never rises. */
    static double solve(double[] x, double[] y, double target) {
        SimpleRegression r = new SimpleRegression();
        for (int i = 0; i < x.length; i++) {
            r.addData(x[i], y[i]);
        }
        double slope = r.getSlope();
        return slope > 0 ? (target - r.getIntercept()) / slope : Double.POSITIVE_INFINITY;
    }

    /** The line's slope, ns of lookup per µs of round trip (about 1,000 when one lookup is one round trip). */
    static double slope(Line line) {
        SimpleRegression r = new SimpleRegression();
        line.points().forEach(p -> r.addData(p.micros(), p.ns().value()));
        return r.getSlope();
    }

    /** Percentile interval of the crossing over hierarchical bootstrap draws; NaNs when a row has no per-fork data. */
    private static double[] interval(Line line, Estimate v) {
        if (v.terms() == null || line.points().stream().anyMatch(p -> p.ns().terms() == null)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        RandomGenerator rng = new Well19937c(SEED);
        double[] xs = line.points().stream().mapToDouble(Point::micros).toArray();
        double[] draws = new double[RESAMPLES];
        for (int d = 0; d < RESAMPLES; d++) {
            double[] ys = new double[xs.length];
            for (int i = 0; i < xs.length; i++) {
                ys[i] = drawMean(line.points().get(i).ns().terms(), rng);
            }
            draws[d] = solve(xs, ys, drawMean(v.terms(), rng));
        }
        Arrays.sort(draws);
        double tail = (1 - Estimate.CONFIDENCE) / 2;
        return new double[] {draws[(int) Math.floor(tail * (RESAMPLES - 1))],
                draws[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))]};
    }

    private static double drawMean(List<Forked> terms, RandomGenerator rng) {
        double sum = 0;
        for (Forked f : terms) {
            sum += f.resample(rng).mean();
        }
        return sum;
    }

    /** An interval end inside the settings measured, or the side it falls off on. */
    private static String end(double x, Line line) {
        if (x < line.lowest().micros()) {
            return "below " + (line.lowest().setting().equals(Analysis.DIRECT) ? "loopback" : line.lowest().setting());
        }
        if (x > line.highest().micros()) {
            return "above " + spoken(line.highest().setting());
        }
        return Fmt.num(x) + " µs";
    }

    /** "2ms" → "2 ms", "500us" → "500 µs". */
    static String spoken(String setting) {
        return setting.replaceAll("^([0-9.]+)us$", "$1 µs").replaceAll("^([0-9.]+)ms$", "$1 ms");
    }

    /** The group as a reader names it: "NIMBUS", or "NIMBUS, tied with JJWT". */
    static String groupName(List<MeasuredScheme> group) {
        List<String> libs = group.stream().map(s -> s.param("library")).toList();
        return libs.get(0) + (libs.size() > 1 ? ", tied with " + String.join(", ", libs.subList(1, libs.size())) : "");
    }

    /** Stores of the lines, for the chart's series: store → (x, mean, low, high) per point at {@code threads}. */
    static Map<String, List<double[]>> series(List<Line> lines, int threads) {
        Map<String, List<double[]>> out = new LinkedHashMap<>();
        for (Line l : lines) {
            if (l.threads() == threads) {
                List<double[]> pts = new ArrayList<>();
                l.points().forEach(p -> pts.add(new double[] {p.micros(), p.ns().value(), p.ns().lower(), p.ns().upper()}));
                out.put(l.store(), pts);
            }
        }
        return out;
    }
}
