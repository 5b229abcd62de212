package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.support.Cli;
import org.authbench.support.InterruptedRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --resume DIR}: a run stopped by SIGTERM goes on in its own folder with its own arguments, keeps the
 * rows it had and runs only the rest; folders that cannot be resumed are refused with one line, exit 2.
 */
class RunResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path out;

    @BeforeAll
    static void shareTheMachine() {
        Cli.ignoreJmhLock();
    }

    @Test
    void anInterruptedRunResumesInItsFolderKeepingFinishedRows() throws Exception {
        Path run = InterruptedRun.afterFirstJob(out).runDir();
        assertThat(JSON.readTree(run.resolve("manifest.json").toFile()).get("status").asText()).isEqualTo("interrupted");
        JsonNode before = JSON.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(before).singleElement().satisfies(row -> assertThat(row.get("threads").asInt()).isEqualTo(1));

        Cli.Result r = Cli.run("run", "--resume", run.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("resuming " + run + ": 1 rows kept").contains("[1/1]").doesNotContain("[2/");
        assertThat(folders()).as("no new folder").containsExactly(run);
        JsonNode after = JSON.readTree(run.resolve(RunCommand.RESULT_FILE).toFile());
        assertThat(after).extracting(n -> n.get("threads").asInt()).containsExactly(1, 2);
        assertThat(after.get(0)).as("the finished row as it was").isEqualTo(before.get(0));
        JsonNode manifest = JSON.readTree(run.resolve("manifest.json").toFile());
        assertThat(manifest.get("status").asText()).isEqualTo("finished");
        assertThat(manifest.get("resumed")).singleElement().satisfies(t -> assertThat(t.asText()).matches("\\d{4}-.*Z"));
        assertThat(manifest.get("jobsDone")).extracting(JsonNode::asInt).containsExactly(0, 1);
        assertThat(Files.readString(run.resolve("jmh.log"))).as("the log goes on").contains("Threads: 1 thread,", "Threads: 2 threads");

        Cli.Result again = Cli.run("run", "--resume", run.toString());
        assertThat(again.exit()).isEqualTo(Main.USAGE);
        assertThat(again.errLines()).singleElement().asString().contains("is a finished run; nothing to resume");

        // The same folder from another commit, or asked for as another profile, is refused.
        ObjectNode m = (ObjectNode) manifest;
        m.put("status", "interrupted");
        JSON.writeValue(run.resolve("manifest.json").toFile(), m);
        Cli.Result otherProfile = Cli.run("run", "--profile", "ci", "--resume", run.toString());
        assertThat(otherProfile.exit()).isEqualTo(Main.USAGE);
        assertThat(otherProfile.errLines()).singleElement().asString().contains("is a run of profile quick, not ci");
        ((ObjectNode) m.get("git")).put("commit", "0000000000000000000000000000000000000000");
        JSON.writeValue(run.resolve("manifest.json").toFile(), m);
        Cli.Result otherCommit = Cli.run("run", "--resume", run.toString());
        assertThat(otherCommit.exit()).isEqualTo(Main.USAGE);
        assertThat(otherCommit.errLines()).singleElement().asString().contains("was run at commit 0000000000000000000000000000000000000000");
    }

    @Test
    void aFolderThatIsNotARunIsRefused() throws IOException {
        Path empty = Files.createDirectory(out.resolve("empty"));
        Cli.Result r = Cli.run("run", "--resume", empty.toString());
        assertThat(r.exit()).isEqualTo(Main.USAGE);
        assertThat(r.errLines()).singleElement().asString().contains("is not a run folder");
        Path latency = Files.createDirectory(out.resolve("latency"));
        Files.writeString(latency.resolve("manifest.json"), "{\"tool\":\"authbench\",\"git\":{\"commit\":\"x\"},"
                + "\"status\":\"interrupted\",\"arguments\":[\"latency\",\"--rate\",\"1000\"]}");
        Cli.Result l = Cli.run("run", "--resume", latency.toString());
        assertThat(l.exit()).isEqualTo(Main.USAGE);
        assertThat(l.errLines()).singleElement().asString().contains("is not a folder of `run`");
        Cli.Result other = Cli.run("run", "--resume", latency.toString(), "--precision", "0.1", "--forks", "2");
        assertThat(other.exit()).isEqualTo(Main.USAGE);
        assertThat(other.errLines()).containsExactly(
                "authbench: --resume goes on with the run's own arguments; drop --precision, --forks");
        Files.writeString(latency.resolve("manifest.json"), "[1, 2]");
        Cli.Result bad = Cli.run("run", "--resume", latency.toString());
        assertThat(bad.exit()).isEqualTo(Main.USAGE);
        assertThat(bad.errLines()).hasSize(1);
    }

    private List<Path> folders() throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }
}
