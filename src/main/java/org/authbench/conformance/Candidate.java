package org.authbench.conformance;

import java.io.File;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.function.Function;
import org.authbench.auth.Authenticator;
import org.authbench.env.Environment;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.VerifierPolicy;

/**
 * One row of the matrix: a verifier factory (the same {@code JwtLibrary.create(policy)} the benchmarks use)
 * and, for the raw-signature families, the library's {@link MessageApi} (from its {@link JwtLibrary} constant).
 * Tests add deliberately broken candidates to prove the matrix can report a false accept.
 *
 * @param factory builds the adapter for a policy, or null for a row that is not a JWT verifier ({@code jdk})
 * @param messageApi the library's signature API on arbitrary messages, or null when none is wired
 */
public record Candidate(String name, String version, Function<VerifierPolicy, Authenticator> factory,
        MessageApi messageApi) {

    /** A library under test, its version read from the classpath. */
    public static Candidate of(JwtLibrary library) {
        if (library.coordinates().isEmpty()) {
            return new Candidate(library.cliName(), "this project", library::create, library.messageApi());
        }
        String coordinates = library.coordinates().get(0);
        String artifactId = coordinates.substring(coordinates.indexOf(':') + 1);
        String version = Environment.version(coordinates.substring(0, coordinates.indexOf(':')), artifactId);
        if (version == null) {
            version = fromClassPath(artifactId);
        }
        return new Candidate(library.cliName(), version == null ? "unknown (" + coordinates + " not on classpath)" : version,
                library::create, library.messageApi());
    }

    /** Some jars (auth0 java-jwt) ship no pom.properties: read the version from the jar's name on the class path. */
    private static String fromClassPath(String artifactId) {
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            String name = Path.of(entry).getFileName() == null ? "" : Path.of(entry).getFileName().toString();
            if (name.startsWith(artifactId + "-") && name.endsWith(".jar")) {
                return name.substring(artifactId.length() + 1, name.length() - 4);
            }
        }
        return null;
    }

    /** The JDK's own signature primitives: shows what reference's signature step rests on. */
    public static Candidate jdk() {
        return new Candidate("jdk", "JCA " + System.getProperty("java.version"), null, Candidate::jdkVerifier);
    }

    /** Plain JCA ({@code SHA256withECDSAinP1363Format}, {@code SHA256withRSA}): the primitive reference relies on. */
    private static MessageApi.MessageVerifier jdkVerifier(JwtAlgorithm alg, PublicKey key) throws GeneralSecurityException {
        Signature s = Signature.getInstance(alg.jcaName());
        s.initVerify(key);
        return (message, signature) -> {
            try {
                s.update(message);
                return s.verify(signature);
            } catch (SignatureException e) {
                return false;
            }
        };
    }
}
