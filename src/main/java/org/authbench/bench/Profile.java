package org.authbench.bench;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.authbench.jwt.JwtLibrary;
import org.openjdk.jmh.annotations.Mode;

/**
 * The suite's JMH settings, in one place. A profile is one or more passes; each pass is a JMH run over
 * the benchmarks matching its pattern, with its own modes, forks, warmup and measurement.
 *
 * <p>One mode per question: every mean, ranking and ratio comes from one AverageTime pass in which every row has
 * the same warmup; percentiles come from a separate, shorter SampleTime pass over verification, whose means are
 * never divided into anything (SampleTime's per-sample timer overhead and tail inflate its mean). {@code standard}
 * measures its means pass adaptively: forks of every row interleaved in shuffled rounds, at least
 * {@link #MIN_FORKS}, until the row's fork-level interval reaches the profile's {@link #precision()}, the fork cap or
 * the time budget ({@code run --precision}, {@code --max-forks}, {@code --budget}). Its warmup is a 1.5 s floor, and a
 * steady-state test on each fork's iterations ({@link org.authbench.stats.SteadyState}) drops the ones still warming
 * up: jjwt and jose4j HS256 verification settled after 2.5 s of 0.5 s iterations with no warmup on 2 shared cores,
 * other rows within one. A row whose iterations never settle is flagged by the report rather than hidden.
 * {@code full} measures every mean at these settings too.
 */
