package org.authbench.net;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A network round trip put between the suite and a remote store, as the JMH parameter {@code rtt} spells it:
 * {@code direct} (no injector: the store's own address, the default), or {@code <n>us} / {@code <n>ms} through the
 * injector, {@code 0us} included (the injector with no delay: its own overhead, the A/A).
 *
 * @param label the spelling rows carry ({@code direct}, {@code 0us}, {@code 500us}, {@code 2ms})
 * @param nanos the round trip to add, ns; 0 for {@code direct} and {@code 0us}
 */
public record Rtt(String label, long nanos) {

    /** The JMH parameter's name and its default value. */
    public static final String PARAM = "rtt";
    public static final String DIRECT_LABEL = "direct";
    public static final Rtt DIRECT = new Rtt(DIRECT_LABEL, 0);

    /** The sweep {@code run --rtt} and the {@code network} profile use when asked for the default. */
    public static final List<String> DEFAULT_SWEEP = List.of("0us", "100us", "250us", "500us", "1ms", "2ms");

    /** Longest round trip accepted: beyond it the store clients' timeouts, not the lookups, would be measured. */
    public static final long MAX_NANOS = 10_000_000_000L;

    /**
     * Shortest non-zero round trip accepted: the injector delays each direction by half of it on a reactor whose
     * scheduling is no finer than this (measured: the {@code 0us} setting itself adds tens of µs).
     */
    public static final long MIN_NANOS = 10_000L;

    private static final Pattern SPELLING = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms)");

    /** Whether the store is reached at its own address, without an injector. */
    public boolean direct() {
        return label.equals(DIRECT_LABEL);
    }

    /** Microseconds asked for. */
    public double micros() {
        return nanos / 1000.0;
    }

    /**
     * Parses one setting. Bad input is an {@link IllegalArgumentException} whose message is one line naming the
     * problem (a CLI prints it as it is).
     */
    public static Rtt parse(String text) {
        String s = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (s.equals(DIRECT_LABEL)) {
            return DIRECT;
        }
        if (s.equals("0")) {
            s = "0us";
        }
        if (s.startsWith("-")) {
            throw new IllegalArgumentException("rtt '" + text + "' is negative: a round trip cannot be taken away");
        }
        Matcher m = SPELLING.matcher(s);
        if (!m.matches()) {
            throw new IllegalArgumentException("rtt '" + text + "' is not 'direct' or a duration like 250us or 1ms");
        }
        BigDecimal n = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(m.group(2).equals("us") ? 1_000 : 1_000_000));
        if (n.compareTo(BigDecimal.valueOf(MAX_NANOS)) > 0) {
            throw new IllegalArgumentException("rtt '" + text + "' is above 10s: the store clients would time out first");
        }
        long nanos = n.longValue();
        if (nanos != 0 && nanos < MIN_NANOS) {
            throw new IllegalArgumentException("rtt '" + text + "' is below " + MIN_NANOS / 1000
                    + "us, finer than the injector can add (use 0us for the injector alone)");
        }
        if (n.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("rtt '" + text + "' is not a whole number of nanoseconds");
        }
        return new Rtt(canonical(nanos), nanos);
    }

    /** A comma list ({@code run --rtt 0us,100us,1ms}); duplicates are bad input too. */
    public static List<Rtt> parseList(String list) {
        List<Rtt> out = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            Rtt r = parse(part);
            if (out.contains(r)) {
                throw new IllegalArgumentException("rtt '" + part.strip() + "' is given twice");
            }
            out.add(r);
        }
        return out;
    }

    /** {@code 0us}, {@code 250us}, {@code 1ms}, {@code 1500us}: ms when whole, else µs. */
    private static String canonical(long nanos) {
        if (nanos >= 1_000_000 && nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        return nanos % 1000 == 0 ? nanos / 1000 + "us" : BigDecimal.valueOf(nanos, 3).stripTrailingZeros().toPlainString() + "us";
    }
}
