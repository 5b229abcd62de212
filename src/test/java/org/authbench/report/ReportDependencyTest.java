package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Data flows one way: the report reads run files and never imports adapters, fixtures, benchmarks or the CLI. */
class ReportDependencyTest {

    @Test
    void reportImportsNoAdapterBenchOrCliClass() throws IOException {
        Path dir = Path.of("src/main/java/org/authbench/report");
        List<Path> sources;
        try (Stream<Path> s = Files.list(dir)) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path p : sources) {
            assertThat(Files.readAllLines(p)).as(p.toString()).noneMatch(line -> line.matches(
                    "import (static )?org\\.authbench\\.(auth|jwt|apikey|fixture|bench|cli|latency|conformance)\\..*"));
        }
    }
}
