package org.authbench.jwt.cache;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;

/**
 * A verified-token cache in front of any JWT verifier, as many gateways run one: a successful verification is
 * remembered under the SHA-256 of the token's exact bytes until the token's {@code exp}, so presenting the same
 * token again costs a hash and a map lookup instead of a signature check. Refusals are never cached. Bounded
 * (Caffeine, {@code maximumSize}), each entry expiring at its token's {@code exp} (a Caffeine {@link Expiry}).
 *
 * <p>Why this never accepts a token the wrapped verifier would refuse:
 * <ul>
 *   <li>A hit needs the SHA-256 of the presented bytes to equal that of a token the verifier accepted: the same
 *       string (a second preimage of SHA-256 is out of reach). A token's string is not unique (base64url's unused
 *       trailing bits, and some libraries' lenient decoders, give one token several spellings), so keying on the
 *       string means another spelling of a cached token is a miss; a miss is verified in full, so the cost of
 *       non-uniqueness is an extra verification, never an acceptance. A forged twin of a cached token (one
 *       signature bit flipped) is just such a miss and is refused by the verifier.</li>
 *   <li>The hash is taken over the token's UTF-8 bytes, and only tokens made of the compact-JWS alphabet
 *       ({@code A-Z a-z 0-9 - _ .}) are admitted. UTF-8 maps a lone surrogate to {@code ?}, so two distinct strings
 *       can share bytes; one of them then contains {@code ?}, or a byte ≥ 0x80, which no admitted token's bytes do.
 *       Every byte array that can hit therefore comes from exactly one string.</li>
 *   <li>Time: an entry is served only while the verifier's own clock is before the token's {@code exp}; Caffeine's
 *       expiry (on its nanosecond ticker) evicts the entry then too, but the two time sources can drift apart, and
 *       the clock check makes the verifier's clock the one that decides. {@code exp} is read from the verified
 *       payload; a payload whose {@code exp} is absent, not a number or given twice is not cached.</li>
 *   <li>What it cannot know: a key rotated out of the verifier or a token revoked after it was cached. Rotating
 *       keys means {@link #invalidateAll()}; a denylist must sit in front of this cache, not behind it.</li>
 * </ul>
 *
 * <p>{@link #prefilledOnly} builds the benchmark's variant, which holds only what {@link #warm} put in, so a row's
 * hit ratio is exactly its parameter (a read-through cache would turn every miss into a hit on the next lap).
 *
 * <pre>java -jar target/authbench.jar jmh CachedVerificationBenchmark -p library=NIMBUS -p alg=RS256 -p cacheHitRatio=0.9</pre>
 */
public final class CachingVerifier implements Authenticator {

    /** Entries a gateway might hold: 100,000 verified tokens are a few tens of MB. */
    public static final long DEFAULT_MAXIMUM_SIZE = 100_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final long NO_EXP = Long.MIN_VALUE;

    private final Authenticator verifier;
    private final Clock clock;
    private final boolean readThrough;
    private final Cache<TokenHash, Verified> cache;
    // MessageDigest is not thread-safe; one per thread.
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(CachingVerifier::newSha256);

    /** A read-through cache over {@code verifier}; {@code clock} must be the one the verifier checks {@code exp} with. */
    public CachingVerifier(Authenticator verifier, Clock clock, long maximumSize) {
        this(verifier, clock, maximumSize, Ticker.systemTicker(), ForkJoinPool.commonPool(), true);
    }

