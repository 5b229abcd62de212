package org.authbench.regress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;
import org.authbench.cli.Main;
import picocli.CommandLine;

/** One CLI invocation with its exit code and captured output, and the synthetic fixtures' location. */
record CliRun(int exit, String out, String err) {

    static final ObjectMapper JSON = new ObjectMapper();

    static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verdict row whose name contains {@code fragment} (and, for allocation, that metric). */
    JsonNode row(String fragment, String metric) {
        for (JsonNode r : json().get("rows")) {
            if (r.get("name").asText().contains(fragment) && r.get("metric").asText().equals(metric)) {
                return r;
            }
        }
        throw new AssertionError("no " + metric + " row containing '" + fragment + "' in\n" + out);
    }

    static String fixture(String name) {
        try {
            return Path.of(Objects.requireNonNull(CliRun.class.getResource("/regress/" + name), name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
