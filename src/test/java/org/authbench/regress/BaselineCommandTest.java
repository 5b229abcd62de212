package org.authbench.regress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.authbench.runfiles.RunFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code authbench baseline update}: records a clean finished run with its commit, refuses the rest. */
class BaselineCommandTest {

    @Test
    void updateCopiesTheRunAndRecordsItsCommit(@TempDir Path tmp) throws IOException {
        Path run = CompareCommandTest.runFolder(tmp.resolve("runs/20260101T000000Z-abcdef1-ci"), "abcdef1234", "ci",
                "base.json");
        ObjectNode m = (ObjectNode) CliRun.JSON.readTree(run.resolve("manifest.json").toFile());
        m.put("runFolder", run.toAbsolutePath().toString());
        Files.writeString(run.resolve("manifest.json"), m.toString());
        Path root = tmp.resolve("baseline");
        CliRun r = CliRun.of("baseline", "update", run.toString(), "--dir", root.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        Path ci = root.resolve("ci");
        // The same rows, but no path of the machine that ran them: the JVM is named by its version.
        JsonNode copied = CliRun.JSON.readTree(ci.resolve(RunFiles.RESULT).toFile());
        JsonNode original = CliRun.JSON.readTree(run.resolve(RunFiles.RESULT).toFile());
        assertThat(copied).hasSameSizeAs(original);
        for (int i = 0; i < original.size(); i++) {
            assertThat(copied.get(i).get("jvm").asText()).isEqualTo("<JDK " + original.get(i).get("jdkVersion").asText() + ">/bin/java");
            ((ObjectNode) copied.get(i)).set("jvm", original.get(i).get("jvm"));
            assertThat(copied.get(i)).isEqualTo(original.get(i));
        }
        assertThat(Files.readString(ci.resolve(RunFiles.RESULT))).doesNotContain("/usr/bin/java");
        assertThat(CliRun.JSON.readTree(ci.resolve("manifest.json").toFile()).get("runFolder").asText()).isEqualTo("<run folder>");
        JsonNode record = CliRun.JSON.readTree(ci.resolve(Baseline.RECORD).toFile());
        assertThat(record.get("commit").asText()).isEqualTo("abcdef1234");
        assertThat(record.get("sourceRun").asText()).isEqualTo("20260101T000000Z-abcdef1-ci");
        assertThat(record.get("rows").asInt()).isEqualTo(5);
        // The baseline folder is an ordinary run folder for compare.
        CliRun c = CliRun.of("compare", ci.toString(), run.toString(), "--format", "json");
        assertThat(c.exit()).as(c.err()).isZero();
        assertThat(c.json().at("/base/commit").asText()).isEqualTo("abcdef1234");
    }

    @Test
    void refusesRunsThatWouldMisleadLaterComparisons(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("baseline");
        assertRefused(edit(tmp, "dirty", m -> ((ObjectNode) m.get("git")).put("dirty", true)), root, "uncommitted");
        assertRefused(edit(tmp, "interrupted", m -> m.put("status", "interrupted")), root, "'interrupted'");
        assertRefused(edit(tmp, "slowed", m -> m.putObject("selftest").put("slowdownPercent", 10)), root, "self-test");
        assertRefused(edit(tmp, "failed", m -> m.withArray("failedRows").addObject().put("row", "x")), root, "failed rows");
        Path bare = tmp.resolve("bare");
        Files.createDirectories(bare);
        Files.copy(Path.of(CliRun.fixture("base.json")), bare.resolve(RunFiles.RESULT));
        assertRefused(bare, root, "no manifest.json");
        assertThat(root).doesNotExist();

        Path dirty = tmp.resolve("dirty");
        assertThat(CliRun.of("baseline", "update", dirty.toString(), "--dir", root.toString(), "--allow-dirty").exit())
                .isZero();
    }

    @Test
    void withoutSubcommandItSaysWhatItNeeds() {
        CliRun r = CliRun.of("baseline");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("update RUN_DIR");
    }

    private static Path edit(Path tmp, String name, Consumer<ObjectNode> change) throws IOException {
        Path run = CompareCommandTest.runFolder(tmp.resolve(name), "abcdef1234", "ci", "base.json");
        ObjectNode m = (ObjectNode) CliRun.JSON.readTree(run.resolve("manifest.json").toFile());
        change.accept(m);
        Files.writeString(run.resolve("manifest.json"), m.toString());
        return run;
    }

    private static void assertRefused(Path run, Path root, String why) {
        CliRun r = CliRun.of("baseline", "update", run.toString(), "--dir", root.toString());
        assertThat(r.exit()).as(run.toString()).isEqualTo(2);
        assertThat(r.err()).contains(why).hasLineCount(1);
    }
}
