package org.authbench.regress;

import java.util.Map;

/**
 * A JMH score unit and which way is better: {@code <time>/op} (lower is better, compared in ns/op),
 * {@code ops/<time>} (higher is better, compared in ops/s), any other {@code <thing>/op} such as
 * {@code B/op} (lower is better, as written). Both sides are converted to the canonical unit, so a row
 * measured in us/op on one side and ns/op on the other still compares correctly.
 *
 * @param canonical       the unit values are compared in
 * @param lowerIsBetter   the direction: true for costs per operation, false for throughput
 * @param toCanonical     factor from the original unit to {@code canonical}
 */
public record Unit(String canonical, boolean lowerIsBetter, double toCanonical) {

    private static final Map<String, Double> NANOS = Map.of(
            "ns", 1.0, "us", 1e3, "ms", 1e6, "s", 1e9, "min", 60e9, "hr", 3600e9, "day", 86400e9);

    /** The unit of a JMH score, or {@code null} when its direction is not known. */
    public static Unit parse(String label) {
        int slash = label.indexOf('/');
        if (slash <= 0 || slash == label.length() - 1) {
            return null;
        }
        String num = label.substring(0, slash);
        String den = label.substring(slash + 1);
        if (den.equals("op")) {
            Double ns = NANOS.get(num);
            return ns == null ? new Unit(label, true, 1.0) : new Unit("ns/op", true, ns);
        }
        if (num.equals("ops") && NANOS.containsKey(den)) {
            return new Unit("ops/s", false, 1e9 / NANOS.get(den));
        }
        return null;
    }

    /** True for a time per operation (the unit a throughput can be turned into, and back). */
    public boolean isTime() {
        return canonical.equals("ns/op");
    }

    public boolean isThroughput() {
        return canonical.equals("ops/s");
    }
}
