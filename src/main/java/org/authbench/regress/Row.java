package org.authbench.regress;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One benchmark row of a run: a benchmark method with one set of parameters, mode and thread count.
 *
 * @param benchmark   the method's full name, e.g. {@code org.authbench.bench.VerifyBenchmark.verify_valid}
 * @param mode        JMH mode ({@code avgt}, {@code thrpt}, {@code sample}, {@code ss})
 * @param threads     benchmark threads
 * @param params      JMH parameters in name order
 * @param jdk         the JDK the row ran on (JMH's {@code jdkVersion}); a run may hold the same row on several
 * @param showJdk     whether the display name must say the JDK (its run holds more than one)
 * @param primary     the score's measurements
 * @param allocation  {@code gc.alloc.rate.norm} measurements (bytes per operation), or null without {@code -prof gc}
 */
public record Row(String benchmark, String mode, int threads, Map<String, String> params, String jdk,
        boolean showJdk, Series primary, Series allocation) {

    /** What must match for two rows to be compared. */
    public String key() {
        return benchmark + "|" + mode + "|" + threads + "|" + params + "|" + jdk;
    }

    /** The same row, named with its JDK. */
    public Row withJdkShown() {
        return new Row(benchmark, mode, threads, params, jdk, true, primary, allocation);
    }

    /** A short readable name: {@code VerifyBenchmark.verify_valid alg=RS256 library=REFERENCE poolSize=256 (avgt)}. */
    public String displayName() {
        int method = benchmark.lastIndexOf('.');
        int cls = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        StringBuilder s = new StringBuilder(benchmark.substring(cls + 1));
        if (!params.isEmpty()) {
            s.append(' ').append(params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining(" ")));
        }
        s.append(" (").append(mode);
        if (threads != 1) {
            s.append(", ").append(threads).append(" threads");
        }
        if (showJdk) {
            s.append(", JDK ").append(jdk);
        }
        return s.append(')').toString();
    }
}
