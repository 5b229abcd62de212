package org.authbench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.text.DecimalFormat;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.chart.util.ShapeUtils;

/**
 * What every chart shares: one colour per library and store tier (by the names the run files use), a shape per
 * family (keys squares, verifications circles, floors diamonds), a dash per algorithm, log axes with every decade
 * labelled whose interval ends at or below zero run to the edge, reference lines, and PNG output.
 */
final class ChartStyle {

    /** The colour of a single-series chart and of names no palette entry matches. */
    static final Color BLUE = new Color(0x3b75af);

    /**
     * One colour per library and per store tier, by the names the run files use. The report cannot read the
     * library and store enums (it reads run files only); a name missing here is drawn in {@link #BLUE}.
     */
    private static final Map<String, Color> PALETTE = new LinkedHashMap<>();

    static {
        String[][] p = {{"REFERENCE", "7f7f7f"}, {"JJWT", "1f77b4"}, {"NIMBUS", "d62728"}, {"AUTH0", "2ca02c"},
            {"JOSE4J", "9467bd"}, {"FUSIONAUTH", "ff7f0e"}, {"VERTX", "8c564b"}, {"PLAIN", "bcbd22"},
            {"HASHED", "17becf"}, {"CAFFEINE", "e377c2"}, {"H2", "637939"}, {"REDIS", "e7969c"},
            {"POSTGRES", "393b79"}, {"IN_PROCESS", "17becf"}};
        for (String[] e : p) {
            PALETTE.put(e[0], new Color(Integer.parseInt(e[1], 16)));
        }
    }

    /** The fixed colour of a library or store named in {@code name} (case-insensitive; the longest match wins). */
    static Color colour(String name) {
        String n = name.toUpperCase(Locale.ROOT).replace("-", "").replace(":", " ");
        String best = null;
        for (String k : PALETTE.keySet()) {
            if (n.matches(".*\\b" + k + "\\b.*") && (best == null || k.length() > best.length())) {
                best = k;
            }
        }
        return best == null ? BLUE : PALETTE.get(best);
    }

    /** The colour of a scheme: its library, else its store, else (floors) dark grey. */
    static Color colour(MeasuredScheme s) {
        String who = s.param("library") != null ? s.param("library") : s.param("store");
        return who != null ? colour(who) : new Color(0x333333);
    }

    static Shape shape(MeasuredScheme s) {
        if (s.method().startsWith("CryptoFloorBenchmark")) {
            return ShapeUtils.createDiamond(6f);
        }
        return s.param("store") != null ? new Rectangle2D.Double(-5, -5, 10, 10) : new Ellipse2D.Double(-5, -5, 10, 10);
    }

    /** A line's stroke by the algorithm in its name, so one library's lines stay apart: HS solid, RS dashed, ES dotted. */
    static BasicStroke stroke(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        float[] dash = n.contains("RS256") || n.contains("PS256") ? new float[] {9f, 5f}
                : n.contains("ES256") || n.contains("ES384") || n.contains("EDDSA") ? new float[] {2f, 4f} : null;
        return dash == null ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                dash, 0f);
    }

    static ValueMarker dashed(double at, String label) {
        ValueMarker m = new ValueMarker(at, Color.DARK_GRAY, new BasicStroke(1.5f, BasicStroke.CAP_BUTT,
                BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        m.setLabel(label);
        m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
        m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        return m;
    }

    /** A log axis with one labelled tick per decade (10, 100, 1,000 ...) and unlabelled minor ticks between. */
    static LogAxis logAxis(String unit) {
        LogAxis axis = new LogAxis(unit) {
            // An interval end at or below zero has no place on a log axis: it is drawn to the axis's edge, so the
            // whisker reads "reaches zero" instead of vanishing with its line.
            @Override
            public double valueToJava2D(double value, Rectangle2D area, RectangleEdge edge) {
                return super.valueToJava2D(Math.max(value, getLowerBound()), area, edge);
            }
        };
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setAutoTickUnitSelection(false);
        axis.setMinorTickCount(9);
        axis.setMinorTickMarksVisible(true);
        axis.setNumberFormatOverride(new Format(v -> v >= 1 ? Fmt.num(v, 0)
                : Fmt.plain(new BigDecimal(v).round(new MathContext(3)).doubleValue())));
        return axis;
    }

    static JFreeChart chart(String title, Plot plot, boolean legend) {
        JFreeChart c = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 15), plot, legend);
        c.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        if (plot instanceof CategoryPlot p) {
            p.setRangeGridlinePaint(new Color(0xcccccc));
            p.setDomainGridlinesVisible(true);
            p.setDomainGridlinePaint(new Color(0xeeeeee));
        } else if (plot instanceof XYPlot p) {
            p.setRangeGridlinePaint(new Color(0xcccccc));
            p.setDomainGridlinePaint(new Color(0xcccccc));
        } else if (plot instanceof CombinedDomainXYPlot p) {
            for (Object o : p.getSubplots()) {
                ((XYPlot) o).setBackgroundPaint(Color.WHITE);
                ((XYPlot) o).setRangeGridlinePaint(new Color(0xcccccc));
            }
        }
        LegendTitle l = c.getLegend();
        if (l != null) {
            l.setPosition(RectangleEdge.RIGHT);
            l.setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        }
        return c;
    }

    static byte[] png(JFreeChart chart, int width, int height) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true"); // reports are drawn on servers and in CI
        }
        BufferedImage img = chart.createBufferedImage(width, height);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(img, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tick-label format from a function (JFreeChart axes take a {@link NumberFormat}). */
    static final class Format extends NumberFormat {
        private final DoubleFunction<String> f;

        Format(DoubleFunction<String> f) {
            this.f = f;
        }

        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            return to.append(f.apply(number));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(f.apply(number));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return new DecimalFormat().parse(source, pos);
        }
    }
}
