package org.authbench.runfiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code network.json}: how a run put a network round trip between the suite and its remote stores, and what that
 * injector was measured to do. Written by the run before its benchmarks (the calibration runs every run), read by
 * the report. Benchmark rows name their setting with the JMH parameter {@code rtt}; this file says whether each
 * setting was held.
 *
 * @param injector        {@code netcrusher}, {@code netem}, ...: what added the delay
 * @param injectorVersion its version (library version, or the kernel's for netem)
 * @param injectorWhy     why this injector and not another (e.g. "this kernel has no netem qdisc")
 * @param settings        one calibration per store and round-trip setting, {@code 0us} included (the A/A)
 * @param storeCost       per store ({@code REDIS}, {@code POSTGRES}): the server's CPU per lookup, measured from the server
 * @param skipped         setting or store → why it was not run
 */
public record Network(String injector, String injectorVersion, String injectorWhy, List<Setting> settings,
        Map<String, StoreCost> storeCost, Map<String, String> skipped) {

    public static final int FORMAT = 1;

    /**
     * One calibration: a ping-sized request ({@code PING}, {@code SELECT 1}) timed {@code samples} times directly and
     * through the injector at this setting.
     *
     * @param store       {@code REDIS} or {@code POSTGRES}
     * @param rtt         the setting as the {@code rtt} parameter spells it ({@code 0us}, {@code 500us}, {@code 2ms})
     * @param targetMicros the round trip asked for, µs
     * @param direct      the request without the injector
     * @param through     the request through the injector
     * @param held        whether {@code through.p50 - direct.p50} is within 10% of the target (for 0us: the injector's
     *                    own overhead, always "held")
     * @param proxyDelayMicros the round-trip delay the injector was set to so that it adds the target (the closed-loop
     *                    calibration takes off what the injector adds by itself); the target when not corrected
     */
    public record Setting(String store, String rtt, double targetMicros, Percentiles direct, Percentiles through,
            boolean held, double proxyDelayMicros) {

        /** A setting whose injector ran at its nominal delay. */
        public Setting(String store, String rtt, double targetMicros, Percentiles direct, Percentiles through,
                boolean held) {
            this(store, rtt, targetMicros, direct, through, held, targetMicros);
        }

        /** The round trip the injector added at p50, µs. */
        public double addedP50Micros() {
            return through.p50Micros() - direct.p50Micros();
        }

        /** The round trip the injector added at p99, µs. */
        public double addedP99Micros() {
            return through.p99Micros() - direct.p99Micros();
        }
    }

    /** Percentiles of one timed request, µs. */
    public record Percentiles(long samples, double p50Micros, double p99Micros, double p999Micros) {
    }

    /**
     * Server-side cost of one lookup.
     *
     * @param cpuMicrosPerLookup server CPU time (user + system) per lookup, µs
     * @param lookups            lookups timed
     * @param source             how it was read (e.g. "Redis INFO cpu used_cpu_user+used_cpu_sys")
     */
    public record StoreCost(double cpuMicrosPerLookup, long lookups, String source) {
    }

    /** The file in {@code runDir}, or null when the run injected no round trip. */
    public static Network read(Path runDir) {
        Path file = runDir.resolve(RunFiles.NETWORK);
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode n = Json.versioned(file, Json.parse(file), FORMAT);
        String where = file + ":";
        List<Setting> settings = new ArrayList<>();
        for (JsonNode s : n.path("settings")) {
            String at = where + " setting " + s.path("store").asText("?") + " " + s.path("rtt").asText("?");
            if (!s.path("store").isTextual() || !s.path("rtt").isTextual()) {
                throw new RunFileException(at + " has no store or rtt");
            }
            double target = number(s, "targetMicros", at);
            settings.add(new Setting(s.get("store").asText(), s.get("rtt").asText(), target,
                    percentiles(s.get("direct"), at + " direct"), percentiles(s.get("through"), at + " through"),
                    s.path("held").asBoolean(false), s.path("proxyDelayMicros").isNumber()
                            ? s.get("proxyDelayMicros").asDouble() : target));
        }
        Map<String, StoreCost> cost = new LinkedHashMap<>();
        n.path("storeCost").fields().forEachRemaining(e -> cost.put(e.getKey(), new StoreCost(
                number(e.getValue(), "cpuMicrosPerLookup", where + " storeCost " + e.getKey()),
                e.getValue().path("lookups").asLong(), e.getValue().path("source").asText(""))));
        Map<String, String> skipped = new LinkedHashMap<>();
        n.path("skipped").fields().forEachRemaining(e -> skipped.put(e.getKey(), e.getValue().asText()));
        return new Network(n.path("injector").asText(""), n.path("injectorVersion").asText(""),
                n.path("injectorWhy").asText(""), List.copyOf(settings), cost, skipped);
    }

    /** Writes this as {@code network.json} in {@code runDir} (atomically: a stopped run never leaves half a file). */
    public void write(Path runDir) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("formatVersion", FORMAT);
        out.put("injector", injector);
        out.put("injectorVersion", injectorVersion);
        out.put("injectorWhy", injectorWhy);
        out.put("settings", settings);
        out.put("storeCost", storeCost);
        out.put("skipped", skipped);
        byte[] bytes = Json.MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(out);
        AtomicWrite.write(runDir.resolve(RunFiles.NETWORK), bytes);
    }

    /** The calibration of {@code store} at {@code rtt}, or null. */
    public Setting setting(String store, String rtt) {
        return settings.stream().filter(s -> s.store().equals(store) && s.rtt().equals(rtt)).findFirst().orElse(null);
    }

    private static Percentiles percentiles(JsonNode p, String at) {
        if (p == null || !p.isObject()) {
            throw new RunFileException(at + " is missing");
        }
        return new Percentiles(p.path("samples").asLong(), number(p, "p50Micros", at), number(p, "p99Micros", at),
                number(p, "p999Micros", at));
    }

    private static double number(JsonNode n, String field, String at) {
        JsonNode v = n.get(field);
        if (v == null || !v.isNumber()) {
            throw new RunFileException(at + " has no number \"" + field + "\"");
        }
        return v.asDouble();
    }
}
