package org.authbench.net;

import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a remote store listens, read from the URL the suite already uses for it ({@code redis://host:port[/db]},
 * {@code jdbc:postgresql://host[:port]/db[?...]}), and that URL with the address swapped for a proxy's.
 *
 * @param host the server's host
 * @param port the server's port
 */
public record Remote(String host, int port) {

    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^/:?\\[\\]]+|\\[[^\\]]+\\])(?::(\\d+))?(/.*)?");

    /** The address in a {@code redis://} URL (port 6379 when absent). */
    public static Remote ofRedisUrl(String url) {
        URI u = URI.create(url);
        if (u.getHost() == null) {
            throw new IllegalArgumentException("redis URL '" + url + "' names no host");
        }
        return new Remote(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort());
    }

    /** The address in a {@code jdbc:postgresql://} URL (port 5432 when absent). */
    public static Remote ofPostgresUrl(String url) {
        Matcher m = JDBC.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("PostgreSQL URL '" + url + "' is not jdbc:postgresql://host[:port]/db");
        }
        return new Remote(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
    }

    /** {@code url} with this address replaced by {@code 127.0.0.1:port} (a proxy's). */
    public static String redisUrlVia(String url, int port) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + (u.getRawUserInfo() != null ? u.getRawUserInfo() + "@" : "") + "127.0.0.1:" + port
                + (u.getRawPath() != null ? u.getRawPath() : "");
    }

    /** {@code url} with its host and port replaced by {@code 127.0.0.1:port} (a proxy's). */
    public static String postgresUrlVia(String url, int port) {
        Matcher m = JDBC.matcher(url);
        if (!m.matches()) {
            throw new IllegalArgumentException("PostgreSQL URL '" + url + "' is not jdbc:postgresql://host[:port]/db");
        }
        return "jdbc:postgresql://127.0.0.1:" + port + (m.group(3) != null ? m.group(3) : "/");
    }

    /** Whether the server runs on this host (its process's CPU can then be read from {@code /proc}). */
    public boolean loopback() {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]") || host.equals("::1");
    }
}
