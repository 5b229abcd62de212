package org.authbench.bench;

/**
 * Puts a trial's long-lived state where a running service keeps its own: in the old generation. Every
 * {@code @Setup(Level.Trial)} of the benchmarks ends with {@link #settle()}.
 *
 * <p>Why: a fixture is built in the young generation, and every young collection copies what survives to a new
 * place until it is promoted, after up to 15 collections. A 100,000-key map read 300 ns per lookup in one fork
 * until promotion and 73 ns after it; eight forks of one row averaged 74, 122 or 210 ns by when promotion came
 * (fork means 47% apart, sd). With one full collection at the end of setup, eight forks averaged 73 to 82 ns
 * (3.9% apart), each flat from its first iteration; the hashed map's forks went from 17% apart to 1.4%. A
 * service's key store, key set and caches have long been promoted, so that is the state measured. The collection
 * runs in setup, never in a measured method; {@code HeapTest} holds every trial setup to the rule.
 */
final class Heap {

    private Heap() {
    }

    /** One full collection: everything the setup built is compacted into the old generation. */
    static void settle() {
        System.gc();
    }
}
