package org.authbench.conformance;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The result of a conformance run, as written to {@code conformance.json} (and rendered by
 * {@link MarkdownReport}). Counts per library × family; every false accept listed with its case id and the
 * library version; robustness per library.
 *
 * @param seed the seed of the hostile corpus and the robustness tokens ({@code --seed} replays them)
 * @param verdictBoundMillis the most any single verdict may take; a case that overruns is a timeout
 */
public record ConformanceReport(
        int formatVersion,
        String generatedAt,
        long seed,
        int fuzzCases,
        long verdictBoundMillis,
        List<String> families,
        List<Row> libraries,
        List<Finding> falseAccepts,
        List<Finding> falseRejects,
        List<Finding> errors,
        List<Finding> notes) {

    public static final int FORMAT_VERSION = 1;

    /**
     * One library: its counts per family (by {@link Family#label()}) and its robustness. When its adapter is
     * {@code unavailable}, only the raw-signature families (which use the library, not the adapter) have counts.
     */
    public record Row(String library, String version, String unavailable, Map<String, Tally> families,
            Robustness robustness) {

        /** All false accepts of this library, every family and robustness: what a ranking table marks. */
        @JsonProperty("totalFalseAccepts")
        public int totalFalseAccepts() {
            int n = families.values().stream().mapToInt(Tally::falseAccepts).sum();
            return n + (robustness == null ? 0 : robustness.falseAccepts());
        }
    }

    /**
     * Counts for one library × family. {@code acceptable} cases (either outcome fine) are counted apart from
     * {@code correct}, with how many of them were accepted.
     *
     * @param cannotTake why this library cannot take the family at all, or null
     */
    public record Tally(int cases, int correct, int falseAccepts, int falseRejects, int notApplicable, int errors,
            int acceptable, int acceptableAccepted, String cannotTake) {
    }

    /**
     * Robustness: random and mutated tokens. {@code accepted} counts only tokens that may be accepted (signed,
     * valid claims); an accepted token that must be refused is a false accept. The slowest rejection is given
     * over all tokens and over tokens of at most {@link #HEADER_SIZED} characters, the size an HTTP server lets
     * through in a header, which is what attack traffic can actually send; for those also the median and 99th
     * percentile (single slowest values include JIT compilation and GC pauses).
     */
    public record Robustness(int cases, int accepted, int rejected, int falseAccepts, int errors, int timeouts,
            double slowestRejectionMillis, String slowestRejectionCase, double slowestHeaderSizedRejectionMillis,
            String slowestHeaderSizedRejectionCase, double meanRejectionMicros, double headerSizedRejectionP50Micros,
            double headerSizedRejectionP99Micros) {

        public static final int HEADER_SIZED = 8192;

        public boolean clean() {
            return falseAccepts == 0 && errors == 0 && timeouts == 0;
        }
    }

    /** A case worth naming: a false accept, a false reject, an error, or a reported outcome (372/373). */
    public record Finding(String library, String version, String family, String caseId, String comment,
            String detail) {
    }

    /** Rows for the libraries that ran. */
    public Row row(String library) {
        return libraries.stream().filter(r -> r.library().equals(library)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no row " + library));
    }

    /** True when nothing in the run is a security finding or a robustness failure. */
    public boolean clean() {
        return falseAccepts.isEmpty()
                && libraries.stream().allMatch(r -> r.robustness() == null || r.robustness().clean());
    }
}
