package org.authbench.apikey.redis;

import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.TierSettings;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * API-key records in Redis through a pooled Jedis client: one hash per key at
 * {@code authbench:<namespace>:h:<hex SHA-256>} (fields id, owner, sha, status, exp), looked up with one
 * {@code HMGET}; {@code authbench:<namespace>:id:<id>} maps a key id to its hash for revocation.
 *
 * <p>Isolation: every key carries the namespace prefix; close() deletes exactly the keys matching it
 * ({@code SCAN MATCH} + {@code UNLINK}) and nothing else. The suite never flushes a database.
 */
public final class RedisKeyTable implements KeyTable {

    private static final int BATCH = 1000;
    private static final HexFormat HEX = HexFormat.of();
    private static final ApiKeyRecord.Status[] STATUSES = ApiKeyRecord.Status.values();

    private final JedisPooled redis;
    private final String prefix;

    private RedisKeyTable(JedisPooled redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    public static RedisKeyTable open(TierSettings options) {
        JedisPooled redis = RedisEndpoint.of(options.redisUrl()).connect(options.pool());
        String prefix = claim(redis, options.namespace());
        return new RedisKeyTable(redis, prefix);
    }

    /** The prefix of every Redis key a namespace owns. */
    public static String prefix(String namespace) {
        return "authbench:" + namespace + ":";
    }

    /**
     * Claims a namespace with {@code SET <prefix>owner NX}, the Redis counterpart of {@code CREATE SCHEMA}:
     * a namespace already in use is refused (and left alone) instead of shared. Returns the prefix.
     */
    public static String claim(JedisPooled redis, String namespace) {
        String prefix = prefix(namespace);
        if (!"OK".equals(redis.set(prefix + "owner", Long.toString(ProcessHandle.current().pid()),
                SetParams.setParams().nx()))) {
            redis.close();
            throw new IllegalStateException("Redis namespace " + prefix + " is already in use");
        }
        return prefix;
    }

    @Override
    public void insert(Collection<ApiKeyRecord> records) {
        int n = 0;
        AbstractPipeline p = redis.pipelined();
        try {
            for (ApiKeyRecord r : records) {
                String hex = HEX.formatHex(r.sha256());
                p.hset(prefix + "h:" + hex, Map.of("id", r.id(), "owner", r.owner(), "sha", hex,
                        "status", Integer.toString(r.status().ordinal()), "exp", Long.toString(r.expiresAt())));
                p.set(prefix + "id:" + r.id(), hex);
                if (++n % BATCH == 0) {
                    p.sync();
                }
            }
            p.sync();
        } finally {
            p.close();
        }
    }

    @Override
    public ApiKeyRecord find(byte[] sha256) {
        List<String> f = redis.hmget(prefix + "h:" + HEX.formatHex(sha256), "id", "owner", "sha", "status", "exp");
        if (f.get(0) == null) {
            return null;
        }
        return new ApiKeyRecord(f.get(0), f.get(1), HEX.parseHex(f.get(2)), STATUSES[Integer.parseInt(f.get(3))],
                Long.parseLong(f.get(4)));
    }

    @Override
    public boolean setStatus(String keyId, ApiKeyRecord.Status status) {
        String hex = redis.get(prefix + "id:" + keyId);
        if (hex == null) {
            return false;
        }
        redis.hset(prefix + "h:" + hex, "status", Integer.toString(status.ordinal()));
        return true;
    }

    @Override
    public void close() {
        try (redis) {
            deleteNamespace(redis, prefix);
        }
    }

    /** Deletes every key starting with {@code prefix} (which must be a namespace's own prefix). */
    public static void deleteNamespace(JedisPooled redis, String prefix) {
        ScanParams match = new ScanParams().match(prefix + "*").count(BATCH);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = redis.scan(cursor, match);
            if (!page.getResult().isEmpty()) {
                redis.unlink(page.getResult().toArray(String[]::new));
            }
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
}
