package org.authbench.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.assertRejected;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.KeySetFixture;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every adapter × algorithm with a key set: the key is the one the header's {@code kid} names, chosen through the
 * library's own mechanism. Fixed clock; a set of 3 keys, so picking the first or last key by luck fails.
 */
class KeySetContractTest {

    static final long NOW = 1_750_000_000L;
    static KeySetFixture fixture(JwtAlgorithm alg) {
        return Fixtures.keySet(alg, 3, 8, NOW, 42);
    }

    static Stream<Arguments> adapters() {
        List<Arguments> out = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                if (l.supports(a)) {
                    out.add(Arguments.of(l, a));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} picks each token's key by kid")
    @MethodSource("adapters")
    void acceptsEveryKidOfTheSetAsTheRightPrincipal(JwtLibrary library, JwtAlgorithm alg) throws Rejected {
        KeySetFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        String[] tokens = f.validTokens();
        for (int i = 0; i < tokens.length; i++) {
            assertThat(v.authenticate(tokens[i])).as("token #%d (kid %s)", i, f.kidOf(i)).isEqualTo(f.principal(i));
        }
        assertThat(IntStream.range(0, tokens.length).mapToObj(f::kidOf).distinct())
                .as("the pool uses every kid").hasSize(3);
    }

    @ParameterizedTest(name = "{0} {1} refuses an unknown kid")
    @MethodSource("adapters")
    void refusesAnUnknownKid(JwtLibrary library, JwtAlgorithm alg) {
        KeySetFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        for (String t : f.unknownKidTokens()) {
            assertRejected(v, t, Reason.UNKNOWN_KEY);
        }
    }

    @ParameterizedTest(name = "{0} {1} refuses a token without kid")
    @MethodSource("adapters")
    void refusesATokenWithoutKid(JwtLibrary library, JwtAlgorithm alg) {
        KeySetFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        // Signed by a key of the set: a verifier that tried every key would accept it.
        assertRejected(v, f.sign(f.header(null), 0, f.signingKey(f.kids().get(2))), Reason.UNKNOWN_KEY);
    }

    @ParameterizedTest(name = "{0} {1} refuses kid A signed by key B")
    @MethodSource("adapters")
    void refusesAKidWhoseKeyDidNotSign(JwtLibrary library, JwtAlgorithm alg) {
        KeySetFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        List<String> kids = f.kids();
        assertRejected(v, f.sign(f.header(kids.get(0)), 0, f.signingKey(kids.get(1))), Reason.BAD_SIGNATURE);
        assertRejected(v, f.sign(f.header(kids.get(2)), 0, f.outsiderSigningKey()), Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0} {1} ignores header jwk and jku")
    @MethodSource("adapters")
    void neverUsesKeysCarriedInTheHeader(JwtLibrary library, JwtAlgorithm alg) {
        KeySetFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        String kid = f.kids().get(1);
        Map<String, Object> withJwk = f.header(kid);
        Map<String, Object> jwk = new LinkedHashMap<>(JwkKeys.toJwk(f.outsiderVerificationKey()));
        jwk.put("kid", kid);
        withJwk.put("jwk", jwk);
        assertThatThrownBy(() -> v.authenticate(f.sign(withJwk, 0, f.outsiderSigningKey()))).isInstanceOf(Rejected.class);
        Map<String, Object> withJku = f.header(kid);
        withJku.put("jku", "https://attacker.example/jwks.json");
        assertThatThrownBy(() -> v.authenticate(f.sign(withJku, 0, f.outsiderSigningKey()))).isInstanceOf(Rejected.class);
        // The same headers on a token the set's key signed still verify: the header keys are ignored, not refused.
        assertThat(catchAccepted(v, f.sign(withJku, 0, f.signingKey(kid)))).isTrue();
    }

    @ParameterizedTest(name = "{0} {1} still pins the algorithm")
    @MethodSource("adapters")
    void stillRefusesAlgNoneAndForeignAlgorithmsWithAKnownKid(JwtLibrary library, JwtAlgorithm alg) {
        KeySetFixture f = fixture(alg);
        Authenticator v = library.create(f.policy());
        String kid = f.kids().get(0);
        Map<String, Object> none = f.header(kid);
        none.put("alg", "none");
        String valid = f.validTokens()[0];
        String unsigned = JwsSigner.b64(json(none)) + valid.substring(valid.indexOf('.'), valid.lastIndexOf('.') + 1);
        assertThatThrownBy(() -> v.authenticate(unsigned)).isInstanceOf(Rejected.class);
        // Another HMAC under the key's bytes (for an asymmetric key, its public encoding: algorithm confusion).
        String foreign = alg == JwtAlgorithm.HS512 ? "HS256" : "HS512";
        String mac = alg == JwtAlgorithm.HS512 ? "HmacSHA256" : "HmacSHA512";
        Map<String, Object> other = f.header(kid);
        other.put("alg", foreign);
        String payload = valid.substring(valid.indexOf('.') + 1, valid.lastIndexOf('.'));
        String confused = JwsSigner.sign(json(other), new String(Base64.getUrlDecoder().decode(payload),
                StandardCharsets.UTF_8), mac, new SecretKeySpec(
                f.policy().keysById().get(kid).getEncoded(), mac));
        assertThatThrownBy(() -> v.authenticate(confused)).isInstanceOf(Rejected.class);
    }

    @Test
    void singleKeyPoliciesStillIgnoreKid() throws Rejected {
        // The policy without a key set is unchanged: a kid in the header chooses nothing and is not required.
        KeySetFixture f = fixture(JwtAlgorithm.ES256);
        String kid = f.kids().get(1);
        VerifierPolicy single = new VerifierPolicy(JwtAlgorithm.ES256, f.policy().keysById().get(kid), f.policy().clock(),
                f.policy().leeway(), f.policy().issuer(), f.policy().audience(), false);
        for (JwtLibrary l : JwtLibrary.values()) {
            Authenticator v = l.create(single);
            assertThat(v.authenticate(f.sign(f.header("anything"), 0, f.signingKey(kid)))).as(l.name()).isEqualTo(f.principal(0));
            assertThat(v.authenticate(f.sign(f.header(null), 0, f.signingKey(kid)))).as(l.name()).isEqualTo(f.principal(0));
        }
    }

    @Test
    void aPolicyHoldsOneKeyOrAKeySetNeverBoth() {
        KeySetFixture f = fixture(JwtAlgorithm.HS256);
        VerifierPolicy p = f.policy();
        assertThatThrownBy(() -> new VerifierPolicy(p.algorithm(), p.keysById().values().iterator().next(), p.clock(),
                p.leeway(), null, null, false, p.keysById())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerifierPolicy.ofKeySet(JwtAlgorithm.HS256, Map.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> p.withJwsOnly(true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VerifierPolicy.ofKeySet(JwtAlgorithm.RS256, p.keysById(), null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RS256");
        assertThat(new ArrayList<>(p.keysById().keySet())).isEqualTo(f.kids());
    }

    private static boolean catchAccepted(Authenticator v, String token) {
        try {
            v.authenticate(token);
            return true;
        } catch (Rejected e) {
            throw new AssertionError("refused: " + e.code() + " " + e.getMessage(), e);
        }
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
