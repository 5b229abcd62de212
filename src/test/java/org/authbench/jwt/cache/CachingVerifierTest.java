package org.authbench.jwt.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;
import static org.authbench.support.JwtCases.flipLastSignatureByte;

import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.VerifierPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The verified-token cache: hits skip the verifier, refusals are never cached, a forged twin of a cached token is
 * verified (and refused), an entry is re-verified once its token's {@code exp} has passed by the verifier's clock or
 * Caffeine's ticker, only compact-JWS bytes with an unambiguous {@code exp} are admitted, and the size is bounded.
 * Time is a {@link ManualTime} that serves both as the verifier's clock and as Caffeine's ticker; Caffeine's
 * maintenance runs on the calling thread, so evictions happen when the test says.
 */
class CachingVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture FIXTURE = JwtFixture.fixed(JwtAlgorithm.HS256, 8, NOW, 11);
    private static final long EXP = NOW + JwtFixture.LIFETIME_SECONDS;

    private ManualTime time;
    private Counting delegate;
    private CachingVerifier cache;
    private String[] tokens;

    @BeforeEach
    void setUp() {
        time = new ManualTime(NOW * 1000);
        VerifierPolicy policy = FIXTURE.policy().withClock(time);
        delegate = new Counting(JwtLibrary.REFERENCE.create(policy));
        cache = new CachingVerifier(delegate, time, 100, time, Runnable::run, true);
        tokens = FIXTURE.validTokens();
    }

    @Test
    void aVerifiedTokenIsServedFromTheCacheWithoutTheVerifier() throws Rejected {
        assertThat(cache.authenticate(tokens[0])).isEqualTo(FIXTURE.principal(0));
        assertThat(cache.authenticate(tokens[0])).isEqualTo(FIXTURE.principal(0));
        assertThat(cache.authenticate(tokens[1])).isEqualTo(FIXTURE.principal(1));
        assertThat(cache.authenticate(tokens[0])).isEqualTo(FIXTURE.principal(0));
        assertThat(delegate.calls.get()).isEqualTo(2);
        assertThat(cache.entries()).isEqualTo(2);
    }

    @Test
    void refusalsAreNeverCached() {
        String forged = flipLastSignatureByte(tokens[0]);
        assertRejected(cache, forged, Reason.BAD_SIGNATURE);
        assertRejected(cache, forged, Reason.BAD_SIGNATURE);
        assertThat(delegate.calls.get()).isEqualTo(2);
        assertThat(cache.entries()).isZero();
    }

    @Test
    void aForgedTwinOfACachedTokenIsVerifiedAndRefused() throws Rejected {
        cache.authenticate(tokens[0]);
        assertRejected(cache, flipLastSignatureByte(tokens[0]), Reason.BAD_SIGNATURE);
        // Another spelling of the same signature (a non-zero unused trailing bit): a miss, so verified, and the
        // reference verifier refuses non-canonical base64url.
        String last = tokens[0].substring(tokens[0].length() - 1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        String respelled = tokens[0].substring(0, tokens[0].length() - 1)
                + alphabet.charAt(alphabet.indexOf(last) ^ 1); // HS256: 43 characters, the last has 2 unused bits
        assertThat(respelled).isNotEqualTo(tokens[0]);
        assertRejected(cache, respelled, Reason.MALFORMED);
        assertThat(delegate.calls.get()).isEqualTo(3);
        assertThat(cache.authenticate(tokens[0])).isEqualTo(FIXTURE.principal(0));
        assertThat(delegate.calls.get()).isEqualTo(3);
    }

    @Test
    void anEntryIsServedUntilTheLastMillisecondBeforeExpThenReverifiedAndRefused() throws Rejected {
        cache.authenticate(tokens[0]);
        time.set(EXP * 1000 - 1);
        assertThat(cache.authenticate(tokens[0])).isEqualTo(FIXTURE.principal(0));
        assertThat(delegate.calls.get()).isEqualTo(1);
        time.set(EXP * 1000);
        assertRejected(cache, tokens[0], Reason.EXPIRED);
        assertThat(delegate.calls.get()).isEqualTo(2);
        assertThat(cache.entries()).isZero();
    }

    @Test
    void theVerifiersClockDecidesEvenWhenCaffeinesTickerLagsBehind() throws Rejected {
        cache.authenticate(tokens[0]);
        time.setClockOnly(EXP * 1000); // e.g. the wall clock stepped forward; the monotonic ticker did not
        assertRejected(cache, tokens[0], Reason.EXPIRED);
        assertThat(delegate.calls.get()).isEqualTo(2);
    }

    @Test
    void caffeineEvictsAtExpByItsTickerAndTheTokenIsVerifiedAgain() throws Rejected {
        cache.authenticate(tokens[0]);
        time.setTickerOnly(EXP * 1000); // the ticker ran ahead of the clock: evicted, so verified again (and valid)
        assertThat(cache.entries()).isZero();
        assertThat(cache.authenticate(tokens[0])).isEqualTo(FIXTURE.principal(0));
        assertThat(delegate.calls.get()).isEqualTo(2);
    }

    @Test
    void theCacheIsBounded() throws Rejected {
        CachingVerifier small = new CachingVerifier(delegate, time, 3, time, Runnable::run, true);
        for (String t : tokens) {
            small.authenticate(t);
        }
        assertThat(small.entries()).isLessThanOrEqualTo(3);
    }

    @Test
    void prefilledOnlyCachesWhatWasWarmedAndNothingElse() throws Rejected {
        CachingVerifier prefilled = new CachingVerifier(delegate, time, 100, time, Runnable::run, false);
        prefilled.warm(tokens[0]);
        prefilled.authenticate(tokens[1]);
        prefilled.authenticate(tokens[1]);
        prefilled.authenticate(tokens[0]);
        assertThat(delegate.calls.get()).isEqualTo(3); // warm, and tokens[1] twice
        assertThat(prefilled.entries()).isEqualTo(1);
    }

    @Test
    void onlyCompactJwsBytesWithOneNumericExpAreAdmitted() throws Rejected {
        // A verifier that accepts anything: what the cache admits must not depend on the verifier being strict.
        AtomicInteger calls = new AtomicInteger();
        Authenticator lenient = t -> {
            calls.incrementAndGet();
            return new Principal("s", "j");
        };
        CachingVerifier c = new CachingVerifier(lenient, time, 100, time, Runnable::run, true);
        String payload = b64("{\"sub\":\"s\",\"exp\":" + EXP + "}");
        String[] notAdmitted = {
            "aGVhZA." + payload + ".sig?", // '?' is what UTF-8 makes of a lone surrogate: never cached
            "aGVhZA." + payload + ".sig\uD800", // ...so this string, whose bytes equal the one above, cannot hit
            "aGVhZA." + payload + ".s ig",
            "aGVhZA." + b64("{\"sub\":\"s\"}") + ".sig", // no exp
            "aGVhZA." + b64("{\"exp\":" + EXP + ",\"exp\":1}") + ".sig", // exp twice
            "aGVhZA." + b64("{\"exp\":\"" + EXP + "\"}") + ".sig", // exp not a number
            "aGVhZA." + b64("{\"exp\":" + (NOW - 1) + "}") + ".sig", // already expired
            "aGVhZA." + payload + ".sig.more", // not three parts
        };
        for (String t : notAdmitted) {
            c.authenticate(t);
            c.authenticate(t);
        }
        assertThat(calls.get()).isEqualTo(2 * notAdmitted.length);
        assertThat(c.entries()).isZero();
        String admitted = "aGVhZA." + payload + ".sig";
        c.authenticate(admitted);
        c.authenticate(admitted);
        assertThat(calls.get()).isEqualTo(2 * notAdmitted.length + 1);
        assertThat(CachingVerifier.exp(("x." + b64("{\"exp\":12.9}") + ".y").getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo(12);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }


    /** Counts the calls that reach the wrapped verifier. */
    private static final class Counting implements Authenticator {
        final Authenticator inner;
        final AtomicInteger calls = new AtomicInteger();

        Counting(Authenticator inner) {
            this.inner = inner;
        }

        @Override
        public Principal authenticate(String credential) throws Rejected {
            calls.incrementAndGet();
            return inner.authenticate(credential);
        }
    }

    /** A wall clock and a Caffeine ticker under the test's control, moved together or (to model drift) apart. */
    private static final class ManualTime extends Clock implements Ticker {
        private volatile long clockMillis;
        private volatile long tickerMillis;

        ManualTime(long millis) {
            this.clockMillis = millis;
            this.tickerMillis = millis;
        }

        void set(long millis) {
            clockMillis = millis;
            tickerMillis = millis;
        }

        void setClockOnly(long millis) {
            clockMillis = millis;
        }

        void setTickerOnly(long millis) {
            tickerMillis = millis;
        }

        @Override
        public long read() {
            return TimeUnit.MILLISECONDS.toNanos(tickerMillis);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(clockMillis);
        }

        @Override
        public long millis() {
            return clockMillis;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