public enum Profile {
    /**
     * The whole matrix (every library × algorithm, every store tier, valid and bad-signature tokens, hits
     * and misses, the floors) once: 1 fork, seconds per row. A smoke test with wide errors, ~5 minutes.
     */
    QUICK("quick smoke of the whole matrix (wide errors)",
            List.of(Pass.of("VerifyBenchmark|ApiKeyLookupBenchmark\\.lookup_(hit|miss)$|CryptoFloorBenchmark", Mode.AverageTime)
                            .withForks(1).withWarmup(1, ofSeconds(1)).withMeasurement(2, ofMillis(400)),
                    Pass.of("VerifyBenchmark\\.verify_valid$", Mode.SampleTime)
                            .withForks(1).withWarmup(1, ofSeconds(1)).withMeasurement(1, ofMillis(500))),
            Map.of("alg", Original.ALGORITHMS), 0),
    /**
     * The default: verification by the seven libraries, the floors and key lookups (hits on every store tier, misses on
     * the embedded ones) in one AverageTime pass, adaptive to a 3% fork-level half-width between {@link #MIN_FORKS} and
     * the fork cap within an 11-minute budget; then verification's percentiles from one short SampleTime fork per row.
     * Framework verifiers run in {@code frameworks}. Each fork warms up 1.5 s and measures 8 × 0.2 s, of which the
     * steady-state test drops up to half as further warmup.
     */
    STANDARD("rank libraries and schemes (the default)",
            List.of(Steady.pass("VerifyBenchmark\\.verify_valid$|CryptoFloorBenchmark|ApiKeyLookupBenchmark\\.lookup_hit$"),
                    Steady.pass("ApiKeyLookupBenchmark\\.lookup_miss$")
                            .withParams(Map.of("store", List.of("PLAIN", "HASHED", "CAFFEINE", "H2"))),
                    Pass.of("VerifyBenchmark\\.verify_valid$", Mode.SampleTime)
                            .withForks(1).withWarmup(3, ofMillis(500)).withMeasurement(1, ofSeconds(1))),
            Map.of("alg", Original.ALGORITHMS, "library", Original.LIBRARIES), 0.03, 11),
    /**
     * What a framework adds over the library it wraps: Spring Security's decoder (and with its authentication
     * converter) beside nimbus, SmallRye JWT beside jose4j, vert.x's JWTAuth beside its JOSE layer, HS256/RS256/ES256,
     * measured like {@code standard}'s means. ~6 minutes on 2 cores.
     */
    FRAMEWORKS("framework verifiers beside the libraries they wrap (Spring, SmallRye, vert.x)",
            List.of(Steady.pass("VerifyBenchmark\\.verify_valid$")),
            Map.of("alg", Original.ALGORITHMS, "library", List.of("SPRING", "SPRING_CONVERTED", "NIMBUS", "SMALLRYE", "JOSE4J",
                    "VERTX", "VERTX_JOSE")), 0.03),
    /**
     * Everything, for reference numbers, in about 50 minutes per JVM, so JDK 17 and 25 fit one working session. One
     * AverageTime pass measured like {@code standard}'s means (adaptive, 1.5 s warmup floor, steady-state test): every
     * verifier (frameworks too) × all seven algorithms, every floor, every key store's hit, miss, revoked and
     * bad-checksum lookups, the cached lookups and both sides of revocation. At the same settings: the reference
     * verifier and the JWS floors on BC and ACCP, and verification, the floors and the memory key stores at 2 threads
     * (scaling); refusals, token shapes, issuance and the verified-token cache at RS256 in one fork (their ratios to
     * {@code verify_valid} are comparable, their own intervals come from iterations). Percentiles of HS256/RS256/ES256
     * verification from a short SampleTime pass. The budget counts per JVM. Other library versions run in
     * {@code versions}, every library on every provider in {@code platform}.
     */
    FULL("everything: every verifier x seven algorithms, every store and floor, providers, 2 threads",
            List.of(Steady.pass("VerifyBenchmark\\.verify_valid$|CryptoFloorBenchmark|ApiKeyLookupBenchmark"
                            + "|CachedLookupBenchmark|RevocationBenchmark"),
                    Steady.pass("VerifyBenchmark\\.verify_valid$|CryptoFloorBenchmark\\.floor_jwsSignature$")
                            .withParams(Map.of("library", List.of("REFERENCE"), "provider", List.of("BC", "ACCP"),
                                    "alg", Original.ALGORITHMS)),
                    Steady.pass("VerifyBenchmark\\.verify_valid$|CryptoFloorBenchmark|ApiKeyLookupBenchmark\\.lookup_hit$")
                            .withThreads(2).withParams(Map.of("library", List.of("REFERENCE", "NIMBUS", "VERTX_JOSE"),
                                    "alg", Original.ALGORITHMS, "store", List.of("PLAIN", "HASHED", "CAFFEINE"))),
                    Steady.pass("VerifyBenchmark\\.verify_badSignature$|RejectBenchmark|TokenShapeBenchmark|IssueBenchmark"
                            + "|CachedVerificationBenchmark").withForks(1).withOwnForks()
                            .withParams(Map.of("alg", List.of("RS256"), "claims", List.of("5", "100"),
                                    "jwkSetSize", List.of("1", "100"))),
                    Pass.of("VerifyBenchmark\\.verify_valid$", Mode.SampleTime).withParams(Map.of("alg", Original.ALGORITHMS))
                            .withForks(1).withWarmup(3, ofMillis(500)).withMeasurement(1, ofSeconds(1))),
            Map.of("provider", List.of("DEFAULT")), 0.03, 50),
    /**
     * What the JCA provider changes: HS256/RS256/ES256 verification through the reference verifier and two libraries
     * that call JCA differently (nimbus and auth0 convert ES256 signatures to DER; reference asks for P1363), and
     * the raw JWS floors, on every provider. 36 rows; ≥ 10 s warmup like {@code standard}, but 1 fork, so errors
     * come from iterations only. ~10 minutes on 2 cores; run with several {@code --jvm} to compare JDKs too.
     */
    PLATFORM("verify and JWS floors on every JCA provider (DEFAULT, BC, ACCP)",
            List.of(Pass.of("VerifyBenchmark\\.verify_valid|CryptoFloorBenchmark\\.floor_jwsSignature", Mode.AverageTime)
                    .withForks(1).withWarmup(5, ofSeconds(2)).withMeasurement(4, ofSeconds(1))),
            Map.of("library", List.of("REFERENCE", "NIMBUS", "AUTH0"), "provider", List.of("DEFAULT", "BC", "ACCP"), "alg",
                    Original.ALGORITHMS)),
    /**
     * API keys where they really live: every store tier's hit, miss and revoked lookups at 1 and 2 threads
     * (pools and network hops behave differently under concurrency), the cache at 100/90/50% hit ratio, and
     * revocation on both sides. 10,000 keys per tier. 1 fork: errors come from iterations only. ~12 minutes.
     */
    STORES("store tiers at 1 and 2 threads, cache hit ratios, revocation on both sides",
            List.of(Pass.of("ApiKeyLookupBenchmark\\.lookup_(hit|miss|revoked)$|CachedLookupBenchmark\\.lookup_hit$", Mode.AverageTime)
                            .withThreads(1, 2).withForks(1).withWarmup(3, ofSeconds(1)).withMeasurement(4, ofMillis(500)),
                    Pass.of("RevocationBenchmark", Mode.AverageTime)
                            .withForks(1).withWarmup(3, ofSeconds(1)).withMeasurement(4, ofMillis(500))),
            Map.of("size", List.of("10000"))),
    /**
     * What refusing costs and what token shape adds, at one algorithm (RS256: a refusal that skips the signature
     * shows, one that does not is as dear as a valid token): every library's valid and bad-signature verification,
     * every {@code RejectBenchmark} kind, and the claim-count and JWK-set-size extremes (5 and 100 claims; 1 and
     * 100 keys). 1 fork, 2 × 1 s warmup, 3 × 0.5 s: errors are wide, ratios within a library are what it is for.
     * ~8 minutes on 2 cores.
     */
    REJECTS("reject paths and token shapes at RS256 (every library, one fork)",
            List.of(Pass.of("VerifyBenchmark\\.verify_(valid|badSignature)$|RejectBenchmark\\.reject$"
                    + "|TokenShapeBenchmark\\.verify_(claims|kid)$", Mode.AverageTime)
                    .withForks(1).withWarmup(2, ofSeconds(1)).withMeasurement(3, ofMillis(500))),
            Map.of("alg", List.of("RS256"), "claims", List.of("5", "100"), "jwkSetSize", List.of("1", "100"))),
    /**
     * Did upgrading help? vert.x's JWT verification (its public path) and jjwt's, HS256/RS256/ES256 at 1 and 2 threads,
     * on the version the suite is built with and on every other version the build copies beside it
     * ({@link LibraryVersions}; vertx-auth-jwt 5.1.6, jjwt 0.12.6), each version in its own forks. Adaptive like
     * {@code standard}: the forks of both versions interleave in shuffled rounds, so a slow phase of the host lands on
     * both. ~10 minutes on 2 cores.
     */
    VERSIONS("one library on several versions: vertx-auth-jwt and jjwt, 1 and 2 threads",
            List.of(Pass.of("VerifyBenchmark\\.verify_valid$", Mode.AverageTime)
                    .withThreads(1, 2).withForks(Profile.MIN_FORKS).withWarmup(4, ofSeconds(1)).withMeasurement(3, ofMillis(400))),
            Map.of("library", List.of("VERTX", "JJWT"), "alg", Original.ALGORITHMS), 0.03),
    /**
     * API keys across a network hop, and what a JWT verification costs beside them, in one run: REDIS and POSTGRES
     * lookups (hit, miss, revoked) at 1 and 2 threads and the caffeine tier over each (90% and 99% hits, 1 thread) at
     * every round trip of {@link org.authbench.net.Rtt#DEFAULT_SWEEP} and at {@code direct}; the REDIS denylist behind
     * the reference verifier at the same settings; and HS256, RS256 and ES256 verification by the reference verifier
     * and the fastest libraries of the standard run (vertx-jose, fusionauth, auth0, nimbus). 10,000 keys, pools of
     * 256. Trimmed to fit half an hour on 2 cores: 2 forks per row (the fewest that give a fork-level interval),
     * 2 × 0.5 s warmup and 3 × 0.4 s measurement (a 2 ms round trip still gives ~200 lookups per iteration). The run
     * calibrates the injector first and writes {@code network.json}.
     */
    NETWORK("API keys across a network hop (rtt sweep) beside JWT verification, 2 forks",
            List.of(Pass.of("ApiKeyLookupBenchmark\\.lookup_(hit|miss|revoked)$", Mode.AverageTime)
                            .withThreads(1, 2).withForks(2).withWarmup(2, ofMillis(500)).withMeasurement(3, ofMillis(400)),
                    Pass.of("CachedLookupBenchmark\\.lookup_hit$|RevocationBenchmark\\.jwt_verifyDenylist_(accepted|refused)$",
                                    Mode.AverageTime)
                            .withForks(2).withWarmup(2, ofMillis(500)).withMeasurement(3, ofMillis(400))
                            .withParams(Map.of("library", List.of("REFERENCE"))),
                    Pass.of("VerifyBenchmark\\.verify_valid$", Mode.AverageTime)
                            .withForks(2).withWarmup(2, ofMillis(500)).withMeasurement(3, ofMillis(400))),
            Map.of("store", List.of("REDIS", "POSTGRES"), "backing", List.of("REDIS", "POSTGRES"),
                    "cacheHitRatio", List.of("0.9", "0.99"), "denylist", List.of("REDIS"), "size", List.of("10000"),
                    "poolSize", List.of("256"), "rtt", Network.SWEEP,
                    "library", List.of("REFERENCE", "VERTX_JOSE", "FUSIONAUTH", "AUTH0", "NIMBUS"),
                    "alg", Original.ALGORITHMS)),
    /**
     * The CI gate's subset: every JWT algorithm through the reference verifier (which carries the self-test knob)
     * and one library, and both memory key stores (no servers needed). Three forks, because the gate judges over
     * forks: fork-to-fork JIT differences are the noise it must see. Short forks, because that noise dominates:
     * forks of these rows on a quiet 2-vCPU host scattered 2.0% (median sd of the fork medians) after 1.5 s of warmup
     * and 2 s of measurement, 2.6% after 5 s and 2 s, and with ~2.4 s of JVM start and setup per fork,
     * scatter × √seconds (lower: a narrower interval per minute) is 4.8 against 8.0 (results/reference/fork-shape-35ecac0).
     */
    CI("CI regression gate: reference + nimbus x 3 algorithms, memory key stores",
            List.of(Pass.of("VerifyBenchmark\\.verify_valid|ApiKeyLookupBenchmark\\.lookup_hit$", Mode.AverageTime)
                    .withForks(3).withWarmup(3, ofMillis(500)).withMeasurement(8, ofMillis(250))),
            Map.of("library", List.of("REFERENCE", "NIMBUS"), "store", List.of("PLAIN", "HASHED"), "alg", Original.ALGORITHMS));

