package org.authbench.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.authbench.crypto.CryptoProvider;
import org.authbench.crypto.JcaCheck;
import org.authbench.crypto.ProviderUnavailableException;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.runfiles.RunFiles;

/**
 * A trial's JCA provider: installed at position 1 before anything else in the fork, then checked (which provider
 * really serves the algorithm for the trial's key), and recorded. The record is one JSON line appended to the file
 * named by the {@value #RECORD_PROPERTY} system property, which {@code run} passes to its forks and merges into
 * {@code manifest.json}; every fork also prints one line saying what served what (in {@code jmh.log}).
 *
 * <p>A provider that cannot load in the fork's JVM, or does not itself serve the algorithm, fails the trial with
 * the reason (recorded as {@code unavailable} / {@code unsupported}): such a row must not silently measure
 * another provider.
 */
public final class ProviderTrial {

    public static final String RECORD_PROPERTY = RunFiles.PROVIDER_RECORD_PROPERTY;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Scope.Thread states set up once per thread; the fork is recorded once per benchmark row. */
    private static final Set<String> RECORDED = new HashSet<>();

    private ProviderTrial() {
    }

    /** Installs {@code provider} at position 1 (before the fixture is built, so keys take its form). */
    static void install(CryptoProvider provider, String benchmark, JwtAlgorithm alg, String library) {
        try {
            provider.install();
        } catch (ProviderUnavailableException | IllegalStateException e) {
            record(provider, benchmark, alg, library, "unavailable", e.getMessage(), Map.of());
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Checks and records which provider serves {@code alg} for {@code key}; fails the trial when it is not {@code provider}. */
    static void check(CryptoProvider provider, String benchmark, JwtAlgorithm alg, String library, Key key) {
        Map<String, String> served = JcaCheck.served(alg, key);
        String unsupported = JcaCheck.unsupportedReason(provider, alg, key);
        record(provider, benchmark, alg, library, unsupported == null ? "ok" : "unsupported", unsupported, served);
        System.out.println("provider " + provider + ": " + alg + " served by " + served
                + (unsupported == null ? "" : " -- " + unsupported));
        if (unsupported != null) {
            throw new IllegalStateException("not supported by provider: " + unsupported);
        }
    }

    private static synchronized void record(CryptoProvider provider, String benchmark, JwtAlgorithm alg, String library,
            String status, String reason, Map<String, String> served) {
        String file = System.getProperty(RECORD_PROPERTY);
        if (file == null || !RECORDED.add(benchmark + "|" + library + "|" + alg + "|" + provider)) {
            return;
        }
        ObjectNode n = JSON.createObjectNode();
        n.put("benchmark", benchmark);
        if (library != null) {
            n.put("library", library);
        }
        n.put("alg", alg.name());
        n.put("provider", provider.name());
        n.put("status", status);
        if (reason != null) {
            n.put("reason", reason);
        }
        Provider first = Security.getProviders()[0];
        n.put("first", first.getName() + " " + first.getVersionStr());
        n.put("jdkVersion", System.getProperty("java.version"));
        n.put("vmVersion", System.getProperty("java.vm.version"));
        n.set("served", JSON.valueToTree(served));
        try {
            // One short write with O_APPEND: forks never interleave within a line.
            Files.write(Path.of(file), (JSON.writeValueAsString(n) + "\n").getBytes(StandardCharsets.UTF_8),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the provider in " + file, e);
        }
    }
}