    /** {@code ticker} and {@code maintenance} (Caffeine's defaults above) are replaced by tests to control time. */
    CachingVerifier(Authenticator verifier, Clock clock, long maximumSize, Ticker ticker, Executor maintenance,
            boolean readThrough) {
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximum size must be positive, was " + maximumSize);
        }
        this.verifier = verifier;
        this.clock = clock;
        this.readThrough = readThrough;
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .ticker(ticker)
                .executor(maintenance)
                .expireAfter(Expiry.<TokenHash, Verified>creating(
                        (k, v) -> Duration.ofMillis(Math.max(0, v.expiresAtMillis() - clock.millis()))))
                .build();
        newSha256(); // fail now, not on the first request, if SHA-256 is missing
    }

    /** A cache that is filled only by {@link #warm}: misses are verified but not remembered (the benchmark's). */
    public static CachingVerifier prefilledOnly(Authenticator verifier, Clock clock, long maximumSize) {
        return new CachingVerifier(verifier, clock, maximumSize, Ticker.systemTicker(), ForkJoinPool.commonPool(), false);
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        TokenHash key = TokenHash.of(sha256.get().digest(bytes));
        Verified hit = cache.getIfPresent(key);
        if (hit != null) {
            if (clock.millis() < hit.expiresAtMillis()) {
                return hit.principal();
            }
            cache.invalidate(key); // the verifier's clock says expired even if Caffeine's ticker does not yet
        }
        Principal p = verifier.authenticate(token); // a refusal propagates and is never cached
        if (readThrough) {
            admit(key, bytes, p);
        }
        return p;
    }

    /** Verifies {@code token} through the wrapped verifier and caches the result, in either mode. */
    public Principal warm(String token) throws Rejected {
        byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
        Principal p = verifier.authenticate(token);
        admit(TokenHash.of(sha256.get().digest(bytes)), bytes, p);
        return p;
    }

    /** Entries held now (expired and evicted ones removed first). */
    public long entries() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Forgets every verification, e.g. when the verifier's key changes. */
    public void invalidateAll() {
        cache.invalidateAll();
    }

    private void admit(TokenHash key, byte[] bytes, Principal p) {
        if (!compactJwsAlphabet(bytes)) {
            return;
        }
        long exp = exp(bytes);
        if (exp == NO_EXP) {
            return;
        }
        long expMillis = exp > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : exp < Long.MIN_VALUE / 1000 ? Long.MIN_VALUE
                : exp * 1000;
        if (clock.millis() < expMillis) {
            cache.put(key, new Verified(p, expMillis));
        }
    }

    private static boolean compactJwsAlphabet(byte[] b) {
        for (byte c : b) {
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == '.';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The payload's {@code exp} in epoch seconds (fractions floored), or {@link #NO_EXP}. */
    static long exp(byte[] token) {
        int dot1 = indexOf(token, 0);
        int dot2 = dot1 < 0 ? -1 : indexOf(token, dot1 + 1);
        if (dot2 < 0 || indexOf(token, dot2 + 1) >= 0) {
            return NO_EXP;
        }
        long exp = NO_EXP;
        try (JsonParser p = JSON.createParser(Base64.getUrlDecoder().decode(Arrays.copyOfRange(token, dot1 + 1, dot2)))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NO_EXP;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (!"exp".equals(name)) {
                    p.skipChildren();
                } else if (value == JsonToken.VALUE_NUMBER_INT) {
                    exp = p.getLongValue();
                } else if (value == JsonToken.VALUE_NUMBER_FLOAT) {
                    exp = (long) Math.floor(p.getDoubleValue());
                } else {
                    return NO_EXP;
                }
            }
            return exp;
        } catch (IOException | IllegalArgumentException e) {
            // Not JSON, a duplicate member, bad base64url, a number out of range: the verifier accepted it, we do not cache it.
            return NO_EXP;
        }
    }

    private static int indexOf(byte[] b, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == '.') {
                return i;
            }
        }
        return -1;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A cached verification: the principal and the token's {@code exp} in epoch milliseconds. */
    private record Verified(Principal principal, long expiresAtMillis) {
    }

    /** A SHA-256 digest as a map key: four longs compare and hash faster than a byte array. */
    record TokenHash(long a, long b, long c, long d) {
        static TokenHash of(byte[] digest) {
            ByteBuffer buf = ByteBuffer.wrap(digest);
            return new TokenHash(buf.getLong(0), buf.getLong(8), buf.getLong(16), buf.getLong(24));
        }
    }
}