    /**
     * The algorithms quick, standard and ci measure: HS256, RS256, ES256. Their size and the gate's baselines
     * stay as they were; PS256, ES384, HS512 and EdDSA run in {@code full} or with {@code --param alg=...}
     * (all seven would put quick at ~9 minutes and standard at ~34).
     */
    private static final class Network {
        /** {@code direct} (the loopback baseline) and the default sweep. */
        static final List<String> SWEEP = java.util.stream.Stream.concat(java.util.stream.Stream.of(org.authbench.net.Rtt.DIRECT_LABEL),
                org.authbench.net.Rtt.DEFAULT_SWEEP.stream()).toList();
    }

    private static final class Original {
        static final List<String> ALGORITHMS = List.of("HS256", "RS256", "ES256");
        /** The verifiers {@code standard} ranks: six libraries as applications call them and the reference verifier. */
        static final List<String> LIBRARIES = List.of("JJWT", "NIMBUS", "AUTH0", "JOSE4J", "FUSIONAUTH", "VERTX", "REFERENCE");
    }

    /** The mean pass of {@code standard} and {@code frameworks}: a 1.5 s warmup floor, then 8 × 0.2 s. */
    private static final class Steady {
        static Pass pass(String include) {
            return Pass.of(include, Mode.AverageTime).withForks(MIN_FORKS).withWarmup(3, ofMillis(500))
                    .withMeasurement(8, ofMillis(200));
        }
    }

