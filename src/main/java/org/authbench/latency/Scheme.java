package org.authbench.latency;

import java.util.ArrayList;
import java.util.List;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.net.DelayProxy;
import org.authbench.net.ProxyDelays;
import org.authbench.net.Remote;
import org.authbench.net.Route;
import org.authbench.net.Rtt;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.bench.Preflight;
import org.authbench.fixture.ApiKeyFixture;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.cache.CachingVerifier;

/**
 * A scheme by the name {@code authbench list} prints: {@code apikey:<store>}, {@code jwt:<library>:<ALG>} or
 * {@code jwt-cached:<library>:<ALG>} (the same verifier behind the verified-token cache).
 * {@link #prepare()} builds its {@link Authenticator} from the fixtures exactly as the JMH benchmarks do and
 * proves it before anything is timed (valid pool accepted as the right principals, forgeries refused).
 */
public sealed interface Scheme {

    /** Pool sizes of the benchmarks ({@code VerifyBenchmark.poolSize}, {@code ApiKeyLookupBenchmark.poolSize}). */
    int JWT_POOL = 256;
    int API_KEY_POOL = 1024;

    /** The name as {@code list} prints it and the CLI accepts it. */
    String name();

    /** Null when the scheme can run here; otherwise one line saying why not (a store's server is unreachable). */
    String unavailableReason();

    /** Builds the authenticator and its credential pool, and proves it; close it when done. */
    /** {@link #prepare(Rtt, int)} directly, with the default connection pool. */
    default Prepared prepare() {
        return prepare(Rtt.DIRECT, StoreOptions.DEFAULT_POOL);
    }

    /**
     * Builds the scheme; a store scheme connects through a delay proxy at {@code rtt} (unless direct) with
     * {@code pool} connections. JWT schemes have no store and ignore both.
     */
    Prepared prepare(Rtt rtt, int pool);

