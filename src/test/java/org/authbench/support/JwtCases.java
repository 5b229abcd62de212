package org.authbench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.params.provider.Arguments;

/** What tests of authenticators share: the hostile cases, the refusal reason, a signature tweak. */
public final class JwtCases {

    private JwtCases() {
    }

    /** Every (algorithm, hostile kind) pair that applies: {@code @MethodSource("org.authbench.support.JwtCases#hostiles")}. */
    public static Stream<Arguments> hostiles() {
        return hostiles(null);
    }

    /** The (algorithm, hostile kind) pairs for the algorithms {@code library} supports (all when null). */
    public static Stream<Arguments> hostiles(JwtLibrary library) {
        List<Arguments> out = new ArrayList<>();
        for (JwtAlgorithm alg : JwtAlgorithm.values()) {
            if (library != null && !library.supports(alg)) {
                continue;
            }
            for (Hostile h : Hostile.values()) {
                if (h.appliesToAlgorithm(alg)) {
                    out.add(Arguments.of(alg, h));
                }
            }
        }
        return out.stream();
    }

    /** The reason {@code v} refuses {@code token} with; fails the test if it is accepted. */
    public static Reason refusal(Authenticator v, String token) {
        Rejected r = catchThrowableOfType(() -> v.authenticate(token), Rejected.class);
        assertThat(r).as("refused").isNotNull();
        return r.reason();
    }

    /** Asserts that {@code v} refuses {@code token} for exactly {@code reason}. */
    public static void assertRejected(Authenticator v, String token, Reason reason) {
        assertThatThrownBy(() -> v.authenticate(token)).isInstanceOfSatisfying(Rejected.class,
                r -> assertThat(r.reason()).as(r.getMessage()).isEqualTo(reason));
    }

    /** A clock fixed at {@code epochSecond}. */
    public static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /**
     * An HS256 verifier in JWS-only mode accepts a signed non-JSON payload as (null, null) and still refuses
     * a changed signature, another algorithm and an unknown {@code crit}.
     */
    public static void assertJwsOnlyChecksTheSignatureLayer(Authenticator jwsOnly, Key hs256Key) throws Rejected {
        String signed = JwsSigner.sign("{\"alg\":\"HS256\"}", "not a claim set", "HmacSHA256", hs256Key);
        assertThat(jwsOnly.authenticate(signed)).isEqualTo(new Principal(null, null));
        assertRejected(jwsOnly, signed.substring(0, signed.lastIndexOf('.') + 1) + "AAAA"
                + signed.substring(signed.lastIndexOf('.') + 5), Reason.BAD_SIGNATURE);
        assertRejected(jwsOnly, JwsSigner.sign("{\"alg\":\"HS512\"}", "x", "HmacSHA512", hs256Key),
                Reason.ALGORITHM_NOT_ALLOWED);
        assertRejected(jwsOnly, JwsSigner.sign("{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}", "x", "HmacSHA256",
                hs256Key), Reason.UNSUPPORTED);
    }

    /** The token with the last byte of its signature changed. */
    public static String flipLastSignatureByte(String token) {
        int dot = token.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        sig[sig.length - 1] ^= 1;
        return token.substring(0, dot + 1) + JwsSigner.b64(sig);
    }
}
