package org.authbench.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * How {@code authbench compare} prints its verdicts: {@code md}, a Markdown summary for a pull-request
 * comment or {@code $GITHUB_STEP_SUMMARY} (regressions first, with ratio and interval), or {@code json},
 * every verdict with its numbers for machines.
 */
public enum SummaryFormat {
    MD {
        @Override
        public String render(Comparison c) {
            GateSettings s = c.settings();
            StringBuilder b = new StringBuilder();
            long reg = c.count(GateVerdict.REGRESSION);
            long inc = c.count(GateVerdict.INCONCLUSIVE);
            b.append("## authbench regression gate: ")
                    .append(reg > 0 ? reg + " regression" + (reg > 1 ? "s" : "") : "no regression").append("\n\n");
            b.append(String.format(Locale.ROOT, "Base `%s` → head `%s` (%s) · threshold %s · confidence %s · "
                            + "%d compared: %d regression, %d improvement, %d no change, %d inconclusive%n%n",
                    c.base().label(), c.head().label(), forks(c) + (s.paired() ? ", paired by round" : ""),
                    RowVerdict.percent(s.threshold()),
                    RowVerdict.percent(s.confidence()), c.verdicts().size(), reg, c.count(GateVerdict.IMPROVEMENT),
                    c.count(GateVerdict.NO_CHANGE), inc));
            for (String n : c.notes()) {
                b.append("> ").append(n).append("\n");
            }
            if (!c.notes().isEmpty()) {
                b.append('\n');
            }
            String level = RowVerdict.percent(s.confidence());
            b.append("| Verdict | Benchmark | Base | Head | Head/base | ").append(level)
                    .append(" interval | p (U test) | Why |\n");
            b.append("|---|---|--:|--:|--:|---|--:|---|\n");
            for (RowVerdict v : c.verdicts()) {
                String verdict = v.verdict() == GateVerdict.REGRESSION ? "**regression**" : v.verdict().label();
                String name = v.name() + ("allocation".equals(v.metric()) ? " · allocation" : "");
                b.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s (%s) | %s | %s | %s |%n", verdict,
                        name.replace("|", "\\|"), value(v.base().median(), v.unit()), value(v.head().median(), v.unit()),
                        ratio(v.ratio()), change(v), Double.isNaN(v.low()) ? "–" : "[" + ratio(v.low()) + ", "
                                + ratio(v.high()) + "]", p(v.pValue()), v.reason()));
            }
            onlyOn(b, "Only in base (missing from head)", c.onlyInBase());
            onlyOn(b, "Only in head (new rows)", c.onlyInHead());
            b.append("\n<details><summary>How the gate decides</summary>\n\n")
                    .append("Each row compares every measurement iteration of every fork (values are medians). A row ")
                    .append("is a **regression** when ")
                    .append(s.paired() ? "the whole " + level + " interval of the ratio (t over the log ratios of the "
                            + "forks paired by round, so a slow phase both forks of a round met cancels; a row whose "
                            + "sides ran unequal rounds is judged unpaired, as below) is more than "
                            : "a Mann-Whitney U test finds the sides differ (p < "
                            + String.format(Locale.ROOT, "%.2g", 1 - s.confidence()) + ") and the whole " + level
                            + " interval of the ratio (Welch's t over the log of each fork's median: the fork is the "
                            + "unit) is more than ").append(RowVerdict.percent(s.threshold()))
                    .append(" worse; **improvement** likewise, better. **Inconclusive**: too few forks or samples, or ")
                    .append("the interval straddles the threshold. Time per operation: lower is better; throughput: ")
                    .append("higher is better. Exit code 1 on any regression (also on inconclusive with --strict).\n")
                    .append("</details>\n");
            return b.toString();
        }
    },
    JSON {
        @Override
        public String render(Comparison c) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("formatVersion", 1);
            root.put("threshold", c.settings().threshold());
            root.put("confidence", c.settings().confidence());
            root.put("interval", c.settings().paired() ? "t over the log ratio of each round's pair of fork medians"
                    : "Welch t over the log of each fork's median");
            side(root.putObject("base"), c.base());
            side(root.putObject("head"), c.head());
            ObjectNode counts = root.putObject("counts");
            for (GateVerdict v : GateVerdict.values()) {
                counts.put(v.label(), c.count(v));
            }
            ArrayNode rows = root.putArray("rows");
            for (RowVerdict v : c.verdicts()) {
                ObjectNode r = rows.addObject();
                r.put("name", v.name());
                r.put("metric", v.metric());
                r.put("unit", v.unit().canonical());
                r.put("lowerIsBetter", v.unit().lowerIsBetter());
                r.put("verdict", v.verdict().label());
                r.put("reason", v.reason());
                r.put("ratio", v.ratio());
                r.put("costChange", v.costChange());
                putNumber(r, "intervalLow", v.low());
                putNumber(r, "intervalHigh", v.high());
                putNumber(r, "pValue", v.pValue());
                stats(r.putObject("baseStats"), v.base());
                stats(r.putObject("headStats"), v.head());
            }
            ArrayNode ob = root.putArray("onlyInBase");
            c.onlyInBase().forEach(ob::add);
            ArrayNode oh = root.putArray("onlyInHead");
            c.onlyInHead().forEach(oh::add);
            ArrayNode notes = root.putArray("notes");
            c.notes().forEach(notes::add);
            try {
                return MAPPER.writeValueAsString(root) + "\n";
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    };

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public abstract String render(Comparison c);

    public static SummaryFormat parse(String name) {
        for (SummaryFormat f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (choose md or json)");
    }

    private static String forks(Comparison c) {
        String b = range(c.base().forkRange());
        String h = range(c.head().forkRange());
        return b.equals(h) ? b + " forks a side" : "forks: base " + b + ", head " + h;
    }

    private static String range(int[] r) {
        return r[0] == r[1] ? String.valueOf(r[0]) : r[0] + "–" + r[1];
    }

    private static void onlyOn(StringBuilder b, String title, List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        b.append("\n**").append(title).append("** (").append(names.size()).append("):\n\n");
        for (String n : names) {
            b.append("- ").append(n).append('\n');
        }
    }

    static String value(double v, Unit u) {
        String n;
        double a = Math.abs(v);
        if (a >= 1000) {
            n = String.format(Locale.ROOT, "%,.0f", v);
        } else if (a >= 100) {
            n = String.format(Locale.ROOT, "%.1f", v);
        } else if (a >= 1) {
            n = String.format(Locale.ROOT, "%.2f", v);
        } else {
            n = String.format(Locale.ROOT, "%.3g", v);
        }
        return n + " " + u.canonical();
    }

    private static String ratio(double r) {
        return String.format(Locale.ROOT, "%.3f", r);
    }

    private static String change(RowVerdict v) {
        double c = v.costChange() * 100;
        if (Math.abs(c) < 0.05) {
            return "±0.0%";
        }
        return String.format(Locale.ROOT, "%+.1f%% %s", c, c > 0 ? "worse" : "better");
    }

    private static String p(double p) {
        if (Double.isNaN(p)) {
            return "–";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static void side(ObjectNode o, RunSet r) {
        o.put("source", r.source());
        o.put("commit", r.commit());
        if (r.dirty() != null) {
            o.put("dirty", r.dirty());
        }
        o.put("profile", r.profile());
        o.put("slowdownPercent", r.slowdownPercent());
    }

    private static void stats(ObjectNode o, Series s) {
        o.put("forks", s.forkCount());
        o.put("values", s.size());
        o.put("median", s.median());
        o.put("mean", s.mean());
        putNumber(o, "error", s.error());
    }

    private static void putNumber(ObjectNode o, String field, double v) {
        if (Double.isNaN(v)) {
            o.putNull(field);
        } else {
            o.put(field, v);
        }
    }
}
