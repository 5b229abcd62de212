package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.flipLastSignatureByte;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ClaimShapes;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.fixture.KeySetFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The token shapes {@code TokenShapeBenchmark} times: large claim sets are verified alike; key sets are real. */
class TokenShapeTest {

    static final long NOW = 1_750_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();
    static JwtFixture fixture(JwtAlgorithm alg) {
        return Fixtures.jwt(alg, 8, NOW, 42);
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                for (int claims : new int[] {5, 20, 100}) {
                    if (l.supports(a)) {
                        out.add(Arguments.of(l, a, claims));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} with {2} claims")
    @MethodSource("cases")
    void everyClaimCountGivesTheSamePrincipalAndThePolicyStillHolds(JwtLibrary library, JwtAlgorithm alg, int claims)
            throws Rejected {
        JwtFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        String[] tokens = ClaimShapes.tokens(f, claims);
        for (int i = 0; i < tokens.length; i++) {
            assertThat(v.authenticate(tokens[i])).isEqualTo(f.principal(i));
        }
        String tampered = flipLastSignatureByte(tokens[0]);
        assertThatThrownBy(() -> v.authenticate(tampered)).isInstanceOf(Rejected.class);
        // exp, iss and aud are still enforced on large tokens.
        for (String claim : List.of("exp", "iss", "aud")) {
            Map<String, Object> c = ClaimShapes.claims(NOW, "user-0", "j", claims);
            c.put(claim, claim.equals("exp") ? (Object) (NOW - 1) : "https://evil.example");
            String bad = JwsSigner.sign("{\"alg\":\"" + alg + "\"}", json(c), alg.jcaName(),
                    f.keys().signingKey());
            assertThatThrownBy(() -> v.authenticate(bad)).as(claim).isInstanceOf(Rejected.class);
        }
    }

    @Test
    void claimSetsHaveExactlyTheRequestedFlatClaims() throws IOException {
        for (int n : new int[] {5, 20, 100}) {
            String token = ClaimShapes.tokens(fixture(JwtAlgorithm.HS256), n)[3];
            JsonNode payload = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            assertThat(payload.size()).isEqualTo(n);
            assertThat(payload.get("sub").asText()).isEqualTo("user-3");
            payload.fields().forEachRemaining(e -> assertThat(e.getValue().isObject()).as(e.getKey()).isFalse());
        }
        assertThatThrownBy(() -> ClaimShapes.claims(NOW, "s", "j", 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivedRsaKeySetsAreDistinct2048BitKeysAndThePoolUsesEveryKid() {
        KeySetFixture ks = KeySetFixture.fixed(JwtAlgorithm.RS256, 100, 256, NOW, 7);
        Set<BigInteger> moduli = new HashSet<>();
        for (String kid : ks.kids()) {
            RSAPublicKey k = (RSAPublicKey) ks.policy().keysById().get(kid);
            assertThat(k.getModulus().bitLength()).isEqualTo(2048);
            moduli.add(k.getModulus());
        }
        assertThat(moduli).hasSize(100);
        assertThat(ks.kids()).doesNotHaveDuplicates();
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 256; i++) {
            used.add(ks.kidOf(i));
        }
        assertThat(used).hasSize(100);
        // Same seed, same keys: every fork of a trial verifies against the same set.
        assertThat(KeySetFixture.fixed(JwtAlgorithm.RS256, 100, 256, NOW, 7).kids()).isEqualTo(ks.kids());
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
