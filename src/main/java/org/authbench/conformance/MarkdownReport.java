package org.authbench.conformance;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.authbench.conformance.ConformanceReport.Finding;
import org.authbench.conformance.ConformanceReport.Robustness;
import org.authbench.conformance.ConformanceReport.Row;
import org.authbench.conformance.ConformanceReport.Tally;

/** Renders a {@link ConformanceReport} as Markdown: the matrix, every false accept, robustness, notes. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ConformanceReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Conformance\n\n");
        sb.append("Generated ").append(r.generatedAt()).append("; seed ").append(r.seed())
                .append(" (hostile corpus and robustness tokens; replay with `--seed`); ")
                .append(r.fuzzCases()).append(" robustness tokens per library; each verdict bounded by ")
                .append(r.verdictBoundMillis()).append(" ms.\n\n");
        sb.append("Cell: correct / **false accepts** / false rejects / not applicable / errors")
                .append(" (+ acceptable: accepted of total). `—` cannot take the family.\n\n");
        sb.append("| library | version |");
        for (String f : r.families()) {
            sb.append(' ').append(f).append(" |");
        }
        sb.append(" robustness |\n|---|---|");
        sb.append("---|".repeat(r.families().size() + 1)).append('\n');
        for (Row row : r.libraries()) {
            sb.append("| ").append(row.library()).append(row.totalFalseAccepts() > 0 ? " ⚠" : "").append(" | ")
                    .append(row.version()).append(" |");
            for (String f : r.families()) {
                Tally t = row.families().get(f);
                sb.append(' ').append(t == null ? "not available" : cell(t)).append(" |");
            }
            sb.append(' ').append(robustnessCell(row.robustness())).append(" |\n");
        }
        sb.append("\n## False accepts (security findings)\n\n");
        findings(sb, r.falseAccepts(), "None.");
        sb.append("\n## Robustness\n\n");
        sb.append("Slowest rejection over all tokens, and over tokens of at most ").append(Robustness.HEADER_SIZED)
                .append(" characters (what fits in an HTTP header).\n\n");
        sb.append("| library | tokens | accepted (allowed) | rejected | false accepts | errors | timeouts | mean rejection µs"
                + " | slowest rejection ms | slowest case | ≤ 8 KiB: p50 µs | p99 µs | slowest ms | slowest case |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : r.libraries()) {
            Robustness b = row.robustness();
            if (b == null) {
                continue;
            }
            sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %.1f | %.2f | %s | %.1f | %.1f | %.2f | %s |%n",
                    row.library(), b.cases(), b.accepted(), b.rejected(), b.falseAccepts(), b.errors(), b.timeouts(),
                    b.meanRejectionMicros(), b.slowestRejectionMillis(),
                    b.slowestRejectionCase() == null ? "" : b.slowestRejectionCase(),
                    b.headerSizedRejectionP50Micros(), b.headerSizedRejectionP99Micros(),
                    b.slowestHeaderSizedRejectionMillis(),
                    b.slowestHeaderSizedRejectionCase() == null ? "" : b.slowestHeaderSizedRejectionCase()));
        }
        sb.append("\n## Cannot take / not available\n\n");
        boolean any = false;
        for (Row row : r.libraries()) {
            if (row.unavailable() != null) {
                sb.append("- ").append(row.library()).append(": ").append(row.unavailable()).append('\n');
                any = true;
            }
            for (Map.Entry<String, Tally> e : row.families().entrySet()) {
                if (e.getValue().cannotTake() != null) {
                    sb.append("- ").append(row.library()).append(" × ").append(e.getKey()).append(": ")
                            .append(e.getValue().cannotTake()).append('\n');
                    any = true;
                }
            }
        }
        if (!any) {
            sb.append("None.\n");
        }
        sb.append("\n## False rejects\n\n");
        findings(sb, r.falseRejects(), "None.");
        sb.append("\n## Errors (exceptions other than a rejection, timeouts)\n\n");
        findings(sb, r.errors(), "None.");
        sb.append("\n## Reported outcomes (Wycheproof JWS 367/370/372/373: either counts as correct)\n\n");
        findings(sb, r.notes(), "None.");
        return sb.toString();
    }

    private static String cell(Tally t) {
        if (t.cannotTake() != null) {
            return "—";
        }
        String s = t.correct() + " / " + (t.falseAccepts() > 0 ? "**" + t.falseAccepts() + "**" : "0") + " / "
                + t.falseRejects() + " / " + t.notApplicable() + " / " + t.errors();
        return t.acceptable() > 0 ? s + " (+" + t.acceptableAccepted() + " of " + t.acceptable() + ")" : s;
    }

    private static String robustnessCell(Robustness b) {
        if (b == null || b.cases() == 0) {
            return "not run";
        }
        return (b.clean() ? "ok" : "**FAIL**") + String.format(Locale.ROOT, ", slowest rejection %.1f ms (≤ 8 KiB: %.2f ms)",
                b.slowestRejectionMillis(), b.slowestHeaderSizedRejectionMillis());
    }

    private static void findings(StringBuilder sb, List<Finding> list, String none) {
        if (list.isEmpty()) {
            sb.append(none).append('\n');
            return;
        }
        sb.append("| library | version | family | case | comment | detail |\n|---|---|---|---|---|---|\n");
        for (Finding f : list) {
            sb.append("| ").append(f.library()).append(" | ").append(f.version()).append(" | ").append(f.family())
                    .append(" | ").append(f.caseId()).append(" | ").append(escape(f.comment())).append(" | ")
                    .append(escape(f.detail())).append(" |\n");
        }
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
