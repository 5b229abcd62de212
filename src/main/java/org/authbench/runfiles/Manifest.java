package org.authbench.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code manifest.json} of a run folder as read back: what ran, where, from which commit and how it ended.
 * {@link RunManifest} writes it. Text fields are null when the file does not have them.
 *
 * @param commit           full git commit; {@code shortCommit} its abbreviation
 * @param dirty            whether the tree had uncommitted changes (null when unknown)
 * @param selftest         the {@code selftest} object as written (JSON), or null when the run was not a self-test
 * @param slowdownPercent  the CI self-test slowdown the run was made with (0 when off)
 * @param notSupported     library × algorithm pairs left out ({@code "AUTH0 EdDSA"}) → why, in file order
 * @param storesSkipped    store tier → why it was skipped
 * @param providersSkipped JCA provider → why it could not load in the JVM that started the run
 * @param providersChecked each fork's record of the provider that served its algorithm
 * @param jca              JCA provider per algorithm in the JVM that started the run
 * @param libraries        artifact → version, read from the classpath
 * @param storeCatalogue   the store tiers as the run described them; {@link FormatOne#STORE_CATALOGUE} when it did not
 * @param facts            every other fact, flattened to dotted keys, for the environment table
 * @param hostNoise        the host's own speed measured beside the run, or null (older runs)
 * @param precisionTarget  the relative half-width the run aimed for (0.03 for 3%), or null when it recorded none
 * @param cpuModel         the CPU that made the absolute figures, or null when unknown
 * @param libraryLayers    library → the library it is built on, when the suite measures both (a framework over its JOSE
 *                         library); empty for runs that did not record it
 * @param steadyState      whether the run's warmup ends by the steady-state test ({@code warmupEnd: "steady-state"}):
 *                         its estimates read each fork from its first steady iteration; false for older runs, whose
 *                         reports stay as they were
 */
public record Manifest(int formatVersion, String profile, String status, String startedAt, String endedAt,
        String commit, String shortCommit, Boolean dirty, String selftest, int slowdownPercent, int failedRows,
        Map<String, String> notSupported, List<String> storesRan, Map<String, String> storesSkipped,
        Map<String, String> providersSkipped, List<ProviderCheck> providersChecked, List<JcaEntry> jca,
        Map<String, String> libraries, int logicalCores, int availableProcessors, List<StoreTier> storeCatalogue,
        List<Fact> facts, HostNoise hostNoise, Double precisionTarget, String cpuModel,
        Map<String, String> libraryLayers, boolean steadyState) {

    /**
     * A fixed calibration workload timed between forks, and the share of CPU time the hypervisor stole.
     *
     * @param readings   how many times the workload ran
     * @param medianMs   its median time
     * @param spread     slowest over fastest reading (1.07: the host's speed moved 7% during the run)
     * @param stealShare stolen CPU time over all CPU time during the run
     */
    public record HostNoise(int readings, double medianMs, double spread, double stealShare) {

        /** How far the host's own speed moved, as a fraction ({@code spread - 1}). */
        public double moved() {
            return spread - 1;
        }

        /** True when the host moved more than the run's target relative half-width. */
        public boolean tooNoisyFor(double relativePrecision) {
            return moved() > relativePrecision;
        }
    }

    /**
     * One fork's record of its JCA provider.
     *
     * @param library null for benchmarks without one (the crypto floors)
     * @param status  {@code ok}, {@code unavailable} or {@code unsupported}
     * @param served  JCA name → the provider that served it
     * @param forks   how many forks recorded exactly this
     */
    public record ProviderCheck(String benchmark, String library, String alg, String provider, String status,
            String reason, String jdkVersion, Map<String, String> served, int forks) {

        public boolean ok() {
            return "ok".equals(status);
        }
    }

    /** The JCA provider the starting JVM resolved for one of the suite's algorithms. */
    public record JcaEntry(String name, String algorithm, String provider) {
    }

    /**
     * A store tier as the run describes it.
     *
     * @param store    the {@code store} parameter, e.g. {@code REDIS}
     * @param label    what a reader calls it, e.g. {@code Redis}
     * @param database whether a lookup goes through a database client (its cost includes waiting on a server)
     */
    public record StoreTier(String store, String label, boolean database) {
    }

    /** One line of the environment table. */
    public record Fact(String key, String value) {
    }

    /** Manifest fields the environment table shows elsewhere, or not at all. */
    private static final Set<String> NOT_FACTS = Set.of("libraries", "jca", "providers", "storeCatalogue", "libraryLayers");

    public boolean finished() {
        return "finished".equals(status);
    }

    /** Logical cores of the run's machine, or 0 when unknown. */
    public int cores() {
        return logicalCores > 0 ? logicalCores : availableProcessors;
    }

    /** {@code runDir}'s manifest, or null when it has none; a foreign or newer file fails with one line. */
    public static Manifest read(Path runDir) {
        Path file = runDir.resolve(RunFiles.MANIFEST);
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode m = Json.versioned(file, Json.parse(file), RunFiles.MANIFEST_FORMAT);
        JsonNode git = m.path("git");
        JsonNode providers = m.path("providers");
        List<ProviderCheck> checked = new ArrayList<>();
        for (JsonNode c : providers.path("checked")) {
            checked.add(new ProviderCheck(c.path("benchmark").asText(), c.hasNonNull("library")
                    ? c.path("library").asText() : null, c.path("alg").asText(), c.path("provider").asText(),
                    c.path("status").asText(), c.path("reason").asText(), c.path("jdkVersion").asText(),
                    texts(c.path("served")), c.path("forks").asInt(1)));
        }
        List<JcaEntry> jca = new ArrayList<>();
        m.path("jca").fields().forEachRemaining(e -> jca.add(new JcaEntry(e.getKey(),
                e.getValue().path("algorithm").asText(""), e.getValue().path("provider").asText(e.getValue().asText()))));
        List<String> storesRan = new ArrayList<>();
        m.path("stores").path("ran").forEach(s -> storesRan.add(s.asText()));
        List<StoreTier> catalogue = new ArrayList<>();
        for (JsonNode t : m.path("storeCatalogue")) {
            catalogue.add(new StoreTier(t.path("store").asText(), t.path("label").asText(), t.path("database").asBoolean()));
        }
        List<Fact> facts = new ArrayList<>();
        m.fields().forEachRemaining(e -> {
            if (!NOT_FACTS.contains(e.getKey())) {
                flatten(e.getKey(), e.getValue(), facts);
            }
        });
        JsonNode dirty = git.path("dirty");
        return new Manifest(m.get("formatVersion").asInt(), text(m.path("profile")), text(m.path("status")),
                text(m.path("startedAt")), text(m.path("endedAt")), text(git.path("commit")),
                text(git.path("shortCommit")), dirty.isBoolean() ? dirty.asBoolean() : null,
                m.has("selftest") ? m.get("selftest").toString() : null,
                m.path("selftest").path("slowdownPercent").asInt(0), m.path("failedRows").size(),
                texts(m.path("notSupported")), List.copyOf(storesRan), texts(m.path("stores").path("skipped")),
                texts(providers.path("skipped")), List.copyOf(checked), List.copyOf(jca), texts(m.path("libraries")),
                m.path("cpu").path("logicalCores").asInt(0), m.path("os").path("availableProcessors").asInt(0),
                catalogue.isEmpty() ? FormatOne.STORE_CATALOGUE : List.copyOf(catalogue), List.copyOf(facts),
                hostNoise(m.path("hostNoise")), m.path("precisionTarget").isNumber()
                        ? m.path("precisionTarget").asDouble() : null, text(m.path("cpu").path("model")),
                texts(m.path("libraryLayers")), RunFiles.STEADY_STATE.equals(m.path("warmupEnd").asText()));
    }

    private static HostNoise hostNoise(JsonNode n) {
        if (!n.isObject() || !n.path("spread").isNumber()) {
            return null;
        }
        return new HostNoise(n.path("readings").asInt(0), n.path("medianMs").asDouble(Double.NaN),
                n.path("spread").asDouble(), n.path("stealShare").asDouble(0));
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static Map<String, String> texts(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return Collections.unmodifiableMap(out);
    }

    private static void flatten(String key, JsonNode v, List<Fact> out) {
        if (v.isObject()) {
            if (v.isEmpty()) {
                out.add(new Fact(key, "—"));
            }
            v.fields().forEachRemaining(e -> flatten(key + "." + e.getKey(), e.getValue(), out));
        } else if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) {
                parts.add(x.isValueNode() ? x.asText() : x.toString());
            }
            out.add(new Fact(key, parts.isEmpty() ? "—" : String.join(" ", parts)));
        } else {
            out.add(new Fact(key, v.isNull() ? "—" : v.asText()));
        }
    }
}
