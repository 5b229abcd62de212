package org.authbench.net;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.HdrHistogram.Histogram;
import org.authbench.runfiles.Network;
import redis.clients.jedis.Jedis;

/**
 * A ping-sized request timed many times on one connection: Redis {@code PING}, PostgreSQL {@code SELECT 1}. What a
 * round trip costs with the least server work, so the difference between a direct and a proxied connection is the
 * injector's.
 */
public final class Ping {

    /** Requests before timing starts (JIT, connection warm-up). */
    static final int WARMUP = 500;

    private Ping() {
    }

    /** {@code samples} Redis {@code PING}s to {@code host:port}. */
    public static Network.Percentiles redis(String host, int port, int samples) {
        try (Jedis jedis = new Jedis(host, port, 3000, 30_000)) {
            Histogram h = new Histogram(3);
            for (int i = 0; i < WARMUP + samples; i++) {
                long t = System.nanoTime();
                String pong = jedis.ping();
                long d = System.nanoTime() - t;
                if (!"PONG".equals(pong)) {
                    throw new IllegalStateException("Redis at " + host + ":" + port + " answered " + pong + " to PING");
                }
                if (i >= WARMUP) {
                    h.recordValue(d);
                }
            }
            return percentiles(h);
        }
    }

    /** {@code samples} PostgreSQL {@code SELECT 1}s over {@code jdbcUrl}. */
    public static Network.Percentiles postgres(String jdbcUrl, String user, String password, int samples) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        p.setProperty("connectTimeout", "3");
        p.setProperty("socketTimeout", "30");
        try (Connection c = DriverManager.getConnection(jdbcUrl, p); Statement s = c.createStatement()) {
            Histogram h = new Histogram(3);
            for (int i = 0; i < WARMUP + samples; i++) {
                long t = System.nanoTime();
                try (ResultSet r = s.executeQuery("SELECT 1")) {
                    if (!r.next() || r.getInt(1) != 1) {
                        throw new IllegalStateException("PostgreSQL at " + jdbcUrl + " did not answer SELECT 1 with 1");
                    }
                }
                long d = System.nanoTime() - t;
                if (i >= WARMUP) {
                    h.recordValue(d);
                }
            }
            return percentiles(h);
        }
    }

    static Network.Percentiles percentiles(Histogram h) {
        return new Network.Percentiles(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0);
    }
}