    /**
     * Allowance per fork for JVM start and fixture setup (RSA keys, token pools, 100k API keys): four verification
     * forks of 0.1 s each took 9.2 s from the command line, two key-lookup forks 3.8 s, on 2 shared cores.
     */
    public static final double FORK_OVERHEAD_SECONDS = 2.0;

    /** Forks every row of an adaptive pass runs before its interval is judged: fewer give no usable spread. */
    public static final int MIN_FORKS = 3;

    /** Default cap on an adaptive row's forks ({@code run --max-forks}). */
    public static final int MAX_FORKS = 4;

    /**
     * The libraries whose other built versions this profile measures beside the shipped one ({@code run --versions}
     * adds to them): the version axis runs in {@code versions}.
     */
    public List<JwtLibrary> versioned() {
        return this == VERSIONS ? List.of(JwtLibrary.VERTX, JwtLibrary.JJWT) : List.of();
    }

    /** Planned wall time of the whole profile with its own parameters, in seconds (adaptive rows at their minimum). */
    public double plannedSeconds() {
        return plannedSeconds(MIN_FORKS);
    }

    /**
     * Planned wall time when every row of an adaptive pass (AverageTime or Throughput, in a profile with a precision)
     * runs {@code adaptiveForks} forks; the other passes run their own forks.
     */
    public double plannedSeconds(int adaptiveForks) {
        double total = 0;
        for (Pass p : passes) {
            Map<String, String[]> values = new HashMap<>();
            params.forEach((k, v) -> values.put(k, v.toArray(String[]::new)));
            p.params().forEach((k, v) -> values.put(k, v.toArray(String[]::new)));
            Pass planned = precision > 0 && p.adaptive() ? p.withForks(adaptiveForks) : p;
            List<String> names = planned.benchmarks(null);
            total += planned.rows(names, values) * planned.secondsPerRowWithStartup();
            for (JwtLibrary l : versioned()) {
                total += LibraryVersions.plannedRows(planned, names, values, l) * planned.secondsPerRowWithStartup();
            }
        }
        return total;
    }

