package org.authbench.env;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.authbench.runfiles.RunManifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest records CPU facts and the JCA provider of every algorithm, read from this machine. */
class EnvironmentTest {

    @TempDir
    Path tmp;

    @Test
    void manifestRecordsCpuAndJcaProviders() throws Exception {
        RunManifest m = RunManifest.start(tmp, "quick", Map.of("shortCommit", "nogit", "dirty", false), new String[] {"run"},
                new RunManifest.HostFacts(Environment.jvm(), Environment.os(), Environment.cpu(),
                        Environment.jcaProviders(), Environment.libraryVersions()), null);
        m.end("finished");
        m.write();
        JsonNode root = new ObjectMapper().readTree(tmp.resolve(RunManifest.FILE).toFile());
        JsonNode cpu = root.get("cpu");
        assertThat(cpu).isNotNull();
        if (!cpu.has("error")) {
            assertThat(cpu.get("logicalCores").asInt()).isPositive();
            assertThat(cpu.get("model").asText()).isNotBlank();
            assertThat(cpu.get("isaFlags").isArray()).isTrue();
            cpu.get("isaFlags").forEach(f -> assertThat(cpu.get("allFlags").asText().split(" ")).contains(f.asText()));
        }
        for (String alg : new String[] {"HS256", "RS256", "ES256", "API key"}) {
            assertThat(root.path("jca").path(alg).path("provider").asText()).as(alg).isNotBlank()
                    .doesNotStartWith("unavailable");
        }
        assertThat(root.path("jca").path("ES256").path("algorithm").asText()).isEqualTo("SHA256withECDSAinP1363Format");
        assertThat(root.get("status").asText()).isEqualTo("finished");
    }

    @Test
    void everyTrackedLibraryHasAVersionOnTheTestClasspath() {
        Environment.libraryVersions().forEach((artifact, version) ->
                assertThat(version).as(artifact).matches("[0-9][0-9A-Za-z.+-]*"));
    }
}
