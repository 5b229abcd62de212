package org.authbench.jwt;

import java.security.Key;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * What every JWT adapter must check, identically. Library defaults differ (nimbus allows 60 s of skew,
 * auth0/jjwt/fusionauth accept a token without {@code exp}, jose4j refuses any {@code aud} unless told
 * one); each adapter sets its library explicitly to this policy.
 *
 * <ul>
 *   <li>the header's {@code alg} must equal {@link #algorithm()} (pinned; {@code none} always refused);</li>
 *   <li>the signature must verify with {@link #key()}, or, when the policy holds a {@link #keysById() key set},
 *       with the key the header's {@code kid} names: a token without {@code kid}, or whose {@code kid} is not in
 *       the set, is refused as {@code UNKNOWN_KEY} (no fallback to trying every key);</li>
 *   <li>unless {@link #jwsOnly()}: the payload is a JSON claim set; {@code exp} is required and must be
 *       after now − leeway; {@code nbf}, when present, must be at or before now + leeway; {@code iss}
 *       must equal {@link #issuer()} when that is set; {@code aud} (string or array) must contain
 *       {@link #audience()} when that is set;</li>
 *   <li>a header carrying {@code crit} is refused (no extension is understood), and a key embedded in
 *       the header ({@code jwk}, {@code jku}, {@code x5u}, {@code x5c}) is never used.</li>
 * </ul>
 *
 * <p>"Now" is {@code clock.instant()} truncated to seconds, as JWT NumericDates are.
 * The principal is {@code (sub, jti)}; in {@link #jwsOnly()} mode it is {@code (null, null)}.
 *
 * <p>Exactly one of {@link #key()} and {@link #keysById()} is set. Without a key set the header's {@code kid} is
 * ignored, as it always was; a key set (the JWK set a production verifier fetches) is always a full-claims
 * policy.
 */
public record VerifierPolicy(
        JwtAlgorithm algorithm,
        Key key,
        Clock clock,
        Duration leeway,
        String issuer,
        String audience,
        boolean jwsOnly,
        Map<String, Key> keysById) {

    public VerifierPolicy {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("leeway must not be negative");
        }
        if ((key == null) == (keysById == null)) {
            throw new IllegalArgumentException("a policy needs either one key or a key set");
        }
        if (key != null) {
            checkKeyType(algorithm, key);
        } else {
            if (keysById.isEmpty()) {
                throw new IllegalArgumentException("a key set needs at least one key");
            }
            if (jwsOnly) {
                throw new IllegalArgumentException("a key set is not supported in JWS-only mode");
            }
            for (Map.Entry<String, Key> e : keysById.entrySet()) {
                if (e.getKey() == null || e.getKey().isEmpty()) {
                    throw new IllegalArgumentException("every key of a key set needs a kid");
                }
                checkKeyType(algorithm, e.getValue());
            }
            // Insertion order is kept: libraries that scan a JWK set scan it in this order.
            keysById = Collections.unmodifiableMap(new LinkedHashMap<>(keysById));
        }
    }

    /** A single-key policy (the header's {@code kid} is ignored). */
    public VerifierPolicy(JwtAlgorithm algorithm, Key key, Clock clock, Duration leeway, String issuer, String audience,
            boolean jwsOnly) {
        this(algorithm, Objects.requireNonNull(key, "key"), clock, leeway, issuer, audience, jwsOnly, null);
    }

    /** The suite's default: zero leeway, system clock, claims checked. */
    public static VerifierPolicy of(JwtAlgorithm algorithm, Key key, String issuer, String audience) {
        return new VerifierPolicy(algorithm, key, Clock.systemUTC(), Duration.ZERO, issuer, audience, false);
    }

    /**
     * The suite's default with a key set: the key is the one the token's {@code kid} names. Iteration order of
     * {@code keysById} is kept.
     */
    public static VerifierPolicy ofKeySet(JwtAlgorithm algorithm, Map<String, ? extends Key> keysById, String issuer,
            String audience) {
        return new VerifierPolicy(algorithm, null, Clock.systemUTC(), Duration.ZERO, issuer, audience, false,
                new LinkedHashMap<>(keysById));
    }

    public VerifierPolicy withClock(Clock newClock) {
        return new VerifierPolicy(algorithm, key, newClock, leeway, issuer, audience, jwsOnly, keysById);
    }

    public VerifierPolicy withJwsOnly(boolean newJwsOnly) {
        return new VerifierPolicy(algorithm, key, clock, leeway, issuer, audience, newJwsOnly, keysById);
    }

    /** True when the key is chosen by the header's {@code kid} from {@link #keysById()}. */
    public boolean hasKeySet() {
        return keysById != null;
    }

    /** Current time in whole epoch seconds, from the policy's clock. */
    public long nowEpochSecond() {
        // millis(), not instant(): the system clock's millis() is one currentTimeMillis call, no Instant.
        return Math.floorDiv(clock.millis(), 1000L);
    }

    public long leewaySeconds() {
        return leeway.getSeconds();
    }

    /** True when the clock is a fixed instant (tests, vectors, {@code verify --now}). */
    public boolean fixedClock() {
        return !clock.equals(Clock.systemUTC());
    }

    public SecretKey secretKey() {
        return (SecretKey) key;
    }

    public PublicKey publicKey() {
        return (PublicKey) key;
    }

    /** Refuses a key of the wrong family up front, with a message fit for a one-line CLI error. */
    public static void checkKeyType(JwtAlgorithm algorithm, Key key) {
        boolean ok = switch (algorithm.keyType()) {
            case OCT -> key instanceof SecretKey;
            case RSA -> key instanceof RSAPublicKey;
            case EC -> key instanceof ECPublicKey;
            case OKP -> key instanceof EdECPublicKey
                    && JwkKeys.isEd25519SubjectPublicKeyInfo(key.getEncoded());
        };
        if (!ok) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key cannot verify " + algorithm
                    + " (it needs " + switch (algorithm.keyType()) {
                        case OKP -> "an Ed25519";
                        case EC -> "an ec";
                        default -> "a " + algorithm.keyType().name().toLowerCase(Locale.ROOT);
                    } + " key)");
        }
        if (key instanceof ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() != algorithm.keyBits()) {
            // ES256 and ES384 each name their curve (RFC 7518 §3.4): a key on the other curve is a usage error.
            throw new IllegalArgumentException("a P-" + ec.getParams().getCurve().getField().getFieldSize()
                    + " key cannot verify " + algorithm + " (it needs a P-" + algorithm.keyBits() + " key)");
        }
    }
}
