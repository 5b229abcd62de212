package org.authbench.apikey.redis;

import java.net.URI;
import java.net.URISyntaxException;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.authbench.apikey.StoreUnavailableException;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPooled;

/**
 * A Redis server named by a {@code redis://host:port[/db]} URL: a pooled Jedis client for it, or the
 * one-line reason it cannot be reached. Shared by the {@code redis} key tier and the Redis jti denylist.
 */
public final class RedisEndpoint {

    /** Pool size: enough for the 2-thread rows plus a spare. */
    private static final int TIMEOUT_MILLIS = 2000;

    private final HostAndPort address;
    private final DefaultJedisClientConfig config;

    private RedisEndpoint(HostAndPort address, DefaultJedisClientConfig config) {
        this.address = address;
        this.config = config;
    }

    /** Parses {@code redis://[user:password@]host[:port][/db]}; bad URLs are usage errors. */
    public static RedisEndpoint of(String url) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a Redis URL: '" + url + "'");
        }
        if (!"redis".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException("not a redis://host:port URL: '" + url + "'");
        }
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(TIMEOUT_MILLIS)
                // A server that dies mid-run fails its own rows instead of hanging the run.
                .socketTimeoutMillis(10 * TIMEOUT_MILLIS);
        if (u.getUserInfo() != null) {
            String[] up = u.getUserInfo().split(":", 2);
            if (up.length == 2) {
                b.user(up[0].isEmpty() ? null : up[0]).password(up[1]);
            } else {
                b.password(up[0]);
            }
        }
        if (u.getPath() != null && u.getPath().length() > 1) {
            b.database(Integer.parseInt(u.getPath().substring(1)));
        }
        return new RedisEndpoint(new HostAndPort(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort()), b.build());
    }

    public String address() {
        return address.toString();
    }

    /** A pooled client of {@code poolSize} connections, after a {@code PING} proved the server is there. */
    public JedisPooled connect(int poolSize) {
        String reason = unavailableReason();
        if (reason != null) {
            throw new StoreUnavailableException(reason, null);
        }
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        return new JedisPooled(address, config, pool);
    }

    /** Null when the server answers {@code PING}; otherwise {@code no Redis at host:port: <cause>}. */
    public String unavailableReason() {
        try (Jedis j = new Jedis(address, config)) {
            j.ping();
            return null;
        } catch (RuntimeException e) {
            return StoreUnavailableException.of("Redis", address(), e).getMessage();
        }
    }
}
