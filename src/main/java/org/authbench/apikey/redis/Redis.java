package org.authbench.apikey.redis;

import java.util.List;
import org.authbench.apikey.KeyTable;
import org.authbench.apikey.TableTier;
import org.authbench.apikey.TierSettings;

/** A Redis server through pooled Jedis ({@code AUTHBENCH_REDIS_URL}). */
public final class Redis implements TableTier {

    @Override
    public Facts facts() {
        return new Facts("Redis", Where.DATABASE_SERVER, List.of("redis.clients:jedis"));
    }

    @Override
    public KeyTable table(TierSettings settings) {
        return RedisKeyTable.open(settings);
    }

    @Override
    public String unavailableReason(TierSettings settings) {
        return RedisEndpoint.of(settings.redisUrl()).unavailableReason();
    }
}