    /** An authenticator ready to be timed, with the pool of valid credentials to cycle (power-of-two length). */
    record Prepared(Authenticator authenticator, String[] credentials, AutoCloseable resource) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            resource.close();
        }
    }

    /** An API-key store tier seeded with {@link ApiKeyFixture#DEFAULT_SIZE} keys, presented stored keys. */
    record ApiKey(StoreKind store) implements Scheme {
        @Override
        public String name() {
            return "apikey:" + store.cliName();
        }

        @Override
        public String unavailableReason() {
            return store.unavailableReason();
        }

        @Override
        public Prepared prepare(Rtt rtt, int pool) {
            ApiKeyFixture fixture = ApiKeyFixture.create(ApiKeyFixture.DEFAULT_SIZE, API_KEY_POOL);
            StoreOptions options = StoreOptions.defaults().withPool(pool);
            String why = Route.notApplicable(store, options, rtt);
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
            DelayProxy proxy = null;
            if (!rtt.direct()) {
                StoreKind remote = Route.remote(store, options);
                Remote server = Route.server(remote, options);
                proxy = DelayProxy.open(rtt, ProxyDelays.forFork(remote, rtt), 0, server.host(), server.port());
                options = Route.via(remote, options, proxy);
            }
            DelayProxy opened = proxy;
            ApiKeyStore keys;
            try {
                keys = store.open(options);
            } catch (RuntimeException e) {
                if (opened != null) {
                    opened.close();
                }
                throw e;
            }
            AutoCloseable both = () -> {
                try {
                    keys.close();
                } finally {
                    if (opened != null) {
                        opened.close();
                    }
                }
            };
            try {
                keys.load(fixture.issued());
                String[] hits = fixture.hits();
                Principal[] expected = new Principal[hits.length];
                for (int i = 0; i < hits.length; i++) {
                    expected[i] = fixture.hitPrincipal(i);
                }
                Preflight.mustAccept(name(), keys, hits, expected);
                Preflight.mustReject(name(), keys, Rejected.Reason.UNKNOWN_KEY, fixture.misses());
                Preflight.mustReject(name(), keys, Rejected.Reason.BAD_CHECKSUM, fixture.badChecksums());
                Preflight.mustReject(name(), keys, Rejected.Reason.REVOKED, fixture.revoked());
                return new Prepared(keys, hits, both);
            } catch (RuntimeException e) {
                try {
                    both.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /** A JWT library verifying one algorithm under the fixture's policy, presented distinct valid tokens. */
    record Jwt(JwtLibrary library, JwtAlgorithm algorithm) implements Scheme {
        @Override
        public String name() {
            return "jwt:" + library.cliName() + ":" + algorithm.name();
        }

        @Override
        public String unavailableReason() {
            String why = library.unsupportedReason(algorithm);
            return why == null ? null : "not supported (" + why + ")";
        }

        @Override
        public Prepared prepare(Rtt rtt, int pool) {
            JwtFixture fixture = JwtFixture.create(algorithm, JWT_POOL);
            Authenticator verifier = library.create(fixture.policy());
            String[] valid = fixture.validTokens();
            Principal[] expected = new Principal[valid.length];
            for (int i = 0; i < valid.length; i++) {
                expected[i] = fixture.principal(i);
            }
            Preflight.mustAccept(name(), verifier, valid, expected);
            Preflight.mustReject(name(), verifier, fixture.hostileTokens().values().toArray(String[]::new));
            return new Prepared(verifier, valid, () -> { });
        }
    }

    /**
     * A JWT library behind the verified-token cache ({@code CachingVerifier}, read-through): preflight verifies the
     * whole pool, so every timed request is a cache hit; the all-hits latency of a gateway that caches verifications.
     */
    record CachedJwt(JwtLibrary library, JwtAlgorithm algorithm) implements Scheme {
        @Override
        public String name() {
            return "jwt-cached:" + library.cliName() + ":" + algorithm.name();
        }

        @Override
        public String unavailableReason() {
            return new Jwt(library, algorithm).unavailableReason();
        }

        @Override
        public Prepared prepare(Rtt rtt, int pool) {
            JwtFixture fixture = JwtFixture.create(algorithm, JWT_POOL);
            Authenticator verifier = new CachingVerifier(library.create(fixture.policy()), fixture.policy().clock(),
                    CachingVerifier.DEFAULT_MAXIMUM_SIZE);
            String[] valid = fixture.validTokens();
            Principal[] expected = new Principal[valid.length];
            for (int i = 0; i < valid.length; i++) {
                expected[i] = fixture.principal(i);
            }
            Preflight.mustAccept(name(), verifier, valid, expected); // fills the cache
            Preflight.mustAccept(name() + " (cached)", verifier, valid, expected);
            // Pool token 0 is cached now; its hostile variants (flipped signature among them) must still be refused.
            Preflight.mustReject(name(), verifier, fixture.hostileTokens().values().toArray(String[]::new));
            return new Prepared(verifier, valid, () -> { });
        }
    }

    /** Parses one scheme name; throws {@link IllegalArgumentException} naming the problem. */
    static Scheme parse(String text) {
        String[] parts = text.strip().split(":", -1);
        try {
            if (parts.length == 2 && parts[0].equalsIgnoreCase("apikey")) {
                return new ApiKey(StoreKind.parse(parts[1]));
            }
            if (parts.length == 3 && parts[0].equalsIgnoreCase("jwt")) {
                return new Jwt(JwtLibrary.parse(parts[1]), JwtAlgorithm.parse(parts[2]));
            }
            if (parts.length == 3 && parts[0].equalsIgnoreCase("jwt-cached")) {
                return new CachedJwt(JwtLibrary.parse(parts[1]), JwtAlgorithm.parse(parts[2]));
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("scheme '" + text + "': " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("unknown scheme '" + text
                + "' (apikey:<store>, jwt:<library>:<alg> or jwt-cached:<library>:<alg>; `authbench list` prints them)");
    }

    /** Parses a comma-separated list, refusing duplicates (their output files would collide). */
    static List<Scheme> parseList(List<String> names) {
        List<Scheme> out = new ArrayList<>();
        for (String n : names) {
            Scheme s = parse(n);
            if (out.contains(s)) {
                throw new IllegalArgumentException("scheme " + s.name() + " given twice");
            }
            out.add(s);
        }
        return out;
    }
}
