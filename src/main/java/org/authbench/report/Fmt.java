package org.authbench.report;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import org.authbench.runfiles.Estimate;

/**
 * Number formatting shared by every report file, so the Markdown, the HTML and the tests agree: four
 * significant digits (all integer digits from 1000 up), thousands separated by commas, and an error shown
 * with the decimals of its value.
 */
public final class Fmt {

    public static final String PM = " ± ";

    private Fmt() {
    }

    /** Decimals used for {@code v}: 4 significant digits, none from 1000 up, at most 6. */
    public static int decimals(double v) {
        if (v == 0 || Double.isNaN(v) || Double.isInfinite(v)) {
            return 0;
        }
        int mag = (int) Math.floor(Math.log10(Math.abs(v)));
        return Math.max(0, Math.min(6, 3 - mag));
    }

    public static String num(double v) {
        return num(v, decimals(v));
    }

    public static String num(double v, int decimals) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        DecimalFormat f = new DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }

    /** How every interval is stated, for table headers and captions. */
    public static final String CI = Estimate.CONFIDENCE_PERCENT + "% CI over forks";

    /**
     * {@code "12,345 ± 67"}; the error keeps the value's decimals; {@code "12,345 ± n/a (one fork)"} when there is no
     * interval, and the reason alone for a refused combination of rows.
     */
    public static String pm(Estimate e) {
        if (e == null) {
            return "—";
        }
        if (e.refused()) {
            return e.note();
        }
        int d = decimals(e.value());
        return num(e.value(), d) + PM + (Double.isNaN(e.error()) ? "n/a" + (e.note() == null ? "" : " (" + e.note() + ")")
                : num(e.error(), d));
    }

    /** A fraction as percent: {@code "95.0 ± 4.1%"}, or {@code "95.0% (no interval: one fork)"} without an interval. */
    public static String percent(Estimate e) {
        if (e == null || e.refused()) {
            return pm(e);
        }
        Estimate p = e.times(100);
        if (Double.isNaN(p.error())) {
            return num(p.value(), 1) + "%" + (p.note() == null ? "" : " (no interval: " + p.note() + ")");
        }
        return num(p.value(), 1) + PM + num(p.error(), 1) + "%";
    }

    /**
     * A ratio: {@code "1.234× (1.100–1.400)"} when its interval comes from resampling rows (it need not be
     * symmetric), {@code "12.34× ± 0.56"} for other figures, {@code "1.234× (no interval: one fork)"} without one,
     * and the reason alone when the ratio is refused.
     */
    public static String times(Estimate e) {
        if (e == null) {
            return "—";
        }
        if (e.refused()) {
            return e.note();
        }
        int d = decimals(e.value());
        if (!e.hasInterval()) {
            return num(e.value(), d) + "×" + (e.note() == null ? PM + "n/a" : " (no interval: " + e.note() + ")");
        }
        if (e.basis() != null) {
            int di = Math.max(d, decimals(e.lower()));
            return num(e.value(), d) + "× (" + num(e.lower(), di) + "–" + num(e.upper(), di) + ")";
        }
        return num(e.value(), d) + "×" + PM + num(e.error(), d);
    }

    /** A setting as given, without padding digits: 1 for 1.0, 0.5 for 0.50. */
    public static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Parses a number as printed by {@link #num} (commas removed). */
    public static double parse(String s) {
        return Double.parseDouble(s.replace(",", "").replace("×", "").strip());
    }
}
