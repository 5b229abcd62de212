package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Heap#settle()} runs a full collection, which leaves what a setup built in the old generation, and every trial
 * setup of the benchmarks ends with it.
 */
class HeapTest {

    private static final Pattern TRIAL_SETUP = Pattern.compile("@Setup\\(Level\\.Trial\\)\\s+public void (\\w+)\\([^)]*\\)[^{]*\\{");

    @Test
    void everyTrialSetupEndsBySettlingTheHeap() throws IOException {
        int setups = 0;
        try (Stream<Path> files = Files.list(Path.of("src/main/java/org/authbench/bench"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String source = Files.readString(file);
                Matcher m = TRIAL_SETUP.matcher(source);
                while (m.find()) {
                    setups++;
                    String body = body(source, m.end());
                    assertThat(body.strip()).as(file.getFileName() + " " + m.group(1) + "()").endsWith("Heap.settle();");
                }
            }
        }
        assertThat(setups).as("trial setups found").isGreaterThanOrEqualTo(10);
    }

    /** The method body that starts after the opening brace at {@code from}, without its closing brace. */
    private static String body(String source, int from) {
        int depth = 1;
        for (int i = from; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return source.substring(from, i);
            }
        }
        throw new IllegalStateException("unbalanced braces after offset " + from);
    }

    @Test
    void whatSetupBuiltEndsInTheOldGeneration() {
        byte[][] built = new byte[100_000][];
        for (int i = 0; i < built.length; i++) {
            built[i] = new byte[64];
        }
        long full = fullCollections();
        Heap.settle();
        assertThat(fullCollections()).as("full collections").isGreaterThan(full);
        // 100,000 arrays of 64 bytes (about 8 MB with their headers) survived it, so they are in the old generation.
        assertThat(used("Old") + used("Tenured")).as("old generation after").isGreaterThan(built.length * 64L);
        assertThat(built[built.length - 1]).hasSize(64);
    }

    /** Collections of the whole heap (G1's "G1 Old Generation", Parallel's "PS MarkSweep", Serial's "MarkSweepCompact"). */
    private static long fullCollections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .filter(c -> c.getName().contains("Old") || c.getName().contains("MarkSweep"))
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    private static long used(String pool) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getName().contains(pool)).toList();
        return pools.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
