package org.authbench.jwt;

import java.security.Key;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * What every JWT adapter must check, identically. Library defaults differ (nimbus allows 60 s of skew,
 * auth0/jjwt/fusionauth accept a token without {@code exp}, jose4j refuses any {@code aud} unless told
 * one); each adapter sets its library explicitly to this policy.
 *
 * <ul>
 *   <li>the header's {@code alg} must equal {@link #algorithm()} (pinned; {@code none} always refused);</li>
 *   <li>the signature must verify with {@link #key()};</li>
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
 */
public record VerifierPolicy(
        JwtAlgorithm algorithm,
        Key key,
        Clock clock,
        Duration leeway,
        String issuer,
        String audience,
        boolean jwsOnly) {

    public VerifierPolicy {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(leeway, "leeway");
        if (leeway.isNegative()) {
            throw new IllegalArgumentException("leeway must not be negative");
        }
        checkKeyType(algorithm, key);
    }

    /** The suite's default: zero leeway, system clock, claims checked. */
    public static VerifierPolicy of(JwtAlgorithm algorithm, Key key, String issuer, String audience) {
        return new VerifierPolicy(algorithm, key, Clock.systemUTC(), Duration.ZERO, issuer, audience, false);
    }

    public VerifierPolicy withClock(Clock newClock) {
        return new VerifierPolicy(algorithm, key, newClock, leeway, issuer, audience, jwsOnly);
    }

    public VerifierPolicy withJwsOnly(boolean newJwsOnly) {
        return new VerifierPolicy(algorithm, key, clock, leeway, issuer, audience, newJwsOnly);
    }

    /** Current time in whole epoch seconds, from the policy's clock. */
    public long nowEpochSecond() {
        return clock.instant().getEpochSecond();
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
            case RSA -> key instanceof java.security.interfaces.RSAPublicKey;
            case EC -> key instanceof java.security.interfaces.ECPublicKey;
            case OKP -> key instanceof java.security.interfaces.EdECPublicKey
                    && JwkKeys.isEd25519SubjectPublicKeyInfo(key.getEncoded());
        };
        if (!ok) {
            throw new IllegalArgumentException("a " + key.getAlgorithm() + " key cannot verify " + algorithm
                    + " (it needs " + switch (algorithm.keyType()) {
                        case OKP -> "an Ed25519";
                        case EC -> "an ec";
                        default -> "a " + algorithm.keyType().name().toLowerCase(java.util.Locale.ROOT);
                    } + " key)");
        }
        if (key instanceof java.security.interfaces.ECPublicKey ec
                && ec.getParams().getCurve().getField().getFieldSize() != algorithm.keyBits()) {
            // ES256 and ES384 each name their curve (RFC 7518 §3.4): a key on the other curve is a usage error.
            throw new IllegalArgumentException("a P-" + ec.getParams().getCurve().getField().getFieldSize()
                    + " key cannot verify " + algorithm + " (it needs a P-" + algorithm.keyBits() + " key)");
        }
    }
}
