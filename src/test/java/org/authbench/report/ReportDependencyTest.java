package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.authbench.support.ImportGraph;
import org.junit.jupiter.api.Test;

/**
 * Data flows one way: the report, the regression gate and the run-file model read run files and reach no adapter,
 * fixture, benchmark, harness or CLI class, not even through another class (the layering a direct-import check misses).
 */
class ReportDependencyTest {

    /** The packages that read run files; each may reach only these. */
    private static final Set<String> READERS = Set.of("report", "regress", "runfiles");

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
    void theGraphFollowsDependenciesThroughOtherClasses() {
        ImportGraph graph = ImportGraph.of(Path.of("src/main/java"), "org.authbench");
        // The CLI reaches adapters only through other classes' imports of them, e.g. via the benchmarks.
        Map<String, List<String>> fromMain = graph.reachable("org.authbench.cli.Main");
        assertThat(fromMain).containsKey("org.authbench.jwt.reference.ReferenceVerifier");
        assertThat(fromMain.get("org.authbench.jwt.reference.ReferenceVerifier").size()).isGreaterThan(2);
        assertThat(graph.uses("org.authbench.report.ReportWriter")).contains("org.authbench.runfiles.RunFolder");
    }
}
