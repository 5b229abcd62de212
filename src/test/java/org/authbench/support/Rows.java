package org.authbench.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Finds rows in a JMH result array (as JSON) the way report and gate tests name them: method, parameters, mode, JDK. */
public final class Rows {

    private Rows() {
    }

    /** The first row of {@code method} (e.g. {@code verify_valid}) whose params include all of {@code params}. */
    public static JsonNode find(JsonNode rows, String method, Map<String, String> params) {
        return find(rows, method, null, params, null);
    }

    /** The same, on the JDK whose {@code jdkVersion} is {@code jdk}. */
    public static JsonNode find(JsonNode rows, String method, Map<String, String> params, String jdk) {
        return find(rows, method, null, params, jdk);
    }

    /** The first AverageTime row of {@code method} whose params include all of {@code params}. */
    public static JsonNode avgt(JsonNode rows, String method, Map<String, String> params) {
        return find(rows, method, "avgt", params, null);
    }

    private static JsonNode find(JsonNode rows, String method, String mode, Map<String, String> params, String jdk) {
        for (JsonNode r : rows) {
            boolean match = r.get("benchmark").asText().endsWith("." + method)
                    && (mode == null || mode.equals(r.get("mode").asText()))
                    && (jdk == null || jdk.equals(r.path("jdkVersion").asText()));
            for (Map.Entry<String, String> e : params.entrySet()) {
                match &= e.getValue().equals(r.path("params").path(e.getKey()).asText());
            }
            if (match) {
                return r;
            }
        }
        throw new AssertionError("no " + method + " row" + (mode == null ? "" : " in " + mode) + " with " + params
                + (jdk == null ? "" : " on JDK " + jdk));
    }
}
