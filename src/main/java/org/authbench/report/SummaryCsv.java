package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.stats.Forked;

/**
 * {@code summary.csv}: one line per JMH result row, parameters as columns, scores raw and normalised
 * (ns/op per thread, ops/s of all threads, derived or measured), percentiles in ns and bytes per operation,
 * for spreadsheets and scripts; when the rows come from several JVMs, their JDK and VM versions too. The {@code _error}
 * columns are JMH's own (99.9%, pooled values); the {@code ns_per_op_ci95_*} columns the interval the report states
 * (95%, over fork means) with {@code forks_measured}, and {@code not_settled} why a row did not settle. Numbers are
 * unrounded; an unknown value is an empty cell.
 */
final class SummaryCsv {

    private SummaryCsv() {
    }

    static String render(List<JmhRow> rows) {
        Set<String> params = new LinkedHashSet<>();
        rows.forEach(r -> params.addAll(r.params().keySet()));
        List<String> header = new ArrayList<>(List.of("benchmark", "mode", "threads", "forks"));
        header.addAll(params);
        boolean jvms = rows.stream().map(r -> r.jdkVersion() + "|" + r.vmVersion()).distinct().count() > 1;
        if (jvms) {
            header.addAll(List.of("jdk_version", "vm_version"));
        }
        header.addAll(List.of("score", "score_error", "score_unit", "ns_per_op", "ns_per_op_error", "ops_per_s",
                "ops_per_s_error", "ops_per_s_derived", "p50_ns", "p99_ns", "p99_9_ns", "bytes_per_op",
                "bytes_per_op_error", "forks_measured", "ns_per_op_ci95_mean", "ns_per_op_ci95_low", "ns_per_op_ci95_high",
                "ns_per_op_ci95_half_width", "not_settled"));
        StringBuilder b = new StringBuilder();
        line(b, header);
        for (JmhRow r : rows) {
            List<String> c = new ArrayList<>(List.of(r.method(), r.mode(), String.valueOf(r.threads()),
                    String.valueOf(r.forks())));
            for (String p : params) {
                c.add(r.params().getOrDefault(p, ""));
            }
            if (jvms) {
                c.add(r.jdkVersion());
                c.add(r.vmVersion());
            }
            Estimate ns = r.jmhNsPerOp();
            Estimate ops = r.jmhOpsPerSecond();
            Estimate forkLevel = r.nsPerOp();
            Forked data = r.primary().perFork();
            Estimate bytes = r.bytesPerOp();
            c.addAll(List.of(num(r.score()), num(r.error()), r.unit(), num(ns.value()), num(ns.error()), num(ops.value()),
                    num(ops.error()), String.valueOf(r.opsDerived()), num(r.percentileNs("50.0")),
                    num(r.percentileNs("99.0")), num(r.percentileNs("99.9")), bytes == null ? "" : num(bytes.value()),
                    bytes == null ? "" : num(bytes.error()), data == null ? "" : String.valueOf(data.forks()),
                    num(forkLevel.value()), num(forkLevel.hasInterval() ? forkLevel.lower() : Double.NaN),
                    num(forkLevel.hasInterval() ? forkLevel.upper() : Double.NaN), num(forkLevel.error()),
                    String.join("; ", r.settlingFlags())));
            line(b, c);
        }
        return b.toString();
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static void line(StringBuilder b, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                b.append(',');
            }
            b.append(c.matches(".*[,\"\\r\\n].*") ? '"' + c.replace("\"", "\"\"") + '"' : c);
        }
        b.append("\r\n");
    }
}
