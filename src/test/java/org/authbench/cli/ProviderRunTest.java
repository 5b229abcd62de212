package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.authbench.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} with the provider parameter. In a JVM where ACCP cannot load (told to skip its bundled native
 * library), asking for DEFAULT and ACCP skips ACCP with one line and records why, runs DEFAULT's row in a real
 * JMH fork, and merges what that fork checked (HmacSHA256 from SunJCE) into the manifest. Unknown names are bad
 * input.
 */
class ProviderRunTest {

    @TempDir
    Path out;

    @Test
    void anUnavailableProviderIsSkippedWithItsReasonAndTheForksRecordWhatServedThem() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().startsWith("linux"), "ACCP's switch is tested on Linux");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcom.amazon.corretto.crypto.provider.useExternalLib=true", "-D" + Cli.IGNORE_JMH_LOCK + "=true",
                "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--profile", "quick", "--include", "CryptoFloorBenchmark.floor_jwsSignature",
                "--param", "alg=HS256", "--param", "provider=DEFAULT,ACCP", "--no-conformance", "--no-report",
                "--out", out.toString()).redirectErrorStream(true).redirectOutput(out.resolve("cli.log").toFile()).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("run finished").isTrue();
        String log = Files.readString(out.resolve("cli.log"));
        assertThat(log).contains("skipping provider accp: ACCP cannot load here: ");
        Path run;
        try (Stream<Path> s = Files.list(out)) {
            run = s.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        ObjectMapper json = new ObjectMapper();
        assertThat(p.exitValue()).as(log + json.readTree(run.resolve("manifest.json").toFile()).get("failedRows")).isZero();
        JsonNode results = json.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(results).hasSize(1);
        assertThat(results.get(0).get("params").get("provider").asText()).isEqualTo("DEFAULT");
        JsonNode providers = json.readTree(run.resolve("manifest.json").toFile()).get("providers");
        assertThat(providers.get("ran")).extracting(JsonNode::asText).containsExactly("DEFAULT");
        assertThat(providers.get("skipped").get("ACCP").asText()).startsWith("ACCP cannot load here: ");
        assertThat(providers.get("checked")).hasSize(1);
        JsonNode fork = providers.get("checked").get(0);
        assertThat(fork.get("status").asText()).isEqualTo("ok");
        assertThat(fork.get("provider").asText()).isEqualTo("DEFAULT");
        assertThat(fork.get("served").get("HmacSHA256").asText()).startsWith("SunJCE ");
        assertThat(fork.get("jdkVersion").asText()).isEqualTo(results.get(0).get("jdkVersion").asText());
        assertThat(run.resolve(".providers.jsonl")).doesNotExist();
    }

    @Test
    void anUnknownProviderIsOneLineExitTwo() {
        Cli.Result r = Cli.run("run", "--param", "provider=SUNPKCS11", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.errLines()[0]).contains("unknown provider 'SUNPKCS11' (choose from default, bc, accp)");
        assertThat(out).as("bad arguments create no run folder").isEmptyDirectory();
    }
}
