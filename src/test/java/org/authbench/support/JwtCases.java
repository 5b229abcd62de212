package org.authbench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.jwt.JwtAlgorithm;
import org.junit.jupiter.params.provider.Arguments;

/** What the per-library adapter tests share: the hostile cases, the refusal reason, a signature tweak. */
public final class JwtCases {

    private JwtCases() {
    }

    /** Every (algorithm, hostile kind) pair that applies: {@code @MethodSource("org.authbench.support.JwtCases#hostiles")}. */
    public static Stream<Arguments> hostiles() {
        List<Arguments> out = new ArrayList<>();
        for (JwtAlgorithm alg : JwtAlgorithm.values()) {
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

    /** The token with the last byte of its signature changed. */
    public static String flipLastSignatureByte(String token) {
        int dot = token.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        sig[sig.length - 1] ^= 1;
        return token.substring(0, dot + 1) + JwsSigner.b64(sig);
    }
}
