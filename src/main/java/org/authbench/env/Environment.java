package org.authbench.env;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.authbench.apikey.StoreKind;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import oshi.SystemInfo;
import oshi.hardware.CentralProcessor;

/**
 * Facts about where a run happens, read from the machine and the classpath, never typed by hand:
 * JVM, OS, CPU, the exact versions of every library under test, and the git commit.
 */
public final class Environment {

    /** Coordinates recorded beside the libraries' and stores' own: shared parsers, JCA providers, the harness. */
    private static final List<String> SHARED = List.of(
            "com.fasterxml.jackson.core:jackson-databind",
            "org.bouncycastle:bcprov-jdk18on",
            "software.amazon.cryptools:AmazonCorrettoCryptoProvider",
            "org.openjdk.jmh:jmh-core",
            "org.hdrhistogram:HdrHistogram");

    /**
     * Maven coordinates ({@code group:artifact}) whose versions the manifest records: every JWT library's and
     * store tier's, from their enums, then {@link #SHARED}.
     */
    public static List<String> tracked() {
        Set<String> all = new LinkedHashSet<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            all.addAll(l.coordinates());
        }
        all.add(SHARED.get(0));
        for (StoreKind k : StoreKind.values()) {
            all.addAll(k.coordinates());
        }
        all.addAll(SHARED);
        return List.copyOf(all);
    }

    private Environment() {
    }

    /**
     * Artifacts that ship no {@code pom.properties}: a class of theirs (to find the jar's manifest or file name)
     * and, where the library has one, a public constant holding its version (which survives shading).
     */
    private static final Map<String, String[]> PROBES = Map.of(
            "com.auth0:java-jwt", new String[] {"com.auth0.jwt.JWT", null},
            "com.github.ben-manes.caffeine:caffeine", new String[] {"com.github.benmanes.caffeine.cache.Caffeine", null},
            "com.h2database:h2", new String[] {"org.h2.engine.Constants", "VERSION"},
            "org.postgresql:postgresql", new String[] {"org.postgresql.util.DriverInfo", "DRIVER_VERSION"});

    /**
     * The version of an artifact on the classpath: its {@code META-INF/maven/.../pom.properties}; else the
     * library's own version constant, its jar manifest, or its jar's file name; null when nothing says.
     */
    /**
     * The build's resolved runtime classpath ({@code dependency:list}, written into the jar by the pom):
     * exact versions for jars that carry no {@code pom.properties} (java-jwt and caffeine are built by Gradle).
     */
    private static final Map<String, String> RESOLVED = readResolved();

    private static Map<String, String> readResolved() {
        Map<String, String> m = new LinkedHashMap<>();
        try (InputStream in = Environment.class.getResourceAsStream("resolved-dependencies.txt")) {
            if (in == null) {
                return m;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String coords = line.strip();
                int cut = coords.indexOf(" -- ");
                if (cut > 0) {
                    coords = coords.substring(0, cut);
                }
                String[] p = coords.split(":");
                // group:artifact:type:version:scope, or group:artifact:type:classifier:version:scope
                if (p.length == 5 || p.length == 6) {
                    m.putIfAbsent(p[0] + ":" + p[1], p[p.length - 2]);
                }
            }
        } catch (IOException e) {
            // no list: the probes below still apply
        }
        return m;
    }

    public static String version(String groupId, String artifactId) {
        String path = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Environment.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version");
            }
        } catch (IOException e) {
            // fall through to the build's list and the probes
        }
        String resolved = RESOLVED.get(groupId + ":" + artifactId);
        if (resolved != null) {
            return resolved;
        }
        String[] probe = PROBES.get(groupId + ":" + artifactId);
        return probe == null ? null : probeVersion(artifactId, probe[0], probe[1]);
    }

    private static String probeVersion(String artifactId, String className, String constant) {
        try {
            Class<?> c = Class.forName(className, constant != null, Environment.class.getClassLoader());
            if (constant != null) {
                return String.valueOf(c.getField(constant).get(null));
            }
            if (c.getPackage() != null && c.getPackage().getImplementationVersion() != null) {
                return c.getPackage().getImplementationVersion();
            }
            CodeSource src = c.getProtectionDomain().getCodeSource();
            String file = src == null ? "" : Path.of(src.getLocation().toURI()).getFileName().toString();
            if (file.startsWith(artifactId + "-") && file.endsWith(".jar")) {
                return file.substring(artifactId.length() + 1, file.length() - 4);
            }
            return null;
        } catch (ReflectiveOperationException | LinkageError | URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    public static Map<String, String> libraryVersions() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String coordinates : tracked()) {
            int colon = coordinates.indexOf(':');
            String v = version(coordinates.substring(0, colon), coordinates.substring(colon + 1));
            m.put(coordinates, v == null ? "unknown (no version metadata on the classpath)" : v);
        }
        return m;
    }

    public static Map<String, Object> jvm() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("vendor", System.getProperty("java.vm.vendor"));
        m.put("name", System.getProperty("java.vm.name"));
        m.put("version", System.getProperty("java.runtime.version"));
        m.put("home", "<java.home>"); // the path is of this machine only; the version says what matters
        m.put("inputArguments", ManagementFactory.getRuntimeMXBean().getInputArguments());
        return m;
    }

    public static Map<String, Object> os() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", System.getProperty("os.name"));
        m.put("version", System.getProperty("os.version"));
        m.put("arch", System.getProperty("os.arch"));
        m.put("availableProcessors", Runtime.getRuntime().availableProcessors());
        m.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
        return m;
    }

    /**
     * Instruction-set flags that change what crypto costs: AES-NI, carry-less multiply, SHA extensions, the
     * big-integer helpers RSA/EC intrinsics use (BMI2, ADX), AVX2 and AVX-512; on ARM the crypto extensions.
     */
    static final Set<String> ISA_FLAGS = Set.of("sse4_2", "aes", "pclmulqdq", "sha_ni", "bmi2", "adx", "avx", "avx2",
            "vaes", "vpclmulqdq", "pmull", "sha1", "sha2", "sha3", "sha512", "asimd", "sve", "sve2");

    /**
     * CPU model, cores and instruction-set flags (OSHI, which reads /proc/cpuinfo on Linux). A machine where
     * OSHI cannot read them gets {@code "error"} instead of a failed run.
     */
    public static Map<String, Object> cpu() {
        Map<String, Object> m = new LinkedHashMap<>();
        try {
            CentralProcessor p = new SystemInfo().getHardware().getProcessor();
            CentralProcessor.ProcessorIdentifier id = p.getProcessorIdentifier();
            m.put("model", id.getName().strip());
            m.put("vendor", id.getVendor());
            m.put("microarchitecture", id.getMicroarchitecture());
            m.put("physicalCores", p.getPhysicalProcessorCount());
            m.put("logicalCores", p.getLogicalProcessorCount());
            m.put("sockets", p.getPhysicalPackageCount());
            m.put("maxFrequencyHz", p.getMaxFreq());
            Set<String> all = new TreeSet<>();
            for (String line : p.getFeatureFlags()) {
                String flags = line.contains(":") ? line.substring(line.indexOf(':') + 1) : line;
                for (String f : flags.strip().split("\\s+")) {
                    if (!f.isEmpty()) {
                        all.add(f.toLowerCase(Locale.ROOT));
                    }
                }
            }
            m.put("isaFlags", all.stream().filter(f -> ISA_FLAGS.contains(f) || f.startsWith("avx512")).toList());
            m.put("allFlags", String.join(" ", all));
        } catch (RuntimeException | LinkageError e) {
            m.put("error", "CPU facts unavailable: " + e);
        }
        return m;
    }

    /**
     * The JCA provider that serves each algorithm's primitive in this JVM (e.g. SunEC for ES256), plus SHA-256
     * for hashed API keys. Checked in the JVM that starts the run; forks on the same JDK resolve the same way.
     */
    public static Map<String, Object> jcaProviders() {
        Map<String, Object> m = new LinkedHashMap<>();
        for (JwtAlgorithm a : JwtAlgorithm.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("algorithm", a.jcaName());
            try {
                Provider p = a.isHmac() ? Mac.getInstance(a.jcaName()).getProvider()
                        : Signature.getInstance(a.jcaName()).getProvider();
                e.put("provider", p.getName() + " " + p.getVersionStr());
            } catch (GeneralSecurityException ex) {
                e.put("provider", "unavailable: " + ex.getMessage());
            }
            m.put(a.name(), e);
        }
        Map<String, Object> sha = new LinkedHashMap<>();
        sha.put("algorithm", "SHA-256");
        try {
            Provider p = MessageDigest.getInstance("SHA-256").getProvider();
            sha.put("provider", p.getName() + " " + p.getVersionStr());
        } catch (GeneralSecurityException ex) {
            sha.put("provider", "unavailable: " + ex.getMessage());
        }
        m.put("API key", sha);
        return m;
    }

    /** Git commit facts of the working directory: short sha, full sha, dirty flag; "nogit" outside a repository. */
    public static Map<String, Object> git(Path dir) {
        Map<String, Object> m = new LinkedHashMap<>();
        String sha = run(dir, "git", "rev-parse", "HEAD");
        if (sha == null || sha.isEmpty()) {
            m.put("commit", null);
            m.put("shortCommit", "nogit");
            m.put("dirty", false);
            return m;
        }
        m.put("commit", sha);
        m.put("shortCommit", sha.substring(0, Math.min(8, sha.length())));
        String status = run(dir, "git", "status", "--porcelain", "--untracked-files=no");
        m.put("dirty", status != null && !status.isEmpty());
        return m;
    }

    private static String run(Path dir, String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(false).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return null;
            }
            return out;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
