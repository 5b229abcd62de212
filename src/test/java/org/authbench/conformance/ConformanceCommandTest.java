package org.authbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.authbench.cli.Main;
import org.authbench.support.Vectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code authbench conformance}: missing vectors, bad input, and the files it writes. */
class ConformanceCommandTest {

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void missingVectorsFolderIsOneLineNamingWhereItLookedAndExit2() {
        Path nowhere = tmp.resolve("no-vectors");
        assertThat(run("conformance", "--vectors", nowhere.toString(), "--fuzz", "0")).isEqualTo(Main.USAGE);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("vectors not found", nowhere.toString());
    }

    @Test
    void badFormatAndNegativeFuzzAreUsageErrors() {
        assertThat(run("conformance", "--format", "html")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("unknown format 'html'");
        assertThat(run("conformance", "--fuzz", "-1")).isEqualTo(Main.USAGE);
        assertThat(run("conformance", "--library", "nosuchlib")).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("unknown library 'nosuchlib'");
    }

    @Test
    void writesJsonAndMarkdownAndNeverOverwrites() throws Exception {
        Path vectors = Vectors.require("wycheproof/json_web_signature_test.json").getParent().getParent();
        Path json = tmp.resolve("conformance.json");
        int code = run("conformance", "--vectors", vectors.toString(), "--library", "reference", "--fuzz", "50",
                "--out", json.toString());
        // The jdk row's known P1363 size findings make the verdict negative on current JDKs; either is a completed run.
        assertThat(code).as(err.toString()).isIn(Main.OK, Main.NEGATIVE);
        assertThat(Files.readString(json)).contains("\"falseAccepts\"", "\"reference\"");
        assertThat(Files.readString(tmp.resolve("conformance.md"))).startsWith("# Conformance");
        assertThat(run("conformance", "--vectors", vectors.toString(), "--library", "reference", "--fuzz", "0",
                "--out", json.toString())).isEqualTo(Main.USAGE);
        assertThat(err.toString()).contains("refusing to overwrite");
    }
}
