package org.authbench.latency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.authbench.apikey.StoreKind;
import org.authbench.auth.Rejected;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.cache.CachingVerifier;
import org.junit.jupiter.api.Test;

class SchemeTest {

    @Test
    void parsesTheNamesListPrints() {
        assertThat(Scheme.parse("apikey:hashed")).isEqualTo(new Scheme.ApiKey(StoreKind.HASHED));
        assertThat(Scheme.parse("jwt:reference:ES256")).isEqualTo(new Scheme.Jwt(JwtLibrary.REFERENCE, JwtAlgorithm.ES256));
        assertThat(Scheme.parse("JWT:Reference:hs256").name()).isEqualTo("jwt:reference:HS256");
        for (StoreKind k : StoreKind.values()) {
            assertThat(Scheme.parse("apikey:" + k.cliName()).name()).isEqualTo("apikey:" + k.cliName());
        }
    }

    @Test
    void aPairTheLibraryDoesNotSupportParsesButCannotRun() {
        assertThat(Scheme.parse("jwt:jose4j:EdDSA").unavailableReason()).isNull();
        assertThat(Scheme.parse("jwt:auth0:eddsa").unavailableReason()).startsWith("not supported (")
                .contains(JwtLibrary.AUTH0.unsupportedReason(JwtAlgorithm.EdDSA));
    }

    @Test
    void refusesUnknownAndDuplicateNames() {
        assertThatThrownBy(() -> Scheme.parse("apikey:nosuch")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nosuch");
        assertThatThrownBy(() -> Scheme.parse("jwt:reference")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown scheme");
        assertThatThrownBy(() -> Scheme.parse("jwt:reference:PS999")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PS999");
        assertThatThrownBy(() -> Scheme.parseList(List.of("apikey:plain", "APIKEY:PLAIN")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void preparedJwtSchemeAuthenticatesItsPool() throws Exception {
        try (Scheme.Prepared p = Scheme.parse("jwt:reference:HS256").prepare()) {
            assertThat(p.credentials()).hasSize(Scheme.JWT_POOL).doesNotHaveDuplicates();
            assertThat(p.authenticator().authenticate(p.credentials()[7]).subject()).isEqualTo("user-7");
            assertThatThrownBy(() -> p.authenticator().authenticate(p.credentials()[7] + "x"))
                    .isInstanceOf(Rejected.class);
        }
    }

    @Test
    void cachedJwtSchemeServesItsPoolFromTheCacheAndStillRefusesForgeries() throws Exception {
        assertThat(Scheme.parse("JWT-CACHED:nimbus:rs256")).isEqualTo(new Scheme.CachedJwt(JwtLibrary.NIMBUS, JwtAlgorithm.RS256));
        try (Scheme.Prepared p = Scheme.parse("jwt-cached:reference:HS256").prepare()) {
            assertThat(p.authenticator()).isInstanceOf(CachingVerifier.class);
            assertThat(((CachingVerifier) p.authenticator()).entries()).isEqualTo(Scheme.JWT_POOL);
            assertThat(p.authenticator().authenticate(p.credentials()[7]).subject()).isEqualTo("user-7");
            assertThatThrownBy(() -> p.authenticator().authenticate(p.credentials()[7] + "x"))
                    .isInstanceOf(Rejected.class);
        }
    }
}