    /** JVM flags of every fork: a fixed heap so GC sizing does not vary between forks. */
    public static final List<String> JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

    private final String description;
    private final List<Pass> passes;
    private final Map<String, List<String>> params;
    private final double precision;
    private final double budgetMinutes;

    Profile(String description, List<Pass> passes) {
        this(description, passes, Map.of());
    }

    Profile(String description, List<Pass> passes, Map<String, List<String>> params) {
        this(description, passes, params, 0);
    }

    Profile(String description, List<Pass> passes, Map<String, List<String>> params, double precision) {
        this(description, passes, params, precision, 0);
    }

    Profile(String description, List<Pass> passes, Map<String, List<String>> params, double precision,
            double budgetMinutes) {
        this.description = description;
        this.passes = passes;
        this.params = params;
        this.precision = precision;
        this.budgetMinutes = budgetMinutes;
    }

    /**
     * Minutes of measurement within which an adaptive run of this profile adds forks beyond {@link #MIN_FORKS}
     * ({@code run --budget}); 0 = no budget, only the cap.
     */
    public double budgetMinutes() {
        return budgetMinutes;
    }

    /**
     * The relative half-width (95%, over fork means) at which an adaptive run stops adding forks to a row of its
     * AverageTime passes; 0 = the forks each pass says.
     */
    public double precision() {
        return precision;
    }

    public String description() {
        return description;
    }

    public List<Pass> passes() {
        return passes;
    }

    /** JMH parameter values this profile narrows to (a user's {@code --param} of the same name wins). */
    public Map<String, List<String>> params() {
        return params;
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Profile parse(String name) {
        for (Profile p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (Profile p : values()) {
            choices.append(choices.length() == 0 ? "" : ", ").append(p.cliName());
        }
        throw new IllegalArgumentException("unknown profile '" + name + "' (choose from " + choices + ")");
    }
}
