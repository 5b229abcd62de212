package org.authbench.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code manifest.json} of a run folder: what ran, where, from which commit, and how it ended. Written at
 * the start (status {@code running}) and rewritten atomically as the run proceeds, so an interrupted run
 * still says what it was and that it did not finish. {@link Manifest} reads it back.
 */
public final class RunManifest {

    public static final int FORMAT_VERSION = RunFiles.MANIFEST_FORMAT;
    public static final String FILE = RunFiles.MANIFEST;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root;
    private final Path file;

    private RunManifest(ObjectNode root, Path file) {
        this.root = root;
        this.file = file;
    }

    /**
     * The machine and JVM facts a run records, captured by the caller (this package reads run files and knows
     * nothing of the adapters whose versions it lists).
     */
    public record HostFacts(Map<String, Object> jvm, Map<String, Object> os, Map<String, Object> cpu,
            Map<String, Object> jca, Map<String, String> libraries) {
    }

    /**
     * A new manifest for a run starting now in {@code runDir}; {@code slowdownPercent} is the CI self-test slowdown
     * the run's verifier was given (null or 0 when off).
     */
    public static RunManifest start(Path runDir, String profile, Map<String, Object> git, String[] args,
            HostFacts host, Integer slowdownPercent) {
        ObjectNode r = JSON.createObjectNode();
        r.put("formatVersion", FORMAT_VERSION);
        r.put("warmupEnd", RunFiles.STEADY_STATE);
        r.put("tool", "authbench");
        r.put("profile", profile);
        r.put("status", "running");
        r.put("startedAt", Instant.now().toString());
        r.putNull("endedAt");
        r.set("git", JSON.valueToTree(git));
        ArrayNode a = r.putArray("arguments");
        for (String s : args) {
            a.add(s);
        }
        r.set("jvm", JSON.valueToTree(host.jvm()));
        r.set("os", JSON.valueToTree(host.os()));
        r.set("cpu", JSON.valueToTree(host.cpu()));
        r.set("jca", JSON.valueToTree(host.jca()));
        r.set("libraries", JSON.valueToTree(host.libraries()));
        if (slowdownPercent != null && slowdownPercent != 0) {
            r.putObject("selftest").put("slowdownPercent", slowdownPercent);
        }
        r.putObject("stores").putArray("ran");
        ((ObjectNode) r.get("stores")).putObject("skipped");
        r.putObject("notSupported");
        ObjectNode providers = r.putObject("providers");
        providers.putArray("ran");
        providers.putObject("skipped");
        providers.putArray("checked");
        r.putArray("failedRows");
        return new RunManifest(r, runDir.resolve(FILE));
    }

    /**
     * The manifest of an earlier run in {@code runDir}, to go on writing it ({@code run --resume}); fails with a
     * {@link RunFileException} when the folder holds no readable manifest.
     */
    public static RunManifest reopen(Path runDir) {
        JsonNode n = Json.parse(runDir.resolve(FILE));
        if (!n.isObject() || !"authbench".equals(n.path("tool").asText()) || !n.path("git").isObject()) {
            throw new RunFileException(runDir.resolve(FILE) + " is not an authbench run manifest");
        }
        return new RunManifest((ObjectNode) n, runDir.resolve(FILE));
    }

    public synchronized String profile() {
        return root.path("profile").asText();
    }

    public synchronized String status() {
        return root.path("status").asText();
    }

    /** The full commit the run was built from (empty when git did not say). */
    public synchronized String commit() {
        return root.path("git").path("commit").asText("");
    }

    /** The command line the run started with, subcommand first. */
    public synchronized List<String> arguments() {
        List<String> a = new ArrayList<>();
        root.path("arguments").forEach(x -> a.add(x.asText()));
        return a;
    }

    /** Marks the run as going on again from its folder: status {@code running}, and when each resumption began. */
    public synchronized void resumed() {
        root.put("status", "running");
        root.putNull("endedAt");
        ArrayNode a = root.has("resumed") ? (ArrayNode) root.get("resumed") : root.putArray("resumed");
        a.add(Instant.now().toString());
    }

