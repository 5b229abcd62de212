package org.authbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Line2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's charts, drawn with XChart into PNG bytes (headless). Latency and cost axes are logarithmic
 * where the values span decades; whiskers are the 99.9% confidence interval.
 */
final class Charts {

    static final int WIDTH = 1100;
    /** Percentiles drawn in latency charts. */
    static final List<Double> PERCENTILES = List.of(50.0, 90.0, 99.0, 99.9, 99.99);

    private Charts() {
    }

    /**
     * One point per scheme, fastest first, on one log-scale ns/op axis, the 99.9% CI as caps above and below.
     * Caps rather than XChart's error bars: in 3.8.8 those are drawn wrongly on a logarithmic category axis.
     */
    static byte[] schemes(List<MeasuredScheme> schemes) {
        List<MeasuredScheme> ordered = new ArrayList<>(schemes);
        ordered.sort(Comparator.comparingDouble(s -> s.ns().value()));
        List<String> labels = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> lo = new ArrayList<>();
        List<Double> hi = new ArrayList<>();
        for (MeasuredScheme s : ordered) {
            labels.add(shortLabel(s));
            y.add(s.ns().value());
            lo.add(s.ns().lower() > 0 ? s.ns().lower() : s.ns().value());
            hi.add(s.ns().upper());
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(620)
                .title("Cost per authentication, every scheme (log scale, caps = 99.9% CI)")
                .xAxisTitle("").yAxisTitle("ns per operation (one thread)").build();
        style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        c.getStyler().setOverlapped(true);
        c.getStyler().setLegendVisible(false);
        c.getStyler().setYAxisLogarithmic(true).setXAxisLabelRotation(60);
        c.getStyler().setMarkerSize(11);
        c.addSeries("upper", labels, hi).setMarker(new Cap(true)).setMarkerColor(BLUE);
        c.addSeries("lower", labels, lo).setMarker(new Cap(false)).setMarkerColor(BLUE);
        c.addSeries("ns/op", labels, y).setMarker(SeriesMarkers.CIRCLE).setMarkerColor(BLUE);
        return png(c);
    }

    private static final Color BLUE = new Color(0x3b75af);

    /** A whisker cap: a horizontal bar with a stub pointing at the mean. */
    private static final class Cap extends Marker {
        private final boolean upper;

        Cap(boolean upper) {
            this.upper = upper;
        }

        @Override
        public void paint(java.awt.Graphics2D g, double x, double y, int size) {
            g.setStroke(new BasicStroke(2f));
            double half = size / 2.0;
            g.draw(new Line2D.Double(x - half, y, x + half, y));
            g.draw(new Line2D.Double(x, y, x, upper ? y + half : y - half));
        }
    }

    /** Libraries of one algorithm as bars with CI whiskers, the raw floor as the last bar. */
    static byte[] libraryBars(String alg, List<MeasuredScheme> ranking, Estimate floor) {
        List<String> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Double> e = new ArrayList<>();
        for (MeasuredScheme s : ranking) {
            x.add(s.label());
            y.add(s.ns().value() / 1000);
            e.add(finite(s.ns().error()) / 1000);
        }
        if (floor != null) {
            x.add("floor (raw JCA)");
            y.add(floor.value() / 1000);
            e.add(finite(floor.error()) / 1000);
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(460)
                .title(alg + " verification by library (whiskers = 99.9% CI)").xAxisTitle("")
                .yAxisTitle("µs per verification").build();
        style(c.getStyler());
        c.getStyler().setAvailableSpaceFill(0.6);
        c.getStyler().setLegendVisible(false);
        c.addSeries(alg, x, y, e).setFillColor(BLUE);
        return png(c);
    }

    /**
     * Latency percentiles per scheme, log-scale latency. Categories p50, p90, p99, p99.9, p99.99 are equally
     * spaced, which is the usual "nines" axis; only percentiles every series has are drawn.
     */
    static byte[] percentiles(String title, Map<String, Map<Double, Double>> series, String unit) {
        List<Double> shared = new ArrayList<>();
        for (double p : PERCENTILES) {
            if (series.values().stream().allMatch(m -> m.get(p) != null && m.get(p) > 0)) {
                shared.add(p);
            }
        }
        List<String> x = new ArrayList<>();
        for (double p : shared) {
            x.add("p" + Fmt.num(p, p == Math.rint(p) ? 0 : p * 10 == Math.rint(p * 10) ? 1 : 2));
        }
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(500).title(title).xAxisTitle("percentile")
                .yAxisTitle(unit).build();
        style(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        c.getStyler().setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.OutsideE);
        if (shared.isEmpty()) {
            c.addSeries("no shared percentiles", List.of("p50"), List.of(1.0));
            return png(c);
        }
        for (Map.Entry<String, Map<Double, Double>> s : series.entrySet()) {
            List<Double> y = new ArrayList<>();
            for (double p : shared) {
                y.add(s.getValue().get(p));
            }
            c.addSeries(s.getKey(), x, y).setMarker(SeriesMarkers.CIRCLE);
        }
        return png(c);
    }

    /**
     * The classic "latency by percentile" plot: x = 1/(1-p) on a log axis labelled as percentiles (each decade
     * one more nine), y = latency in µs on a log axis, one line per series of (1/(1-p), µs) points. The x-axis is
     * drawn as a linear axis of log10(1/(1-p)), so its labels can sit exactly on the decades.
     */
    static byte[] latencyByPercentile(Map<String, List<double[]>> series) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(520).title("Latency by percentile (response time)")
                .xAxisTitle("percentile").yAxisTitle("µs").build();
        style(c.getStyler());
        c.getStyler().setYAxisLogarithmic(true).setLegendPosition(Styler.LegendPosition.OutsideE).setMarkerSize(4);
        double decades = 1;
        for (Map.Entry<String, List<double[]>> s : series.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (double[] p : s.getValue()) {
                if (p[1] > 0) { // a log axis cannot show 0
                    x.add(Math.log10(p[0]));
                    y.add(p[1]);
                    decades = Math.max(decades, Math.ceil(Math.log10(p[0]) - 1e-9));
                }
            }
            c.addSeries(s.getKey(), x, y);
        }
        c.getStyler().setXAxisMin(0.0).setXAxisMax(decades);
        c.getStyler().setxAxisTickLabelsFormattingFunction(v -> Math.abs(v - Math.rint(v)) < 1e-6
                ? nines(Math.pow(10, Math.rint(v))) : "");
        return png(c);
    }

    /** 1/(1-p) as a percentile label: 10 → 90%, 1000 → 99.9%. */
    static String nines(double x) {
        double pct = 100 * (1 - 1 / x);
        return Fmt.num(pct, Math.max(0, (int) Math.round(Math.log10(x)) - 2)) + "%";
    }

    /** Ratios with 99.9% CI whiskers, one bar series per comparison, categories in first-seen order. */
    static byte[] ratios(String title, Map<String, Map<String, Estimate>> series) {
        List<String> x = new ArrayList<>();
        series.values().forEach(m -> m.keySet().forEach(k -> {
            if (!x.contains(k)) {
                x.add(k);
            }
        }));
        CategoryChart c = new CategoryChartBuilder().width(WIDTH).height(480).title(title + " (whiskers = 99.9% CI)")
                .xAxisTitle("").yAxisTitle("× cost").build();
        style(c.getStyler());
        c.getStyler().setXAxisLabelRotation(45).setLegendPosition(Styler.LegendPosition.OutsideE);
        for (Map.Entry<String, Map<String, Estimate>> s : series.entrySet()) {
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (String k : x) {
                Estimate r = s.getValue().get(k);
                y.add(r == null ? 0 : r.value());
                e.add(r == null ? 0 : finite(r.error()));
            }
            c.addSeries(s.getKey(), x, y, e);
        }
        return png(c);
    }

    /** Aggregate throughput per thread count (99.9% CI whiskers; linear axes, so XChart draws them right). */
    static byte[] scaling(List<Analysis.Scaling> scalings) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(460).title("Thread scaling (aggregate throughput)")
                .xAxisTitle("threads").yAxisTitle("operations per second").build();
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (Analysis.Scaling s : scalings) {
            List<Integer> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            List<Double> e = new ArrayList<>();
            for (MeasuredScheme p : s.points()) {
                JmhRow r = p.byMode().get(s.mode());
                x.add(p.threads());
                y.add(r.opsPerSecond().value());
                e.add(finite(r.opsPerSecond().error()));
            }
            c.addSeries(shortLabel(s.one()), x, y, e).setMarker(SeriesMarkers.CIRCLE);
        }
        return png(c);
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

    private static void style(Styler s) {
        s.setChartBackgroundColor(Color.WHITE).setPlotBackgroundColor(Color.WHITE)
                .setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 16))
                .setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12))
                .setBaseFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12))
                .setAntiAlias(true);
        if (s instanceof AxesChartStyler a) {
            a.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12)).setPlotGridLinesColor(new Color(0xdddddd));
        }
    }

    private static byte[] png(Chart<?, ?> chart) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // reports are drawn on servers and in CI
        }
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
