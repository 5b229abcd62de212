package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.authbench.support.ImportGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data flows one way: the report, the regression gate and the run-file model read run files and reach no adapter,
 * fixture, benchmark, harness or CLI class, not even through another class (the layering a direct-import check misses).
 */
class ReportDependencyTest {

    /** The packages that read run files; each may reach only these. */
    private static final Set<String> READERS = Set.of("report", "regress", "runfiles", "stats");

    @Test
    void runFileReadersReachNothingButEachOther() {
        ImportGraph graph = ImportGraph.of(Path.of("src/main/java"), "org.authbench");
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String cls : graph.classes()) {
            if (!READERS.contains(graph.packageOf(cls))) {
                continue;
            }
            checked++;
            for (Map.Entry<String, List<String>> e : graph.reachable(cls).entrySet()) {
                if (!READERS.contains(graph.packageOf(e.getKey()))) {
                    violations.add(String.join(" -> ", e.getValue()));
                    break;
                }
            }
        }
        assertThat(checked).as("classes checked").isGreaterThan(20);
        assertThat(violations).isEmpty();
    }

    @Test
    void aDependencyThroughTwoOtherClassesIsFound(@TempDir Path src) throws IOException {
        // report.A uses runfiles.B (import), B uses C in its own package (no import needed), C imports jwt.D;
        // a name in a comment or a string is no dependency.
        write(src, "report/A", "import org.authbench.runfiles.B;\nclass A { B b; }");
        write(src, "runfiles/B", "class B { C c; /* org.authbench.bench.E */ String s = \"org.authbench.cli.F\"; }");
        write(src, "runfiles/C", "import org.authbench.jwt.D;\nclass C { D d; }");
        write(src, "jwt/D", "class D { }");
        write(src, "bench/E", "class E { }");
        write(src, "cli/F", "class F { }");
        ImportGraph graph = ImportGraph.of(src, "org.authbench");
        assertThat(graph.reachable("org.authbench.report.A")).containsOnlyKeys("org.authbench.report.A",
                "org.authbench.runfiles.B", "org.authbench.runfiles.C", "org.authbench.jwt.D");
        assertThat(graph.reachable("org.authbench.report.A").get("org.authbench.jwt.D")).containsExactly(
                "org.authbench.report.A", "org.authbench.runfiles.B", "org.authbench.runfiles.C", "org.authbench.jwt.D");
    }

    private static void write(Path src, String cls, String body) throws IOException {
        Path file = src.resolve("org/authbench/" + cls + ".java");
        Files.createDirectories(file.getParent());
        String pkg = "org.authbench." + cls.substring(0, cls.lastIndexOf('/')).replace('/', '.');
        Files.writeString(file, "package " + pkg + ";\n" + body + "\n");
    }
}
