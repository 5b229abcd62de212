package org.authbench.apikey;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;

/**
 * API-key format: {@code <prefix>_<27-char base62 body: 160 random bits><6-char base62 CRC32 checksum>}.
 *
 * <p>The checksum covers prefix, underscore and body. It is not security (anyone can compute a CRC); it
 * lets a server refuse typos and garbage before touching storage, which is what keeps attack traffic
 * off the database. 62^6 > 2^32, so six characters hold any CRC32.
 */
public final class ApiKeyFormat {

    public static final String DEFAULT_PREFIX = "abk";
    public static final int BODY_BITS = 160;
    public static final int BODY_CHARS = 27; // ceil(160 / log2(62))
    public static final int CHECKSUM_CHARS = 6;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(62);
    /** Base62 value of each Latin-1 byte, -1 for anything else. */
    private static final byte[] DIGITS = new byte[256];

    static {
        Arrays.fill(DIGITS, (byte) -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            DIGITS[ALPHABET.charAt(i)] = (byte) i;
        }
    }

    private ApiKeyFormat() {
    }

    /** A new key with {@code BODY_BITS} random bits from {@code random}. */
    public static String generate(String prefix, Random random) {
        byte[] body = new byte[BODY_BITS / 8];
        random.nextBytes(body);
        String head = prefix + "_" + base62(new BigInteger(1, body), BODY_CHARS);
        return head + base62(BigInteger.valueOf(crc(head, head.length())), CHECKSUM_CHARS);
    }

    /** True when {@code key} has the shape of a key and its checksum matches (see {@link #checksumValid(byte[])}). */
    public static boolean checksumValid(String key) {
        return checksumValid(key.getBytes(StandardCharsets.ISO_8859_1));
    }

    /**
     * The same over a key's Latin-1 bytes, so a caller can hash the very bytes it checked (a character above
     * U+00FF became '?', which is no digit). Runs on every request, garbage included: one table-driven pass
     * over the characters, then one CRC32 call over the bytes (the per-byte {@code CRC32.update(int)} costs
     * several times more on a 37-character key).
     */
    public static boolean checksumValid(byte[] key) {
        int len = key.length;
        int underscore = -1;
        for (int i = 0; i < len; i++) {
            if (key[i] == '_') {
                underscore = i;
                break;
            }
        }
        if (underscore <= 0 || len != underscore + 1 + BODY_CHARS + CHECKSUM_CHARS) {
            return false;
        }
        int bodyEnd = len - CHECKSUM_CHARS;
        for (int i = 0; i < bodyEnd; i++) {
            if (i != underscore && DIGITS[key[i] & 0xFF] < 0) {
                return false; // prefix and body are base62; anything else is not a key
            }
        }
        CRC32 crc = new CRC32();
        crc.update(key, 0, bodyEnd);
        long expected = crc.getValue();
        long actual = 0;
        for (int i = bodyEnd; i < len; i++) {
            int d = DIGITS[key[i] & 0xFF];
            if (d < 0) {
                return false;
            }
            actual = actual * 62 + d;
        }
        return actual == expected;
    }

    /** Replaces the checksum with a wrong one: a key that fails the pre-check. */
    public static String withBadChecksum(String key) {
        int at = key.length() - 1;
        char c = key.charAt(at);
        char other = c == 'z' ? 'y' : ALPHABET.charAt(digit(c) + 1);
        return key.substring(0, at) + other;
    }

    private static long crc(String s, int end) {
        CRC32 crc = new CRC32();
        crc.update(s.substring(0, end).getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    private static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 36;
        }
        return -1;
    }

    private static String base62(BigInteger v, int width) {
        char[] out = new char[width];
        BigInteger x = v;
        for (int i = width - 1; i >= 0; i--) {
            BigInteger[] qr = x.divideAndRemainder(BASE);
            out[i] = ALPHABET.charAt(qr[1].intValue());
            x = qr[0];
        }
        if (x.signum() != 0) {
            throw new IllegalStateException("value does not fit in " + width + " base62 digits");
        }
        return new String(out);
    }

    /** SHA-256 of the key's bytes: what stores keep instead of the key. */
    public static byte[] sha256(MessageDigest sha256, String key) {
        return sha256.digest(key.getBytes(StandardCharsets.US_ASCII));
    }
}
