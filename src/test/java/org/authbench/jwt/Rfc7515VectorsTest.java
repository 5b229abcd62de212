package org.authbench.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.conformance.Case;
import org.authbench.conformance.Expected;
import org.authbench.conformance.Rfc7515Vectors;
import org.authbench.support.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 7515 Appendix A.1 (HS256), A.2 (RS256) and A.3 (ES256, high-S) through every adapter under the full
 * claim policy, clock fixed at 1300819000 and no {@code iss}/{@code aud}: each verifies as a principal with
 * neither {@code sub} nor {@code jti}; its tampered versions (payload, signature bit, {@code alg: none}, clock
 * at {@code exp}) are refused. Skipped, saying where it looked, when the vectors folder is absent.
 */
class Rfc7515VectorsTest {

    static Stream<Arguments> cases() throws IOException {
        List<Case> vectors = Rfc7515Vectors.load(Vectors.require(Rfc7515Vectors.FILE));
        List<Arguments> out = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            for (Case c : vectors) {
                out.add(Arguments.of(l, c.id(), c));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void appendixAVerifiesAndTamperedVersionsAreRefused(JwtLibrary library, String id, Case c) throws Rejected {
        assertThat(c.policy().nowEpochSecond()).isIn(Rfc7515Vectors.CLOCK, Rfc7515Vectors.EXP);
        assertThat(c.policy().issuer()).isNull();
        assertThat(c.policy().audience()).isNull();
        Authenticator v = library.create(c.policy());
        if (c.expected() == Expected.ACCEPT) {
            assertThat(v.authenticate(c.token())).isEqualTo(new Principal(null, null));
        } else {
            assertThatThrownBy(() -> v.authenticate(c.token())).as("%s: %s", id, c.comment()).isInstanceOf(Rejected.class);
        }
    }
}
