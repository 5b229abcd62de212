package org.authbench.runfiles;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/** Parsing shared by every run-file reader: one-line errors, JMH's "NaN" strings, format-version checks. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static JsonNode parse(Path file) {
        try {
            JsonNode n = MAPPER.readTree(file.toFile());
            if (n == null || n.isMissingNode()) {
                throw new RunFileException(file + " is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new RunFileException(file + " is not valid JSON (truncated?)" + where + ": "
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new RunFileException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** An authbench file's object, refused when it has no {@code formatVersion} or a newer one than {@code known}. */
    static JsonNode versioned(Path file, JsonNode n, int known) {
        if (!n.isObject() || !n.path("formatVersion").canConvertToInt()) {
            throw new RunFileException(file + " is not an authbench file (no formatVersion)");
        }
        int v = n.get("formatVersion").asInt();
        if (v < 1 || v > known) {
            throw new RunFileException(file + " has formatVersion " + v + "; this authbench reads up to " + known);
        }
        return n;
    }

    /** JMH writes "NaN" (a string) where it could not compute a number; absent is NaN too. */
    static double number(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return Double.NaN;
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        try {
            return Double.parseDouble(v.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A measured value, which must be a number or one of JMH's number strings ("NaN", "Infinity"). */
    static double strictNumber(JsonNode v, String where) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText());
            } catch (NumberFormatException ignored) {
                // fall through to the error
            }
        }
        throw new RunFileException(where + ": raw value " + v + " is not a number");
    }

    static String kind(JsonNode n) {
        return n.isObject() ? "an object" : n.isArray() ? "an array" : n.isTextual() ? "a string"
                : n.getNodeType().toString().toLowerCase(Locale.ROOT);
    }
}
