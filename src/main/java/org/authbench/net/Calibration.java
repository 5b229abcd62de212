package org.authbench.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.authbench.apikey.ApiKeyStore;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.authbench.runfiles.Network;
import redis.clients.jedis.Jedis;

/**
 * What a run with an {@code rtt} sweep measures before its benchmarks, in the host process: for each remote store and
 * setting, a ping-sized request timed directly and through the injector ({@code held}: the added p50 within 10% of
 * the setting; {@code 0us} is the injector's own overhead), and each store's server-side CPU per real lookup (Redis
 * {@code INFO cpu}; PostgreSQL's backends from {@code /proc} when the server runs on this host).
 */
public final class Calibration {

    /** Share of the target the added p50 may miss by and still be reported as that round trip. */
    public static final double TOLERANCE = 0.10;

    private Calibration() {
    }

    /** Why this build uses NetCrusher, probed without touching any interface. */
    public static String injectorWhy() {
        boolean netem = Files.isDirectory(Path.of("/sys/module/sch_netem"));
        return netem ? "the kernel has netem (sch_netem loaded), but this build implements only the NetCrusher proxy"
                : "this kernel has no netem qdisc (sch_netem not loaded; tc answers \"Specified qdisc kind is unknown\"), "
                        + "so a NetCrusher TcpCrusher with a DelayThrottler (rtt/2 each way) relays each store connection, its selector "
                        + "woken at each delayed buffer's deadline";
    }

    /**
     * Calibrates {@code stores} at {@code settings} (direct excluded) with {@code samples} requests each, and measures
     * their lookup cost over {@code lookups} lookups; one line per setting to {@code log}.
     */
    public static Network run(List<StoreKind> stores, List<Rtt> settings, StoreOptions options, int samples, int lookups,
            Consumer<String> log) {
        List<Network.Setting> out = new ArrayList<>();
        Map<String, Network.StoreCost> cost = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        for (StoreKind store : stores) {
            String why = store.unavailableReason(options);
            if (why != null) {
                skipped.put(store.name(), why);
                log.accept("calibration: skipping " + store.cliName() + ": " + why);
                continue;
            }
            Remote server = Route.server(store, options);
            for (Rtt rtt : settings) {
                if (rtt.direct()) {
                    continue;
                }
                try {
                    out.add(setting(store, options, server, rtt, samples, log));
                } catch (RuntimeException | java.sql.SQLException e) {
                    String reason = "unreachable through the injector at " + rtt.label() + ": " + e.getMessage();
                    skipped.put(store.name() + " " + rtt.label(), reason);
                    log.accept("calibration: " + store.cliName() + " " + reason);
                }
            }
            try {
                Network.StoreCost c = store == StoreKind.REDIS ? redisCost(options, server, lookups)
                        : postgresCost(options, server, lookups);
                if (c != null) {
                    cost.put(store.name(), c);
                    log.accept(String.format(Locale.ROOT, "server CPU per %s lookup: %.1f us (%s)", store.cliName(),
                            c.cpuMicrosPerLookup(), c.source()));
                } else {
                    skipped.put(store.name() + " cost", "the server is not on this host: its backend CPU cannot be read");
                }
            } catch (RuntimeException | IOException e) {
                skipped.put(store.name() + " cost", e.getMessage());
                log.accept("server CPU per " + store.cliName() + " lookup not measured: " + e.getMessage());
            }
        }
        return new Network(DelayProxy.INJECTOR, DelayProxy.VERSION, injectorWhy(), List.copyOf(out), cost, skipped);
    }

    /** Rounds of the closed loop: each sets the proxy's delay to what the last one missed by, taken off. */
    static final int ROUNDS = 4;

    /**
     * One setting, closed-loop: the proxy runs at the nominal delay, and while the added p50 misses the target by over
     * {@link #TOLERANCE}, again with the miss taken off its delay (the injector's own lateness, about a constant).
     * A setting below what the proxy adds at zero delay cannot be held and says so. Direct and through are timed back
     * to back in each round, so drift in the server's load hits both alike.
     */
    private static Network.Setting setting(StoreKind store, StoreOptions options, Remote server, Rtt rtt, int samples,
            Consumer<String> log) throws java.sql.SQLException {
        long delay = rtt.nanos();
        Network.Setting last = null;
        for (int round = 1; round <= ROUNDS; round++) {
            Network.Percentiles direct = ping(store, options, server, null, samples);
            Network.Percentiles through;
            try (DelayProxy proxy = DelayProxy.open(rtt, delay, 0, server.host(), server.port())) {
                through = ping(store, options, server, proxy, samples);
            }
            double added = through.p50Micros() - direct.p50Micros();
            boolean held = rtt.nanos() == 0 || Math.abs(added - rtt.micros()) <= TOLERANCE * rtt.micros();
            last = new Network.Setting(store.name(), rtt.label(), rtt.micros(), direct, through, held, delay / 1000.0);
            String note = rtt.nanos() == 0 ? " (the injector's own overhead)"
                    : held ? ", held" + (delay != rtt.nanos() ? String.format(Locale.ROOT, " with the proxy set to %.1f us",
                    delay / 1000.0) : "") : ", not held at a proxy delay of " + String.format(Locale.ROOT, "%.1f us", delay / 1000.0);
            log.accept(String.format(Locale.ROOT, "calibration %s %s: direct p50 %.1f us, through p50 %.1f us "
                            + "(p99 %.1f, p99.9 %.1f): added %.1f us%s", store.cliName(), rtt.label(), direct.p50Micros(),
                    through.p50Micros(), through.p99Micros(), through.p999Micros(), added, note));
            if (held) {
                return last;
            }
            long next = delay - Math.round((added - rtt.micros()) * 1000);
            if (next <= 0) {
                log.accept(String.format(Locale.ROOT, "calibration %s %s: NOT HELD: below what this injector adds by itself "
                        + "on this host (%.1f us at a proxy delay of %.1f us)", store.cliName(), rtt.label(), added,
                        delay / 1000.0));
                return last;
            }
            delay = next;
        }
        log.accept("calibration " + store.cliName() + " " + rtt.label() + ": NOT HELD after " + ROUNDS + " rounds");
        return last;
    }

