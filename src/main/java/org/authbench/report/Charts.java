package org.authbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StatisticalLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's charts, drawn with JFreeChart into PNG bytes (headless). JFreeChart maps both ends of an interval
 * through the axis, so whiskers are right on logarithmic axes (XChart 3.8 drew them wrongly there); a lower end at
 * or below zero runs to the axis's edge, which reads as "the interval reaches zero". Every decade of a log axis is
 * labelled. Each library and each store tier keeps one colour in every chart ({@link #colour}); keys are squares,
 * verifications circles, floors diamonds. Comparisons are horizontal dot plots, so long labels stay readable.
 */
final class Charts {

    static final int WIDTH = 1100;
    /** Percentiles drawn in latency charts. */
    static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99);
    private Charts() {
    }

    /** Every scheme on one logarithmic ns/op axis, fastest at the top, whiskers = the interval. */
    static byte[] schemes(List<MeasuredScheme> schemes) {
        List<MeasuredScheme> ordered = new ArrayList<>(schemes);
        ordered.sort((x, y) -> Double.compare(x.ns().value(), y.ns().value()));
        List<String> labels = new ArrayList<>();
        ordered.forEach(s -> labels.add(shortLabel(s)));
        return dots("Cost per authentication, every scheme (log scale; whiskers = interval)", ordered, labels,
                "ns per operation (one thread)", true, Double.NaN);
    }

    /** One algorithm's libraries, fastest first; labels carry the rank group ("tied" inside one); dashed = floor. */
    static byte[] libraryBars(String alg, List<MeasuredScheme> ranking, Estimate floor) {
        List<MeasuredScheme> real = ranking.stream().filter(s -> !Analysis.REFERENCE.equals(s.param("library"))).toList();
        RankGroups g = new RankGroups(real.isEmpty() ? ranking : real);
        List<MeasuredScheme> ordered = new ArrayList<>(ranking);
        ordered.sort((x, y) -> Double.compare(x.ns().value(), y.ns().value()));
        List<String> labels = new ArrayList<>();
        for (MeasuredScheme s : ordered) {
            labels.add(s.label() + (g.ordered().contains(s) ? "  · group " + g.label(s) : "  · suite reference"));
        }
        return dots(alg + " verification by library (whiskers = interval; dashed line = raw JCA floor)", ordered, labels,
                "µs per verification", false, floor == null ? Double.NaN : floor.value() / 1000);
    }

    /**
     * A horizontal dot plot: one row per scheme (in the given order, first at the top), its mean and interval, in
     * ns on a log axis or µs on a linear one; {@code line} draws a dashed reference (NaN for none).
     */
    private static byte[] dots(String title, List<MeasuredScheme> ordered, List<String> labels, String unit, boolean log,
            double line) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        StatisticalLineAndShapeRenderer r = new StatisticalLineAndShapeRenderer(false, true);
        List<String> seriesKeys = new ArrayList<>();
        double scale = log ? 1 : 1000;
        for (int i = 0; i < ordered.size(); i++) {
            MeasuredScheme s = ordered.get(i);
            String key = seriesKey(s);
            if (!seriesKeys.contains(key)) {
                seriesKeys.add(key);
                int k = seriesKeys.size() - 1;
                r.setSeriesPaint(k, ChartStyle.colour(s));
                r.setSeriesShape(k, ChartStyle.shape(s));
            }
            Estimate e = s.ns();
            data.add(e.value() / scale, finite(e.error()) / scale, key, labels.get(i));
        }
        r.setErrorIndicatorStroke(new BasicStroke(2f));
        r.setUseSeriesOffset(false);
        ValueAxis axis = log ? ChartStyle.logAxis(unit) : new NumberAxis(unit);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        if (!Double.isNaN(line)) {
            plot.addRangeMarker(ChartStyle.dashed(line, "floor"));
        }
        return ChartStyle.png(ChartStyle.chart(title, plot, false), WIDTH, 120 + 24 * ordered.size());
    }

    /** Groups of one colour: the library, the store, or "floor". */
    private static String seriesKey(MeasuredScheme s) {
        return s.param("library") != null ? s.param("library") : s.param("store") != null ? s.param("store") : "floor";
    }

    /** Latency percentiles per scheme on a log latency axis; categories p50 … p99.99, one line and colour per library. */
    static byte[] percentiles(String title, Map<String, Map<Double, Double>> series, String unit) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        LineAndShapeRenderer r = new LineAndShapeRenderer(true, true);
        int k = 0;
        for (Map.Entry<String, Map<Double, Double>> s : series.entrySet()) {
            for (double p : PERCENTILES) {
                Double v = s.getValue().get(p);
                if (v != null && v > 0) {
                    data.addValue(v, s.getKey(), "p" + Fmt.plain(p));
                }
            }
            r.setSeriesPaint(k, ChartStyle.colour(s.getKey()));
            r.setSeriesStroke(k++, ChartStyle.stroke(s.getKey()));
        }
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("percentile"), ChartStyle.logAxis(unit), r);
        return ChartStyle.png(ChartStyle.chart(title, plot, true), WIDTH, 520);
    }

    /**
     * The classic "latency by percentile" plot: x = log10(1/(1-p)) labelled as percentiles (each decade one more
     * nine), y = latency in µs on a log axis with every decade labelled, one line per series.
     */
    static byte[] latencyByPercentile(String title, Map<String, List<double[]>> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        double decades = 1;
        int k = 0;
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            XYSeries xy = new XYSeries(s.getKey(), false, true);
            for (double[] p : s.getValue()) {
                if (p[1] > 0) { // a log axis cannot show 0
                    xy.add(Math.log10(p[0]), p[1]);
                    decades = Math.max(decades, Math.ceil(Math.log10(p[0]) - 1e-9));
                }
            }
            data.addSeries(xy);
            r.setSeriesPaint(k, ChartStyle.colour(s.getKey()));
            r.setSeriesStroke(k++, ChartStyle.stroke(s.getKey()));
        }
        NumberAxis x = new NumberAxis("percentile");
        x.setRange(0, decades);
        x.setTickUnit(new NumberTickUnit(1, new ChartStyle.Format(v -> nines(Math.pow(10, v)))));
        XYPlot plot = new XYPlot(data, x, ChartStyle.logAxis("µs"), r);
        return ChartStyle.png(ChartStyle.chart(title, plot, true), WIDTH, 520);
    }

    /** 1/(1-p) as a percentile label: 10 → 90%, 1000 → 99.9%. */
    static String nines(double x) {
        double pct = 100 * (1 - 1 / x);
        return Fmt.num(pct, Math.max(0, (int) Math.round(Math.log10(x)) - 2)) + "%";
    }

    /** Ratios with interval whiskers, one colour per comparison, one row per compared scheme, a solid line at 1×. */
    static byte[] ratios(String title, Map<String, Map<String, Estimate>> series) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        StatisticalLineAndShapeRenderer r = new StatisticalLineAndShapeRenderer(false, true);
        Color[] cycle = {ChartStyle.BLUE, new Color(0xd62728), new Color(0x2ca02c), new Color(0x9467bd)};
        int k = 0;
        int rows = 0;
        for (Map.Entry<String, Map<String, Estimate>> s : series.entrySet()) {
            s.getValue().forEach((point, e) -> data.add(e.value(), finite(e.error()), s.getKey(), chartLabel(point)));
            rows = Math.max(rows, s.getValue().size());
            r.setSeriesPaint(k, cycle[k % cycle.length]);
            r.setSeriesShape(k++, new Ellipse2D.Double(-5, -5, 10, 10));
        }
        r.setErrorIndicatorStroke(new BasicStroke(2f));
        r.setUseSeriesOffset(series.size() > 1);
        // Ratios on a log axis: 0.5× and 2× sit equally far from the 1× line, which is always in range.
        double lo = 1;
        double hi = 1;
        for (Map<String, Estimate> m : series.values()) {
            for (Estimate e : m.values()) {
                lo = Math.min(lo, e.lower() > 0 ? e.lower() : e.value());
                hi = Math.max(hi, e.upper());
            }
        }
        LogAxis axis = ChartStyle.logAxis("× cost (log scale; 1 = same, below 1 = cheaper)");
        axis.setRange(lo / 1.3, hi * 1.3);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), axis, r);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        ValueMarker one = new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f));
        plot.addRangeMarker(one);
        return ChartStyle.png(ChartStyle.chart(title + " (whiskers = interval)", plot, series.size() > 1), WIDTH,
                140 + 22 * rows * Math.max(1, series.size() / 2 + 1));
    }

    /**
     * Scaling as efficiency: throughput at T threads ÷ (T × one thread's), against the ideal 100% line, one panel per
     * family (JWT verification, API-key lookup, the rest), whiskers = the interval.
     */
    static byte[] scaling(List<Analysis.Scaling> scalings) {
        Map<String, List<Analysis.Scaling>> families = new LinkedHashMap<>();
        for (Analysis.Scaling s : scalings) {
            String f = family(s.one());
            if (f != null) {
                families.computeIfAbsent(f, x -> new ArrayList<>()).add(s);
            }
        }
        NumberAxis threads = new NumberAxis("threads");
        threads.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        threads.setAutoRangeIncludesZero(false);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(threads);
        int maxSeries = 0;
        for (Map.Entry<String, List<Analysis.Scaling>> f : families.entrySet()) {
            YIntervalSeriesCollection data = new YIntervalSeriesCollection();
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDrawXError(false);
            r.setDefaultLinesVisible(true);
            int k = 0;
            for (Analysis.Scaling s : f.getValue()) {
                YIntervalSeries y = new YIntervalSeries(shortLabel(s.one()));
                JmhRow one = s.one().byMode().get(s.mode());
                y.add(s.one().threads(), 100, 100, 100); // the reference point: 100% by definition, no interval
                for (MeasuredScheme p : s.points().subList(1, s.points().size())) {
                    Estimate eff = p.byMode().get(s.mode()).efficiencyOver(one).times(100);
                    y.add(p.threads(), eff.value(), Math.max(0, eff.lower()), eff.upper());
                }
                data.addSeries(y);
                r.setSeriesPaint(k, ChartStyle.colour(s.one()));
                r.setSeriesShape(k, ChartStyle.shape(s.one()));
                r.setSeriesStroke(k++, new BasicStroke(2f));
            }
            maxSeries += k;
            NumberAxis eff = new NumberAxis(f.getKey() + ": efficiency %");
            eff.setRange(0, 150);
            XYPlot sub = new XYPlot(data, null, eff, r);
            ValueMarker ideal = ChartStyle.dashed(100, "ideal (linear)");
            sub.addRangeMarker(ideal);
            plot.add(sub, 1);
        }
        plot.setGap(12);
        return ChartStyle.png(ChartStyle.chart("Thread scaling: efficiency against the ideal 100% (whiskers = interval)", plot, true), WIDTH,
                Math.max(380, 260 * families.size() + 18 * maxSeries));
    }

    /**
     * Cost against round trip: one line per remote store (its lookups at the round trip each setting achieved, whiskers =
     * the interval) on a log cost axis, and each algorithm's fastest verification as a horizontal line with its
     * interval as a band. Where a store's line crosses a band is the break-even round trip.
     *
     * @param stores store → points {x µs, mean ns, low, high}
     * @param jwt    label (e.g. "HS256 NIMBUS") → verification ns
     */
    static byte[] breakEven(String title, Map<String, List<double[]>> stores, Map<String, Estimate> jwt) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        int k = 0;
        for (Map.Entry<String, List<double[]>> e : stores.entrySet()) {
            YIntervalSeries y = new YIntervalSeries(e.getKey() + " lookup");
            for (double[] p : e.getValue()) {
                y.add(p[0], p[1], p[2], p[3]);
                lo = Math.min(lo, p[2] > 0 ? p[2] : p[1]);
                hi = Math.max(hi, p[3]);
            }
            data.addSeries(y);
            r.setSeriesPaint(k, ChartStyle.colour(e.getKey()));
            r.setSeriesShape(k, new Rectangle2D.Double(-5, -5, 10, 10));
            r.setSeriesStroke(k++, new BasicStroke(2f));
        }
        NumberAxis x = new NumberAxis("round trip added, µs (calibrated p50; 0 = direct on loopback)");
        x.setAutoRangeIncludesZero(false); // with a margin, so the direct point at 0 is not cut in half by the edge
        x.setLowerMargin(0.03);
        LogAxis y = ChartStyle.logAxis("ns per operation (one thread; log scale)");
        XYPlot plot = new XYPlot(data, x, y, r);
        for (Map.Entry<String, Estimate> e : jwt.entrySet()) {
            Estimate v = e.getValue();
            lo = Math.min(lo, v.lower() > 0 ? v.lower() : v.value());
            hi = Math.max(hi, v.upper());
            if (v.hasInterval()) {
                IntervalMarker band = new IntervalMarker(Math.max(v.lower(), Double.MIN_NORMAL), v.upper(),
                        new Color(0, 0, 0, 28));
                plot.addRangeMarker(band, Layer.BACKGROUND);
            }
            ValueMarker m = new ValueMarker(v.value(), Color.DARK_GRAY, ChartStyle.stroke(e.getKey()));
            m.setLabel(e.getKey() + " verification");
            m.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            plot.addRangeMarker(m);
        }
        if (hi > 0) {
            y.setRange(lo / 1.5, hi * 1.5);
        }
        return ChartStyle.png(ChartStyle.chart(title, plot, true), WIDTH, 560);
    }

    /**
     * A chart's label for a scheme named by JMH ("RejectBenchmark.reject kind=EXPIRED library=NIMBUS"): the
     * method and the parameter values ("reject EXPIRED NIMBUS"); other labels unchanged.
     */
    static String chartLabel(String label) {
        return label.replaceAll("\\b[A-Za-z]+Benchmark\\.", "").replaceAll("\\b[A-Za-z]+=", "");
    }

    /** The scaling chart's panel of a scheme, or null for schemes it leaves to the tables. */
    private static String family(MeasuredScheme s) {
        return switch (s.method()) {
            case Analysis.VERIFY -> "JWT verification";
            case Analysis.LOOKUP -> "API-key lookup";
            case Analysis.REV_ACCEPTED -> "JWT + denylist";
            default -> null; // refusals and cached variants stay in the tables: a panel of them hides the rest
        };
    }

    /** Whether the scaling chart draws this scheme. */
    static boolean charted(MeasuredScheme s) {
        return family(s) != null;
    }

    static String shortLabel(MeasuredScheme s) {
        return prefix(s) + s.label();
    }

    /** The short label without the JVM, for tables that put JVMs in columns. */
    static String shortName(MeasuredScheme s) {
        return prefix(s) + s.name();
    }

    private static String prefix(MeasuredScheme s) {
        return switch (s.method()) {
            case Analysis.VERIFY -> s.param("alg") + " ";
            case Analysis.LOOKUP -> "key ";
            default -> "";
        };
    }

    private static double finite(double v) {
        return Double.isNaN(v) ? 0 : v;
    }
}