    /**
     * Another version of a library the run measured beside the shipped one (the one {@code libraries} names):
     * {@code libraryVersions.<group:artifact>} lists them; rows measured on it name it among their JVM arguments.
     */
    public synchronized void otherVersion(String coordinates, String version) {
        ObjectNode all = root.has("libraryVersions") ? (ObjectNode) root.get("libraryVersions") : root.putObject("libraryVersions");
        ArrayNode a = all.has(coordinates) ? (ArrayNode) all.get(coordinates) : all.putArray(coordinates);
        for (JsonNode x : a) {
            if (x.asText().equals(version)) {
                return;
            }
        }
        a.add(version);
    }

    /** A fixed-fork job (by its position in the run's plan) whose rows are all in the results file. */
    public synchronized void jobDone(int index) {
        ArrayNode a = root.has("jobsDone") ? (ArrayNode) root.get("jobsDone") : root.putArray("jobsDone");
        a.add(index);
    }

    public synchronized List<Integer> jobsDone() {
        List<Integer> done = new ArrayList<>();
        root.path("jobsDone").forEach(x -> done.add(x.asInt()));
        return done;
    }

    /**
     * The adaptive design: relative half-width (95%, over fork means) at which a row stops, the fork minimum and cap,
     * and the seed of the shuffled fork order; {@code precisionTarget} at the top level as well, for readers.
     */
    public synchronized void precision(double target, int minForks, int maxForks, long seed, double budgetSeconds) {
        root.put("precisionTarget", target);
        ObjectNode p = root.putObject("precision");
        p.put("target", target).put("confidence", 0.95).put("minForks", minForks).put("maxForks", maxForks).put("seed", seed);
        if (budgetSeconds > 0) {
            p.put("budgetSeconds", budgetSeconds);
        }
        p.putObject("rows");
    }

    /** An adaptive row that stopped short of its target and cap because the run's time budget ran out. */
    public synchronized void precisionOverBudget(String row) {
        JsonNode r = root.path("precision").path("rows").path(row);
        if (r instanceof ObjectNode o) {
            o.put("done", true).put("overBudget", true);
        }
    }

    /** The shuffle seed recorded by {@link #precision}, or null for a run with fixed forks. */
    public synchronized Long precisionSeed() {
        JsonNode s = root.path("precision").path("seed");
        return s.isNumber() ? s.asLong() : null;
    }

    /**
     * Where an adaptive row stands: forks run, measurement iterations its next fork runs, its relative half-width
     * (NaN below two forks: written as null), whether it stopped at the target ({@code done}) and whether it stopped at
     * the cap instead ({@code capped}).
     */
    public synchronized void precisionRow(String row, int forks, int iterations, double halfWidth, boolean done,
            boolean capped) {
        ObjectNode r = ((ObjectNode) root.path("precision").path("rows")).putObject(row);
        r.put("forks", forks);
        r.put("iterations", iterations);
        if (Double.isNaN(halfWidth)) {
            r.putNull("halfWidth");
        } else {
            r.put("halfWidth", halfWidth);
        }
        r.put("done", done).put("capped", capped);
    }

    /** True until {@link #end} says how the run ended. */
    public synchronized boolean running() {
        return "running".equals(root.path("status").asText());
    }

    public synchronized int failedRowCount() {
        return root.get("failedRows").size();
    }

    /** The JVMs the forks were asked to run on ({@code run --jvm}); each result row names its own as well. */
    public synchronized void forkJvms(List<String> javaPaths) {
        ArrayNode a = root.putArray("forkJvms");
        javaPaths.forEach(a::add);
    }

    /** Conformance was not checked at the end of the run, and why. */
    public synchronized void conformanceSkipped(String why) {
        root.putObject("conformance").put("skipped", why);
    }

    /** The conformance check at the end of the run: false accepts found, whether none were, the corpus seed. */
    public synchronized void conformanceChecked(int falseAccepts, boolean clean, long seed) {
        root.putObject("conformance").put("falseAccepts", falseAccepts).put("clean", clean).put("seed", seed);
    }

    public synchronized void storeRan(String store) {
        ((ArrayNode) root.get("stores").get("ran")).add(store);
    }

