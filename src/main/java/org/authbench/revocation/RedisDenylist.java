package org.authbench.revocation;

import org.authbench.apikey.StoreOptions;
import org.authbench.apikey.redis.RedisEndpoint;
import org.authbench.apikey.redis.RedisKeyTable;
import redis.clients.jedis.JedisPooled;

/**
 * Revoked {@code jti}s in one Redis set, {@code authbench:<namespace>:jti}, checked with {@code SISMEMBER}
 * (one round trip per request). A set has no per-member expiry; a production denylist would use one key
 * per jti with {@code EXPIRE}, at the same one-round-trip cost. close() deletes the namespace's keys only.
 */
public final class RedisDenylist implements Denylist {

    private final JedisPooled redis;
    private final String prefix;
    private final String key;

    private RedisDenylist(JedisPooled redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
        this.key = prefix + "jti";
    }

    public static RedisDenylist open(StoreOptions options) {
        JedisPooled redis = RedisEndpoint.of(options.redisUrl()).connect(options.pool());
        return new RedisDenylist(redis, RedisKeyTable.claim(redis, options.namespace()));
    }

    @Override
    public void deny(String jti, long expiresAt) {
        redis.sadd(key, jti);
    }

    @Override
    public boolean contains(String jti) {
        return redis.sismember(key, jti);
    }

    @Override
    public void close() {
        try (redis) {
            RedisKeyTable.deleteNamespace(redis, prefix);
        }
    }
}
