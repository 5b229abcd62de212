package org.authbench.runfiles;

/**
 * The names of the files in a run folder, in one place. A run folder holds {@code jmh-result.json} (JMH's JSON
 * result array, the source of truth), {@code manifest.json} (what ran, where, how it ended), {@code jmh.log},
 * and optionally {@code latency/} and {@code conformance.json}; the report files are generated from them.
 */
public final class RunFiles {

    /**
     * The manifest's {@code warmupEnd} of a run whose estimates read each fork from where the steady-state test says
     * its warmup ended ({@link org.authbench.stats.SteadyState}).
     */
    public static final String STEADY_STATE = "steady-state";

    public static final String RESULT = "jmh-result.json";
    public static final String MANIFEST = "manifest.json";
    public static final String JMH_LOG = "jmh.log";
    /** Folder of {@code authbench latency}'s output: the summary, .hlog and .hgrm files. */
    public static final String LATENCY_DIR = "latency";
    public static final String LATENCY_SUMMARY_NAME = "summary.json";
    public static final String LATENCY_SUMMARY = LATENCY_DIR + "/" + LATENCY_SUMMARY_NAME;
    public static final String CONFORMANCE = "conformance.json";
    public static final String CONFORMANCE_MD = "conformance.md";
    /** The network round-trip injector's calibration and the stores' server-side cost ({@link Network}). */
    public static final String NETWORK = "network.json";

    /**
     * System property naming the file each benchmark fork appends its JCA provider record to: the run's
     * bookkeeping (a path), so it appears among the forks' JVM arguments without being a JVM setting.
     */
    public static final String PROVIDER_RECORD_PROPERTY = "authbench.providerRecord";

    /**
     * Fork system property {@code group:artifact:version}: the other version of a library whose jars a run put first
     * on the forks' classpath; rows without it ran the version the suite is built with.
     */
    public static final String LIBRARY_VERSION_PROPERTY = "authbench.libraryVersion";

    /** The {@link #LIBRARY_VERSION_PROPERTY} value among a fork's JVM arguments, or null when it ran the shipped version. */
    public static String libraryVersion(Iterable<String> jvmArgs) {
        String prefix = "-D" + LIBRARY_VERSION_PROPERTY + "=";
        for (String a : jvmArgs) {
            if (a.startsWith(prefix)) {
                return a.substring(prefix.length());
            }
        }
        return null;
    }

    /** Bumped when a manifest field changes meaning; readers refuse versions they do not know. */
    public static final int MANIFEST_FORMAT = 1;
    /** Format version of {@code conformance.json} this reader understands. */
    public static final int CONFORMANCE_FORMAT = 1;

    private RunFiles() {
    }
}
