package org.authbench.apikey;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import org.authbench.apikey.redis.RedisEndpoint;
import org.authbench.apikey.redis.RedisKeyTable;
import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;

/**
 * The real servers the tier tests use. A missing server skips its tests with the one-line reason, except
 * under {@code .ci/run} ({@code AUTHBENCH_REQUIRE_SERVICES=1}), where it fails them: CI must exercise
 * PostgreSQL and Redis for real.
 */
public final class Servers {

    private Servers() {
    }

    /** Skips (or, in CI, fails) the calling test when {@code kind} cannot run against {@code options}. */
    public static void require(StoreKind kind, StoreOptions options) {
        require(kind.unavailableReason(options));
    }

    public static void require(String unavailableReason) {
        if (unavailableReason == null) {
            return;
        }
        if ("1".equals(System.getenv("AUTHBENCH_REQUIRE_SERVICES"))) {
            fail(unavailableReason);
        }
        Assumptions.abort(unavailableReason);
    }

    /** A loopback port nothing listens on: how a stopped server is simulated (the real one is never stopped). */
    public static int unusedLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether anything of {@code options.namespace()} is left on the server (or in the JVM) behind {@code kind}. */
    public static boolean namespaceExists(StoreKind kind, StoreOptions options) throws SQLException {
        switch (kind) {
            case POSTGRES:
                Properties p = new Properties();
                p.setProperty("user", options.postgresUser());
                try (Connection c = DriverManager.getConnection(options.postgresUrl(), p);
                        PreparedStatement ps = c.prepareStatement(
                                "SELECT count(*) FROM information_schema.schemata WHERE schema_name = ?")) {
                    ps.setString(1, options.namespace());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1) > 0;
                    }
                }
            case REDIS:
                try (JedisPooled redis = RedisEndpoint.of(options.redisUrl()).connect(options.pool())) {
                    return redisKeys(redis, RedisKeyTable.prefix(options.namespace())) > 0;
                }
            case H2:
            case CAFFEINE:
                try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + options.namespace()
                        + ";IFEXISTS=TRUE;DB_CLOSE_DELAY=-1")) {
                    return true;
                } catch (SQLException e) {
                    return false;
                }
            default:
                return false;
        }
    }

    /** How many keys start with {@code prefix} (SCAN, never KEYS). */
    public static int redisKeys(JedisPooled redis, String prefix) {
        int n = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = redis.scan(cursor, new ScanParams().match(prefix + "*").count(1000));
            n += page.getResult().size();
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return n;
    }
}
