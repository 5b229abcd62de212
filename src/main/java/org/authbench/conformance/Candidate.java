package org.authbench.conformance;

import java.util.function.Function;
import org.authbench.auth.Authenticator;
import org.authbench.env.Environment;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.VerifierPolicy;

/**
 * One row of the matrix: a verifier factory (the same {@code JwtLibrary.create(policy)} the benchmarks use)
 * and, for the raw-signature families, the library's {@link MessageApi}. Tests add deliberately broken
 * candidates to prove the matrix can report a false accept.
 *
 * @param factory builds the adapter for a policy, or null for a row that is not a JWT verifier ({@code jdk})
 * @param messageApi the library's signature API on arbitrary messages, or null when none is wired
 */
public record Candidate(String name, String version, Function<VerifierPolicy, Authenticator> factory,
        MessageApi messageApi) {

    /** A library under test, its version read from the classpath. */
    public static Candidate of(JwtLibrary library) {
        String version = library == JwtLibrary.REFERENCE
                ? "this project"
                : Environment.version(library.groupId(), library.artifactId());
        if (version == null) {
            version = fromClassPath(library.artifactId());
        }
        return new Candidate(library.cliName(),
                version == null ? "unknown (" + library.groupId() + ":" + library.artifactId() + " not on classpath)" : version,
                library::create, MessageApi.valueOf(library.name()));
    }

    /** Some jars (auth0 java-jwt) ship no pom.properties: read the version from the jar's name on the class path. */
    private static String fromClassPath(String artifactId) {
        for (String entry : System.getProperty("java.class.path", "").split(java.io.File.pathSeparator)) {
            String name = java.nio.file.Path.of(entry).getFileName() == null ? "" : java.nio.file.Path.of(entry).getFileName().toString();
            if (name.startsWith(artifactId + "-") && name.endsWith(".jar")) {
                return name.substring(artifactId.length() + 1, name.length() - 4);
            }
        }
        return null;
    }

    /** The JDK's own signature primitives: shows what reference's signature step rests on. */
    public static Candidate jdk() {
        return new Candidate("jdk", "JCA " + System.getProperty("java.version"), null, MessageApi.JDK);
    }
}
