package org.authbench.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.Key;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected;
import org.authbench.fixture.JwtFixture;
import org.authbench.support.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every library's signer × algorithm against every library's verifier: the cross-library interop matrix (each over
 * the pairs it supports). Tokens issued from the fixture's claims must be accepted by every verifier of the
 * algorithm as the right principal, carry exactly
 * the fixture token's claim set and a header of {@code alg} and {@code typ: JWT}; a token signed with another
 * key of the same kind is refused by every verifier. Fixed clock.
 */
class IssuerInteropTest {

    private static final long NOW = AdapterContractTest.NOW;
    private static final int POOL = 4;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JwtFixture fixture(JwtAlgorithm alg) {
        return Fixtures.jwt(alg, POOL, NOW, 7);
    }

    /** Every pair a library supports: a library signs exactly the algorithms it verifies. */
    static Stream<Arguments> issuers() {
        return AdapterContractTest.adapters();
    }

    @ParameterizedTest(name = "{0} signs {1}; every verifier accepts")
    @MethodSource("issuers")
    void everyVerifierAcceptsWhatEveryIssuerSigns(JwtLibrary issuerLibrary, JwtAlgorithm alg) throws Rejected {
        JwtFixture f = fixture(alg);
        TokenIssuer issuer = issuerLibrary.createIssuer(alg, f.keys().signingKey());
        String[] issued = new String[POOL];
        for (int i = 0; i < POOL; i++) {
            issued[i] = issuer.issue(f.tokenClaims(i));
        }
        assertThat(new HashSet<>(List.of(issued))).as("distinct tokens for distinct claims").hasSize(POOL);
        for (JwtLibrary verifierLibrary : verifiers(alg)) {
            Authenticator v = verifierLibrary.create(f.policy());
            for (int i = 0; i < POOL; i++) {
                assertThat(v.authenticate(issued[i])).as("%s verifying %s's %s token #%d", verifierLibrary,
                        issuerLibrary, alg, i).isEqualTo(f.principal(i));
            }
        }
    }

    @ParameterizedTest(name = "{0} {1}: the fixture's claim set, header alg + typ")
    @MethodSource("issuers")
    void writesTheFixturesClaimSetAndHeader(JwtLibrary issuerLibrary, JwtAlgorithm alg) throws IOException {
        JwtFixture f = fixture(alg);
        TokenIssuer issuer = issuerLibrary.createIssuer(alg, f.keys().signingKey());
        String[] fixtureTokens = f.validTokens();
        for (int i = 0; i < POOL; i++) {
            String[] issued = issuer.issue(f.tokenClaims(i)).split("\\.");
            assertThat(issued).hasSize(3);
            assertThat(json(issued[0])).isEqualTo(Map.of("alg", alg.name(), "typ", "JWT"));
            assertThat(json(issued[1])).isEqualTo(json(fixtureTokens[i].split("\\.")[1]));
            assertThat(issued[2]).matches("[A-Za-z0-9_-]+");
        }
    }

    @ParameterizedTest(name = "{0} {1} with another key: every verifier refuses")
    @MethodSource("issuers")
    void tokenSignedWithAnotherKeyIsRefusedByEveryVerifier(JwtLibrary issuerLibrary, JwtAlgorithm alg) {
        JwtFixture f = fixture(alg);
        String forged = issuerLibrary.createIssuer(alg, f.keys().otherSigningKey()).issue(f.tokenClaims(0));
        for (JwtLibrary verifierLibrary : verifiers(alg)) {
            Authenticator v = verifierLibrary.create(f.policy());
            assertThatThrownBy(() -> v.authenticate(forged)).as("%s must refuse", verifierLibrary)
                    .isInstanceOfSatisfying(Rejected.class,
                            r -> assertThat(r.reason()).as(r.getMessage()).isEqualTo(Rejected.Reason.BAD_SIGNATURE));
        }
        if (alg.isHmac()) {
            return; // a secret has no public half to confuse with
        }
        // The verification key is public; a signer must refuse it rather than produce something.
        assertThatThrownBy(() -> issuerLibrary.createIssuer(alg, f.keys().verificationKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot sign " + alg);
    }

    @ParameterizedTest(name = "{0} cannot sign {1}")
    @MethodSource("org.authbench.jwt.AdapterContractTest#unsupported")
    void anUnsupportedPairIsRefusedAtCreation(JwtLibrary library, JwtAlgorithm alg) {
        assertThatThrownBy(() -> library.createIssuer(alg, fixture(alg).keys().signingKey()))
                .isInstanceOfSatisfying(UnsupportedAlgorithmException.class, e -> assertThat(e.getMessage())
                        .isEqualTo(library.cliName() + " does not support " + alg + ": " + library.unsupportedReason(alg)));
    }

    private static List<JwtLibrary> verifiers(JwtAlgorithm alg) {
        List<JwtLibrary> out = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            if (l.supports(alg)) {
                out.add(l);
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} refuses a key of the wrong kind")
    @EnumSource(JwtLibrary.class)
    void refusesAKeyOfTheWrongKind(JwtLibrary library) {
        Key rsaPrivate = fixture(JwtAlgorithm.RS256).keys().signingKey();
        Key ecPublic = fixture(JwtAlgorithm.ES256).keys().verificationKey();
        assertThatThrownBy(() -> library.createIssuer(JwtAlgorithm.HS256, rsaPrivate))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot sign HS256");
        assertThatThrownBy(() -> library.createIssuer(JwtAlgorithm.ES256, ecPublic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a ec private key");
        assertThatThrownBy(() -> library.createIssuer(JwtAlgorithm.RS256, ecPublic))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot sign RS256");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String b64) throws IOException {
        Map<String, Object> m = JSON.readValue(Base64.getUrlDecoder().decode(b64), Map.class);
        // Numbers compare as longs: one library writes 1750000000 as an int, another as a long.
        Set<String> keys = Set.copyOf(m.keySet());
        for (String k : keys) {
            if (m.get(k) instanceof Number n) {
                m.put(k, n.longValue());
            }
        }
        return m;
    }
}
