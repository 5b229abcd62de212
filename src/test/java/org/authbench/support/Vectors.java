package org.authbench.support;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Where the external test vectors are: the project's {@code vectors/} folder, which Maven passes as
 * {@code authbench.vectors}. A test that needs them and cannot find
 * them is skipped with the path it looked at, never passed silently.
 */
public final class Vectors {

    private Vectors() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("authbench.vectors", "vectors")).toAbsolutePath().normalize();
    }

    /** The file under the vectors folder, or the test is skipped saying where it looked. */
    public static Path require(String relative) {
        Path p = dir().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "SKIPPED: external vectors not found at " + p);
        return p;
    }
}
