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

    /** {@code "12,345 ± 67"}; the error keeps the value's decimals; {@code "± n/a"} when unknown. */
    public static String pm(Estimate e) {
        if (e == null) {
            return "—";
        }
        int d = decimals(e.value());
        return num(e.value(), d) + PM + (Double.isNaN(e.error()) ? "n/a" : num(e.error(), d));
    }

    /** A ratio as {@code "12.34× ± 0.56"}. */
    public static String times(Estimate e) {
        if (e == null) {
            return "—";
        }
        int d = decimals(e.value());
        return num(e.value(), d) + "×" + PM + (Double.isNaN(e.error()) ? "n/a" : num(e.error(), d));
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
