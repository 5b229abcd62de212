package org.authbench.regress;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.authbench.runfiles.RunFiles;

/**
 * Run folders of one fork per row, as {@code authbench run --forks 1 --out SIDE} writes them round after round,
 * with numbers whose verdicts are known: steady rows (forks within ±0.2%: no change after two rounds) and noisy
 * ones (forks alternating ±25%, base and head in opposite phase: inconclusive however many rounds run, paired or not).
 */
final class SyntheticRuns {

    static final String VERIFY = "org.authbench.bench.VerifyBenchmark.verify_valid";

    /** A row of the made-up runs; {@code spread} is its fork-to-fork variation as a fraction. */
    record Row(String benchmark, Map<String, String> params, double spread) {

        String name() {
            return benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1) + " "
                    + new TreeMap<>(params).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .reduce((a, b) -> a + " " + b).orElse("") + " (avgt)";
        }
    }

    /** Two libraries × two algorithms; the noisy rows sit on a diagonal, so one --param list cannot hold both. */
    static List<Row> rows(boolean noisy) {
        double n = noisy ? 0.25 : 0.002;
        return List.of(
                new Row(VERIFY, Map.of("library", "NIMBUS", "alg", "HS256", "poolSize", "256"), n),
                new Row(VERIFY, Map.of("library", "NIMBUS", "alg", "RS256", "poolSize", "256"), 0.002),
                new Row(VERIFY, Map.of("library", "REFERENCE", "alg", "HS256", "poolSize", "256"), 0.002),
                new Row(VERIFY, Map.of("library", "REFERENCE", "alg", "RS256", "poolSize", "256"), n));
    }

    private SyntheticRuns() {
    }

    /**
     * Writes the next round's run folder under {@code side} holding the rows {@code wanted} keeps, one fork each,
     * and returns it. The fork's level alternates with the round, so a side's forks spread by the row's spread.
     */
    static Path nextRound(Path side, String commit, List<Row> rows, Predicate<Row> wanted) throws IOException {
        return nextRound(side, commit, rows, 0, wanted);
    }

    /** As above, with the reference verifier's rows {@code slowdown} (a fraction) slower, like the self-test knob. */
    static Path nextRound(Path side, String commit, List<Row> rows, double slowdown, Predicate<Row> wanted)
            throws IOException {
        Files.createDirectories(side);
        int round;
        try (Stream<Path> s = Files.list(side)) {
            round = (int) s.filter(Files::isDirectory).count() + 1;
        }
        Path dir = Files.createDirectory(side.resolve(String.format("round-%02d", round)));
        ArrayNode out = CliRun.JSON.createArrayNode();
        for (Row r : rows) {
            if (!wanted.test(r)) {
                continue;
            }
            // A noisy row's head side swings opposite to its base side, so pairing forks by round cannot cancel it.
            boolean up = (round % 2 == 0) != (r.spread() > 0.01 && "head".equals(String.valueOf(side.getFileName())));
            double level = 1000 * (1 + (up ? r.spread() : -r.spread()))
                    * ("REFERENCE".equals(r.params().get("library")) ? 1 + slowdown : 1);
            ObjectNode row = out.addObject();
            row.put("jmhVersion", "1.37");
            row.put("benchmark", r.benchmark());
            row.put("mode", "avgt");
            row.put("threads", 1);
            row.put("forks", 1);
            row.put("jdkVersion", "17.0.15");
            row.put("measurementIterations", 5);
            ObjectNode params = row.putObject("params");
            r.params().forEach(params::put);
            ObjectNode pm = row.putObject("primaryMetric");
            pm.put("score", level);
            pm.put("scoreUnit", "ns/op");
            ArrayNode iterations = pm.putArray("rawData").addArray();
            for (int i = 0; i < 5; i++) {
                iterations.add(level * (1 + 0.0005 * (i - 2)));
            }
        }
        Files.writeString(dir.resolve(RunFiles.RESULT), out.toString());
        ObjectNode m = CliRun.JSON.createObjectNode();
        m.put("formatVersion", 1);
        m.put("tool", "authbench");
        m.put("profile", "ci");
        m.put("status", "finished");
        m.putObject("git").put("commit", commit).put("shortCommit", commit.substring(0, 7)).put("dirty", false);
        m.putArray("failedRows");
        // The calibration workload's spread, as a real run records it: 12% here, so host noise has a known value.
        m.putObject("hostNoise").put("readings", 3).put("medianMs", 1.5).put("spread", 1.12).put("stealShare", 0.0);
        Files.writeString(dir.resolve(RunFiles.MANIFEST), m.toString());
        return dir;
    }
}
