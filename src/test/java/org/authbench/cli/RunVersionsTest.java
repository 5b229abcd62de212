package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.bench.LibraryVersions;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version axis through {@code run}: one row on the shipped vert.x and the same row on the other built version, each
 * in its own fork whose classpath puts that version first, recorded in the manifest and set side by side in the report.
 * Its numbers are not looked at.
 */
class RunVersionsTest {

    @TempDir
    Path out;

    @BeforeAll
    static void shareTheMachine() {
        Cli.ignoreJmhLock();
    }

    @Test
    void aVersionsRunMeasuresTheRowOnBothVersionsAndReportsThemSideBySide() throws IOException {
        LibraryVersions.Alternate other = LibraryVersions.built(JwtLibrary.VERTX, LibraryVersions.root()).get(0);
        Cli.Result r = Cli.run("run", "--profile", "versions", "--param", "library=VERTX", "--param", "alg=HS256",
                "--threads", "1", "--forks", "1", "--no-conformance", "--out", out.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("also on " + other.label());
        Path run;
        try (Stream<Path> s = Files.list(out)) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        ObjectMapper json = new ObjectMapper();
        JsonNode rows = json.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(rows).hasSize(2);
        List<String> versions = new ArrayList<>();
        for (JsonNode row : rows) {
            assertThat(row.get("params").get("library").asText()).isEqualTo("VERTX");
            String v = null;
            for (JsonNode a : row.get("jvmArgs")) {
                if (a.asText().startsWith("-D" + LibraryVersions.PROPERTY + "=")) {
                    v = a.asText().substring(a.asText().indexOf('=') + 1);
                }
            }
            versions.add(v);
        }
        assertThat(versions).containsExactlyInAnyOrder(null, other.property());
        JsonNode manifest = json.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("libraryVersions").get(other.coordinates())).extracting(JsonNode::asText)
                .containsExactly(other.version());
        String report = Files.readString(run.resolve("report.md"));
        assertThat(report).contains("## Library versions", "| VERTX | HS256 | 1 | avgt | vertx-auth-jwt | "
                + LibraryVersions.loaded(JwtLibrary.VERTX) + " |");
    }
}
