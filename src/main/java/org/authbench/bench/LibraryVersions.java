package org.authbench.bench;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.authbench.env.Environment;
import org.authbench.jwt.JwtLibrary;
import org.authbench.runfiles.RunFiles;

/**
 * Other versions of a library under test, measured beside the one the suite is built with. The build copies each
 * into {@code versions/<artifactId>/<version>/} beside the jar (or the compiled classes): the library's jars and the
 * dependencies whose version moves with it. A run puts that folder's jars <em>before</em> its own on the forks'
 * classpath, so the JVM loads the other version's classes first, and names the version in a fork system property
 * ({@link #PROPERTY}) that JMH records among each row's JVM arguments. Every trial in such a fork checks that the
 * version it names is the one loaded ({@link #checkLoaded}) before it times anything.
 *
 * <pre>java -cp "target/versions/vertx-auth-jwt/5.1.6/*:target/authbench.jar" -Dauthbench.libraryVersion=io.vertx:vertx-auth-jwt:5.1.6 \
 *     org.openjdk.jmh.Main VerifyBenchmark.verify_valid -p library=VERTX</pre>
 */
public final class LibraryVersions {

    /** Fork system property {@code group:artifact:version}: the other version this fork's classpath puts first. */
    public static final String PROPERTY = RunFiles.LIBRARY_VERSION_PROPERTY;

    /**
     * One built version of a library.
     *
     * @param coordinates the library's own {@code group:artifact}
     * @param version     the version
     * @param jars        its jars, to go first on the classpath
     */
    public record Alternate(String coordinates, String version, List<Path> jars) {

        /** The fork property's value: {@code group:artifact:version}. */
        public String property() {
            return coordinates + ":" + version;
        }

        /** {@code vertx-auth-jwt 5.1.6}. */
        public String label() {
            return coordinates.substring(coordinates.indexOf(':') + 1) + " " + version;
        }
    }

    private LibraryVersions() {
    }

    /**
     * Whether the version axis measures benchmark {@code name} (a full JMH name): verification of valid and of
     * bad-signature tokens, the question an upgrade answers; the other benchmarks stay on the shipped version so
     * {@code full} does not grow by hours.
     */
    public static boolean measures(String name) {
        return name.endsWith(".VerifyBenchmark.verify_valid") || name.endsWith(".VerifyBenchmark.verify_badSignature");
    }

    /**
     * The parameters of a version job: {@code params} with the library narrowed to {@code libraries} and the JCA
     * provider to its first value (a version comparison on every provider would add hours to {@code full} and answer
     * the provider question a second time).
     */
    public static Map<String, String[]> narrow(Map<String, String[]> params, List<String> libraries) {
        Map<String, String[]> out = new LinkedHashMap<>(params);
        out.put("library", libraries.toArray(String[]::new));
        String[] providers = params.get("provider");
        if (providers != null && providers.length > 1) {
            out.put("provider", new String[] {providers[0]});
        }
        return out;
    }

    /** Of the library constants {@code names}, those built on {@code library}'s own artifact (vert.x's two rows share one). */
    public static List<String> sameArtifact(JwtLibrary library, String[] names) {
        String artifact = library.coordinates().get(0);
        List<String> out = new ArrayList<>();
        for (String n : names) {
            JwtLibrary x = JwtLibrary.valueOf(n.strip().toUpperCase(Locale.ROOT));
            if (!x.coordinates().isEmpty() && x.coordinates().get(0).equals(artifact) && !out.contains(x.name())) {
                out.add(x.name());
            }
        }
        return out;
    }

    /**
     * The rows {@code pass} runs again for {@code library}'s other versions, over {@code names} under {@code values}
     * (at least one version is planned when none is built yet).
     */
    public static int plannedRows(Pass pass, List<String> names, Map<String, String[]> values, JwtLibrary library) {
        String[] among = values.getOrDefault("library",
                Arrays.stream(JwtLibrary.values()).map(JwtLibrary::name).toArray(String[]::new));
        List<String> measured = names.stream()
                .filter(n -> SupportedPairs.libraries(n, values) != null && measures(n)).toList();
        int versions = Math.max(1, built(library, root()).size());
        return versions * pass.rows(measured, narrow(values, sameArtifact(library, among)));
    }

    /** Where the build puts the other versions: {@code versions/} beside the jar or classes folder holding this class. */
    public static Path root() {
        CodeSource src = LibraryVersions.class.getProtectionDomain().getCodeSource();
        try {
            Path here = Path.of(src.getLocation().toURI());
            return here.toAbsolutePath().getParent().resolve("versions");
        } catch (URISyntaxException | RuntimeException e) {
            return Path.of("target", "versions");
        }
    }

    /** The other versions of {@code library} that {@code root} holds, in version order; empty when none is built. */
    public static List<Alternate> built(JwtLibrary library, Path root) {
        if (library.coordinates().isEmpty()) {
            return List.of();
        }
        String coordinates = library.coordinates().get(0);
        Path dir = root.resolve(coordinates.substring(coordinates.indexOf(':') + 1));
        List<Alternate> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> versions = Files.list(dir)) {
            for (Path v : versions.filter(Files::isDirectory).sorted().toList()) {
                List<Path> jars;
                try (Stream<Path> files = Files.list(v)) {
                    jars = files.filter(f -> f.getFileName().toString().endsWith(".jar"))
                            .sorted(Comparator.comparing(Path::toString)).toList();
                }
                if (!jars.isEmpty()) {
                    out.add(new Alternate(coordinates, v.getFileName().toString(), jars));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list " + dir + ": " + e.getMessage());
        }
        return out;
    }

    /** The version of {@code library} this JVM loads: its own artifact's {@code pom.properties} first on the classpath. */
    public static String loaded(JwtLibrary library) {
        if (library.coordinates().isEmpty()) {
            return null;
        }
        String c = library.coordinates().get(0);
        return Environment.version(c.substring(0, c.indexOf(':')), c.substring(c.indexOf(':') + 1));
    }

    /**
     * A trial's check, before anything is timed: when this fork was started for another version of {@code library}'s
     * artifact ({@link #PROPERTY}), that version must be the one loaded; a fork whose classpath did not take fails
     * its trial instead of reporting the shipped version under the other's name.
     */
    public static void checkLoaded(JwtLibrary library) {
        String asked = System.getProperty(PROPERTY);
        if (asked == null || library.coordinates().isEmpty()) {
            return;
        }
        int cut = asked.lastIndexOf(':');
        if (cut < 0 || !asked.substring(0, cut).equals(library.coordinates().get(0))) {
            return; // the fork's other version is of another artifact
        }
        String loaded = loaded(library);
        if (!asked.substring(cut + 1).equals(loaded)) {
            throw new IllegalStateException(library + ": this fork was started for " + asked + " but loads version "
                    + loaded + " (is versions/ beside the jar, and first on the classpath?)");
        }
    }
}