    private static Network.Percentiles ping(StoreKind store, StoreOptions options, Remote server, DelayProxy proxy,
            int samples) throws java.sql.SQLException {
        String host = proxy == null ? server.host() : "127.0.0.1";
        int port = proxy == null ? server.port() : proxy.address().getPort();
        if (store == StoreKind.REDIS) {
            return Ping.redis(host, port, samples);
        }
        String url = proxy == null ? options.postgresUrl() : Remote.postgresUrlVia(options.postgresUrl(), port);
        return Ping.postgres(url, options.postgresUser(), options.postgresPassword(), samples);
    }

    /** Redis {@code used_cpu_user + used_cpu_sys} across {@code lookups} real lookups ({@code HMGET}) of a seeded store. */
    static Network.StoreCost redisCost(StoreOptions options, Remote server, int lookups) {
        ApiKeyFixture fixture = ApiKeyFixture.create(1024, 256);
        try (ApiKeyStore store = StoreKind.REDIS.open(options.withNamespace(StoreOptions.newNamespace()));
                Jedis info = new Jedis(server.host(), server.port(), 3000, 30_000)) {
            store.load(fixture.issued());
            lookupAll(store, fixture, lookups); // warm
            double before = redisCpuSeconds(info);
            lookupAll(store, fixture, lookups);
            double after = redisCpuSeconds(info);
            return new Network.StoreCost((after - before) * 1e6 / lookups, lookups,
                    "Redis INFO cpu used_cpu_user+used_cpu_sys delta (server-wide: other clients' load counts in)");
        }
    }

    private static double redisCpuSeconds(Jedis info) {
        double total = 0;
        for (String line : info.info("cpu").split("\\r?\\n")) {
            if (line.startsWith("used_cpu_user:") || line.startsWith("used_cpu_sys:")) {
                total += Double.parseDouble(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        return total;
    }

    /**
     * PostgreSQL: utime + stime from {@code /proc/<pid>/stat} of every backend serving the store's pool (found by its
     * application name) across {@code lookups} lookups; null when the server is not on this host.
     */
    static Network.StoreCost postgresCost(StoreOptions options, Remote server, int lookups) throws IOException {
        if (!server.loopback() || !Files.isDirectory(Path.of("/proc/self"))) {
            return null;
        }
        String ns = StoreOptions.newNamespace();
        String url = options.postgresUrl() + (options.postgresUrl().contains("?") ? "&" : "?") + "ApplicationName=" + ns;
        ApiKeyFixture fixture = ApiKeyFixture.create(1024, 256);
        try (ApiKeyStore store = StoreKind.POSTGRES.open(options.withNamespace(ns).withPostgresUrl(url))) {
            store.load(fixture.issued());
            lookupAll(store, fixture, lookups);
            List<Long> pids = backends(options, ns);
            long before = ticks(pids);
            lookupAll(store, fixture, lookups);
            long after = ticks(pids);
            if (pids.isEmpty() || before < 0 || after < 0) {
                return null;
            }
            double hz = 100; // USER_HZ: 100 on every Linux the suite runs on
            return new Network.StoreCost((after - before) / hz * 1e6 / lookups, lookups,
                    "PostgreSQL backends' utime+stime from /proc/<pid>/stat (" + pids.size() + " pooled backends, 10 ms ticks)");
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot list PostgreSQL backends: " + e.getMessage(), e);
        }
    }

    private static List<Long> backends(StoreOptions options, String applicationName) throws java.sql.SQLException {
        List<Long> pids = new ArrayList<>();
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", options.postgresUser());
        p.setProperty("password", options.postgresPassword());
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(options.postgresUrl(), p);
                java.sql.PreparedStatement s = c.prepareStatement("SELECT pid FROM pg_stat_activity WHERE application_name = ?")) {
            s.setString(1, applicationName);
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    pids.add(r.getLong(1));
                }
            }
        }
        return pids;
    }

    /** utime + stime of these processes in clock ticks, or -1 when one cannot be read (not on this host). */
    private static long ticks(List<Long> pids) {
        long total = 0;
        for (long pid : pids) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                total += Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return total;
    }

    private static void lookupAll(ApiKeyStore store, ApiKeyFixture fixture, int lookups) {
        String[] hits = fixture.hits();
        for (int i = 0; i < lookups; i++) {
            try {
                store.authenticate(hits[i & (hits.length - 1)]);
            } catch (Rejected e) {
                throw new IllegalStateException("a seeded key was refused during the cost measurement: " + e.getMessage(), e);
            }
        }
    }
}
