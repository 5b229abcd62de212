package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.authbench.cli.Main;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two committed runs of this machine merged into one report with the machine as the axis; the README's block. */
class MachinesReportTest {

    private static final Path STANDARD = Path.of("results/reference/standard");
    private static final Path EARLIER = Path.of("results/reference/standard-07dfa3f");

    @TempDir
    Path tmp;

    @Test
    void twoRunFoldersBecomeOneReportComparedByMachine() throws IOException {
        Path out = tmp.resolve("merged");
        assertThat(Main.execute("report", "--out", out.toString(), STANDARD.toString(), EARLIER.toString()))
                .isEqualTo(Main.OK);
        String md = Files.readString(out.resolve("report.md"));
        assertThat(md).contains("AMD EPYC amd64, JDK 17.0.15 (standard)", "AMD EPYC amd64, JDK 17.0.15 (standard-07dfa3f)")
                .contains("## Each machine's decision").contains("![Cost on each machine relative to");
        assertThat(out.resolve("charts/machines.png")).exists();
        List<List<String>> cmp = ReportTest.table(md, "## Across machines");
        RunFolder a = RunFolder.read(STANDARD);
        RunFolder b = RunFolder.read(EARLIER);
        List<String> jjwt = cmp.stream().filter(r -> r.get(0).equals("HS256 JJWT")).findFirst().orElseThrow();
        double first = score(a, "JJWT");
        double second = score(b, "JJWT");
        ReportTest.assertClose(jjwt.get(5).split("×")[0], second / first);
        // The run folders were only read.
        assertThat(STANDARD.resolve("charts/machines.png")).doesNotExist();
    }

    private static double score(RunFolder run, String library) {
        return run.rows().stream().filter(r -> r.method().equals(Analysis.VERIFY) && library.equals(r.param("library"))
                && "HS256".equals(r.param("alg"))).map(JmhRow::score).findFirst().orElseThrow();
    }

    @Test
    void aMergedReportNeverOverwritesAndNeedsItsOwnFolder() throws IOException {
        Path out = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(out.resolve("report.md"), "earlier");
        String[] r = run("report", "--out", out.toString(), STANDARD.toString(), EARLIER.toString());
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[2].strip()).contains("already exists and is not an empty folder").doesNotContain("Exception")
                .hasLineCount(1);
        assertThat(Files.readString(out.resolve("report.md"))).isEqualTo("earlier");
        assertThat(run("report", STANDARD.toString(), EARLIER.toString())[2]).contains("several run folders need --out");
        assertThat(run("report", "--readme", STANDARD.toString(), EARLIER.toString())[0]).isEqualTo("2");
    }

    @Test
    void theReadmeResultsBlockIsTheOneTheCommittedRunGenerates() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf(ReadmeBlock.BEGIN);
        int to = readme.indexOf(ReadmeBlock.END);
        assertThat(from).as("README has the generated results block").isNotNegative();
        String block = readme.substring(from, to + ReadmeBlock.END.length()) + "\n";
        // The block names the committed run it was generated from; that run must generate it again, byte for byte.
        Matcher m = Pattern.compile("From \\[(results/reference/[^\\]]+)\\]").matcher(block);
        assertThat(m.find()).as("the block names its run folder").isTrue();
        Path source = Path.of(m.group(1));
        assertThat(block).as("README's results block; regenerate it with `java -jar target/authbench.jar report "
                + "--readme " + source + "`").isEqualTo(ReadmeBlock.render(source));
        String[] printed = run("report", "--readme", source.toString());
        assertThat(printed[1]).isEqualTo(block);
        assertThat(block).contains("| scenario |", "Default JWT library:", "Rule:");
    }

    /** Exit code, stdout, stderr of one CLI call. */
    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }
}
