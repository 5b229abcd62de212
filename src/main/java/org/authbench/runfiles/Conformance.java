package org.authbench.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code conformance.json} as {@code authbench conformance} (and the end of {@code run}) writes it: per library,
 * a tally per case family and the robustness result; every false accept with its case.
 *
 * @param seed      the hostile corpus's seed as written ("?" when absent)
 * @param fuzzCases random and mutated tokens per library as written ("0" when absent)
 */
public record Conformance(String seed, String fuzzCases, List<String> families, List<Library> libraries,
        List<FalseAccept> falseAccepts) {

    /**
     * One library's results.
     *
     * @param families   family → tally; null where the family does not apply to the library
     * @param robustness null when the robustness corpus did not run for it
     */
    public record Library(String library, String version, Map<String, Tally> families, Robustness robustness,
            String totalFalseAccepts) {
    }

    public record Tally(int correct, int falseAccepts, int falseRejects, int notApplicable, int errors) {
    }

    public record Robustness(int falseAccepts, int errors, int timeouts, double slowestRejectionMillis) {
    }

    public record FalseAccept(String library, String version, String family, String caseId, String comment) {
    }

    /** Total false accepts of a library (case-insensitive name), or null when it was not checked. */
    public String totalFalseAccepts(String library) {
        for (Library l : libraries) {
            if (l.library().equalsIgnoreCase(library)) {
                return l.totalFalseAccepts();
            }
        }
        return null;
    }

    /** {@code runDir}'s conformance results, or null when it has none. */
    public static Conformance read(Path runDir) {
        Path file = runDir.resolve(RunFiles.CONFORMANCE);
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode c = Json.versioned(file, Json.parse(file), RunFiles.CONFORMANCE_FORMAT);
        if (!c.path("libraries").isArray()) {
            throw new RunFileException(file + " has no \"libraries\" array");
        }
        List<String> families = new ArrayList<>();
        c.path("families").forEach(f -> families.add(f.asText()));
        List<Library> libraries = new ArrayList<>();
        for (JsonNode l : c.path("libraries")) {
            Map<String, Tally> tallies = new LinkedHashMap<>();
            for (String f : families) {
                JsonNode t = l.path("families").path(f);
                tallies.put(f, t.isMissingNode() || t.isNull() || t.hasNonNull("cannotTake") ? null
                        : new Tally(t.path("correct").asInt(), t.path("falseAccepts").asInt(),
                                t.path("falseRejects").asInt(), t.path("notApplicable").asInt(), t.path("errors").asInt()));
            }
            JsonNode rb = l.path("robustness");
            Robustness robustness = rb.isMissingNode() || rb.isNull() || rb.path("cases").asInt() == 0 ? null
                    : new Robustness(rb.path("falseAccepts").asInt(), rb.path("errors").asInt(),
                            rb.path("timeouts").asInt(), rb.path("slowestRejectionMillis").asDouble());
            libraries.add(new Library(l.path("library").asText(), l.path("version").asText(),
                    Collections.unmodifiableMap(tallies), robustness, l.path("totalFalseAccepts").asText("0")));
        }
        List<FalseAccept> falseAccepts = new ArrayList<>();
        for (JsonNode f : c.path("falseAccepts")) {
            falseAccepts.add(new FalseAccept(f.path("library").asText(), f.path("version").asText(),
                    f.path("family").asText(), f.path("caseId").asText(), f.path("comment").asText()));
        }
        return new Conformance(c.path("seed").asText("?"), c.path("fuzzCases").asText("0"), List.copyOf(families),
                List.copyOf(libraries), List.copyOf(falseAccepts));
    }
}
