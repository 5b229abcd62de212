package org.authbench.bench;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A per-thread index into a power-of-two credential pool: {@code pool[cursor.next() & MASK]}. Each thread
 * walks the pool on its own, so the JIT cannot specialise on one constant credential and threads do not
 * contend on a shared counter.
 */
@State(Scope.Thread)
public class Cursor {

    private int i;

    public int next() {
        return i++;
    }
}
