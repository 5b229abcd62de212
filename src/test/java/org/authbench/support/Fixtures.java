package org.authbench.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.authbench.fixture.JwtFixture;
import org.authbench.fixture.KeySetFixture;
import org.authbench.jwt.JwtAlgorithm;

/**
 * Deterministic fixtures shared by every test class that asks for the same ones: keys (RSA above all) are slow to
 * make, so each (algorithm, size, clock, seed) is built once per test JVM. Fixtures are read-only.
 */
public final class Fixtures {

    private static final Map<String, JwtFixture> JWT = new ConcurrentHashMap<>();
    private static final Map<String, KeySetFixture> KEY_SETS = new ConcurrentHashMap<>();

    private Fixtures() {
    }

    /** {@link JwtFixture#fixed}, cached. */
    public static JwtFixture jwt(JwtAlgorithm alg, int poolSize, long now, long seed) {
        return JWT.computeIfAbsent(alg + "/" + poolSize + "/" + now + "/" + seed, k -> JwtFixture.fixed(alg, poolSize, now, seed));
    }

    /** {@link KeySetFixture#fixed}, cached. */
    public static KeySetFixture keySet(JwtAlgorithm alg, int keys, int poolSize, long now, long seed) {
        return KEY_SETS.computeIfAbsent(alg + "/" + keys + "/" + poolSize + "/" + now + "/" + seed,
                k -> KeySetFixture.fixed(alg, keys, poolSize, now, seed));
    }
}
