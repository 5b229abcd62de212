package org.authbench.regress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.authbench.runfiles.JmhRow;

/**
 * The head run's numbers in formats other trackers read, so a project can keep a history there too:
 * github-action-benchmark's {@code customBiggerIsBetter} and {@code customSmallerIsBetter} (a JSON array of
 * {@code {name, unit, value, range, extra}}) and Bencher's BMF JSON. Values are JMH's score and error (the
 * mean and the 99.9% half-width) recomputed from the raw data, so merged rounds export correctly.
 *
 * <p>github-action-benchmark wants one direction per file, so each format converts: a throughput becomes
 * ns/op for {@code github-smaller}, a time per operation becomes ops/s for {@code github-bigger}.
 * Allocation (B/op) has no bigger-is-better form and is left out of {@code github-bigger}.
 */
public enum Export {
    GITHUB_BIGGER("github-bigger") {
        @Override
        public Result render(Comparison c) {
            return github(c, false);
        }
    },
    GITHUB_SMALLER("github-smaller") {
        @Override
        public Result render(Comparison c) {
            return github(c, true);
        }
    },
    BENCHER("bencher") {
        @Override
        public Result render(Comparison c) {
            ObjectNode root = SummaryFormat.MAPPER.createObjectNode();
            for (List<JmhRow> r : c.head().rows().values()) {
                ObjectNode bench = root.putObject(c.head().name(r));
                Series primary = RunSet.primary(r);
                Series allocation = RunSet.allocation(r);
                // Bencher's built-in measures: latency in ns and throughput in ops/s.
                measure(bench, primary.unit().isThroughput() ? "throughput" : "latency", primary);
                if (allocation != null) {
                    measure(bench, "allocation", allocation);
                }
            }
            return new Result(write(root), List.of());
        }
    };

    /**
     * A rendered export.
     *
     * @param json    the file's content
     * @param skipped what the format could not hold, to tell the user
     */
    public record Result(String json, List<String> skipped) {
    }

    private final String cliName;

    Export(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public abstract Result render(Comparison c);

    public static Export parse(String name) {
        for (Export e : values()) {
            if (e.cliName.equalsIgnoreCase(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown export '" + name + "' (choose github-bigger, github-smaller or bencher)");
    }

    private static Result github(Comparison c, boolean smallerIsBetter) {
        ArrayNode out = SummaryFormat.MAPPER.createArrayNode();
        List<String> skipped = new ArrayList<>();
        for (List<JmhRow> r : c.head().rows().values()) {
            String name = c.head().name(r);
            Series allocation = RunSet.allocation(r);
            githubEntry(out, name, oriented(RunSet.primary(r), smallerIsBetter));
            if (allocation != null) {
                if (smallerIsBetter) {
                    githubEntry(out, name + " · allocation", allocation);
                } else {
                    skipped.add(name + " · allocation");
                }
            }
        }
        return new Result(write(out), skipped);
    }

    /** A time series expressed as throughput, or the reverse, to suit one direction. */
    private static Series oriented(Series s, boolean smallerIsBetter) {
        if (smallerIsBetter && s.unit().isThroughput()) {
            return s.map(new Unit("ns/op", true, 1.0), v -> 1e9 / v);
        }
        if (!smallerIsBetter && s.unit().isTime()) {
            return s.map(new Unit("ops/s", false, 1.0), v -> 1e9 / v);
        }
        return s;
    }

    private static void githubEntry(ArrayNode out, String name, Series s) {
        ObjectNode e = out.addObject();
        e.put("name", name);
        e.put("unit", s.unit().canonical());
        e.put("value", s.mean());
        double err = s.error();
        if (!Double.isNaN(err)) {
            e.put("range", String.format(Locale.ROOT, "± %.4g", err));
        }
        e.put("extra", String.format(Locale.ROOT, "median %.6g; %d forks, %d iterations", s.median(), s.forkCount(),
                s.size()));
    }

    private static void measure(ObjectNode bench, String slug, Series s) {
        ObjectNode m = bench.putObject(slug);
        double mean = s.mean();
        double err = s.error();
        m.put("value", mean);
        if (!Double.isNaN(err)) {
            m.put("lower_value", mean - err);
            m.put("upper_value", mean + err);
        }
    }

    private static String write(Object node) {
        try {
            return SummaryFormat.MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
