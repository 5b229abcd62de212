package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Heap#settle()} runs a full collection, which leaves what a setup built in the old generation. */
class HeapTest {

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
