package org.authbench.apikey.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.Properties;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.StoreUnavailableException;
import org.authbench.apikey.TierSettings;
import org.postgresql.Driver;

/**
 * API-key records in a SQL table over JDBC and HikariCP: the {@code h2} (embedded, in-memory) and
 * {@code postgres} tiers. One table {@code <namespace>.api_keys} with the SHA-256 of each key in a
 * uniquely indexed {@code key_hash} column; a lookup is one prepared {@code SELECT ... WHERE key_hash = ?}
 * on a pooled connection (the PostgreSQL driver turns it into a server-side prepared statement after a few
 * executions on a connection).
 *
 * <p>Isolation: PostgreSQL gets a schema named after the namespace, dropped with {@code CASCADE} on close;
 * H2 gets its own in-memory database of that name, shut down on close.
 */
public final class JdbcKeyTable implements KeyTable {

    private static final int BATCH = 1000;
    /** Pool size: enough for the 2-thread rows plus a spare; more would only measure idle connections. */
    private static final ApiKeyRecord.Status[] STATUSES = ApiKeyRecord.Status.values();

    private final HikariDataSource pool;
    private final String namespace;
    private final boolean embedded;
    private final String findSql;
    private final String insertSql;
    private final String statusSql;

    private JdbcKeyTable(HikariDataSource pool, String namespace, boolean embedded) {
        this.pool = pool;
        this.namespace = namespace;
        this.embedded = embedded;
        String table = namespace + ".api_keys";
        this.findSql = "SELECT id, owner, key_hash, status, expires_at FROM " + table + " WHERE key_hash = ?";
        this.insertSql = "INSERT INTO " + table + " (id, owner, key_hash, status, expires_at) VALUES (?, ?, ?, ?, ?)";
        this.statusSql = "UPDATE " + table + " SET status = ? WHERE id = ?";
    }

    /** An embedded H2 in-memory database named after the namespace. */
    public static JdbcKeyTable h2(TierSettings options) {
        HikariConfig c = config(options.namespace(), options.pool());
        c.setJdbcUrl("jdbc:h2:mem:" + options.namespace() + ";DB_CLOSE_DELAY=-1");
        return create(new HikariDataSource(c), options.namespace(), true);
    }

    /** A schema named after the namespace on the PostgreSQL server of {@code options}. */
    public static JdbcKeyTable postgres(TierSettings options) {
        HikariConfig c = config(options.namespace(), options.pool());
        c.setJdbcUrl(options.postgresUrl());
        c.setUsername(options.postgresUser());
        if (!options.postgresPassword().isEmpty()) {
            c.setPassword(options.postgresPassword());
        }
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        c.addDataSourceProperty("connectTimeout", "3");
        // A server that dies mid-run fails its own rows instead of hanging the run.
        c.addDataSourceProperty("socketTimeout", "30");
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(c);
        } catch (RuntimeException e) {
            throw StoreUnavailableException.of("PostgreSQL", postgresAddress(options.postgresUrl()), e);
        }
        return create(ds, options.namespace(), false);
    }

    /** Null when a PostgreSQL connection opens; otherwise the one-line reason. */
    public static String postgresUnavailableReason(TierSettings options) {
        Properties p = new Properties();
        p.setProperty("user", options.postgresUser());
        if (!options.postgresPassword().isEmpty()) {
            p.setProperty("password", options.postgresPassword());
        }
        p.setProperty("connectTimeout", "2");
        try (Connection c = DriverManager.getConnection(options.postgresUrl(), p)) {
            return null;
        } catch (SQLException | RuntimeException e) {
            return StoreUnavailableException.of("PostgreSQL", postgresAddress(options.postgresUrl()), e).getMessage();
        }
    }

    /** {@code host:port} of a PostgreSQL JDBC URL, for messages. */
    static String postgresAddress(String url) {
        Properties p = Driver.parseURL(url, null);
        return p == null ? url : p.getProperty("PGHOST") + ":" + p.getProperty("PGPORT");
    }

    private static HikariConfig config(String namespace, int pool) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("authbench-" + namespace);
        c.setMaximumPoolSize(pool);
        c.setMinimumIdle(pool);
        c.setConnectionTimeout(5000);
        // Fail at once when the server is not there, so the tier is skipped instead of waiting.
        c.setInitializationFailTimeout(1);
        return c;
    }

    private static JdbcKeyTable create(HikariDataSource ds, String namespace, boolean embedded) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            // One transaction (PostgreSQL DDL is transactional): a failure leaves nothing behind, and an
            // existing schema of this name is never touched, let alone dropped.
            c.setAutoCommit(false);
            try {
                s.execute("CREATE SCHEMA " + namespace);
                s.execute("CREATE TABLE " + namespace + ".api_keys (id VARCHAR(64) PRIMARY KEY,"
                        + " owner VARCHAR(128) NOT NULL, key_hash BYTEA NOT NULL, status SMALLINT NOT NULL,"
                        + " expires_at BIGINT NOT NULL)");
                s.execute("CREATE UNIQUE INDEX api_keys_hash ON " + namespace + ".api_keys (key_hash)");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            ds.close();
            throw new IllegalStateException("cannot create " + namespace + ".api_keys: " + e.getMessage(), e);
        }
        return new JdbcKeyTable(ds, namespace, embedded);
    }

    @Override
    public void insert(Collection<ApiKeyRecord> records) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(insertSql)) {
            c.setAutoCommit(false);
            int n = 0;
            for (ApiKeyRecord r : records) {
                ps.setString(1, r.id());
                ps.setString(2, r.owner());
                ps.setBytes(3, r.sha256());
                ps.setShort(4, (short) r.status().ordinal());
                ps.setLong(5, r.expiresAt());
                ps.addBatch();
                if (++n % BATCH == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
            if (!embedded) {
                try (Statement s = c.createStatement()) {
                    // Fresh statistics, so the planner uses the hash index from the first lookup on.
                    s.execute("ANALYZE " + namespace + ".api_keys");
                }
                c.commit();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding " + namespace + ".api_keys failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ApiKeyRecord find(byte[] sha256) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(findSql)) {
            ps.setBytes(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new ApiKeyRecord(rs.getString(1), rs.getString(2), rs.getBytes(3), STATUSES[rs.getShort(4)],
                        rs.getLong(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("lookup in " + namespace + ".api_keys failed: " + e.getMessage(), e);
        }
    }

    @Override
    public boolean setStatus(String keyId, ApiKeyRecord.Status status) {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(statusSql)) {
            ps.setShort(1, (short) status.ordinal());
            ps.setString(2, keyId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("status change in " + namespace + ".api_keys failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (pool.isClosed()) {
            return;
        }
        if (embedded) {
            // Shut down through a connection of its own: the pool's connections die with the database.
            pool.close();
            try (Connection c = DriverManager.getConnection(pool.getJdbcUrl()); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot remove H2 database " + namespace + ": " + e.getMessage(), e);
            }
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + namespace + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove schema " + namespace + ": " + e.getMessage(), e);
        } finally {
            pool.close();
        }
    }
}