    public synchronized void storeSkipped(String store, String reason) {
        ((ObjectNode) root.get("stores").get("skipped")).put(store, reason);
    }

    /** A library × algorithm pair left out because the library does not support it ({@code "AUTH0 EdDSA"}). */
    public synchronized void notSupported(String pair, String reason) {
        ((ObjectNode) root.get("notSupported")).put(pair, reason);
    }

    /**
     * The round-trip injector of a run with an {@code rtt} sweep ({@code "network": {injector, version, why, file}});
     * the calibration itself is in {@code network.json}.
     */
    public synchronized void network(String injector, String version, String why, List<String> notHeld) {
        ObjectNode n = root.putObject("network").put("injector", injector).put("injectorVersion", version)
                .put("injectorWhy", why).put("file", RunFiles.NETWORK);
        ArrayNode a = n.putArray("notHeld");
        notHeld.forEach(a::add);
    }

    /** A JCA provider ({@code CryptoProvider} name) the run's rows use. */
    public synchronized void providerRan(String provider) {
        ((ArrayNode) root.get("providers").get("ran")).add(provider);
    }

    /** A requested JCA provider that cannot load in the JVM that starts the run, and why. */
    public synchronized void providerSkipped(String provider, String reason) {
        ((ObjectNode) root.get("providers").get("skipped")).put(provider, reason);
    }

    /**
     * One fork's record of its provider ({@code benchmark}, {@code library}, {@code alg}, {@code provider},
     * {@code status} ok/unavailable/unsupported, {@code reason}, {@code first}, {@code jdkVersion},
     * {@code vmVersion}, {@code served}: JCA name → provider); identical records are counted in {@code forks}.
     */
    public synchronized void providerChecked(ObjectNode record) {
        ArrayNode checked = (ArrayNode) root.get("providers").get("checked");
        for (JsonNode c : checked) {
            ObjectNode without = ((ObjectNode) c).deepCopy();
            without.remove("forks");
            if (without.equals(record)) {
                ((ObjectNode) c).put("forks", c.path("forks").asInt(1) + 1);
                return;
            }
        }
        checked.add(record.deepCopy().put("forks", 1));
    }

    /**
     * The store tiers the suite knows, with the label a reader calls each by and whether its lookup goes through a
     * database client; the report's claims are derived from it ({@link FormatOne} stands in for older runs).
     */
    public synchronized void recordStoreCatalogue(List<Manifest.StoreTier> tiers) {
        ArrayNode a = root.putArray("storeCatalogue");
        for (Manifest.StoreTier t : tiers) {
            a.addObject().put("store", t.store()).put("label", t.label()).put("database", t.database());
        }
    }

    /** Library → the library it is built on (both measured): the report sets each framework against its base. */
    public synchronized void recordLibraryLayers(Map<String, String> layers) {
        ObjectNode o = root.putObject("libraryLayers");
        layers.forEach(o::put);
    }

    /**
     * The host's own noise beside the run so far ({@code env.HostNoise}): calibration readings taken, their median
     * time, slowest / fastest, and the stolen CPU share ({@code null} where the platform does not say).
     */
    public synchronized void hostNoise(int readings, double medianMs, double spread, double stealShare) {
        ObjectNode n = root.putObject("hostNoise");
        n.put("readings", readings);
        n.put("medianMs", medianMs);
        n.put("spread", spread);
        if (Double.isNaN(stealShare)) {
            n.putNull("stealShare");
        } else {
            n.put("stealShare", stealShare);
        }
    }

    public synchronized void rowFailed(String row, String reason) {
        ObjectNode f = ((ArrayNode) root.get("failedRows")).addObject();
        f.put("row", row);
        f.put("reason", reason);
    }

    /**
     * Marks how the run ended ({@code finished}, {@code interrupted}, {@code failed}) and stamps the time; false, and
     * nothing changed, when it has ended already (the first to say how it ended is kept).
     */
    public synchronized boolean end(String status) {
        if (!running()) {
            return false;
        }
        root.put("status", status);
        root.put("endedAt", Instant.now().toString());
        return true;
    }

    public synchronized void write() throws IOException {
        AtomicWrite.write(file, JSON.writeValueAsBytes(root));
    }
}
