package org.authbench.revocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.flipLastSignatureByte;
import static org.authbench.support.JwtCases.refusal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.authbench.apikey.Servers;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.apikey.StoreUnavailableException;
import org.authbench.apikey.redis.RedisEndpoint;
import org.authbench.apikey.redis.RedisKeyTable;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import redis.clients.jedis.JedisPooled;

/**
 * JWT verification plus a jti denylist, for every denylist × algorithm: valid tokens pass, a denied jti is
 * refused in any encoding of its token, a forged token is refused by the verifier before the denylist is
 * asked, and the Redis denylist leaves nothing behind.
 */
class DenylistAuthenticatorTest {

    static final long NOW = 1_750_000_000L;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (DenylistKind d : DenylistKind.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                out.add(Arguments.of(d, a));
            }
        }
        return out.stream();
    }

    private static Denylist open(DenylistKind kind, StoreOptions options, JwtFixture f) {
        if (kind == DenylistKind.REDIS) {
            Servers.require(StoreKind.REDIS, options);
        }
        return kind.open(options, f.policy().clock());
    }

    /** Another token for the same sub and jti: a different string, signed by the same key. */
    private static String reissued(JwtFixture f, int index) {
        Principal p = f.principal(index);
        String claims = "{\"jti\":\"" + p.credentialId() + "\",\"sub\":\"" + p.subject() + "\",\"iss\":\""
                + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"nbf\":" + (NOW - 10) + ",\"exp\":"
                + (NOW + 600) + "}";
        return JwsSigner.sign("{\"typ\":\"JWT\",\"alg\":\"" + f.algorithm().name() + "\"}", claims,
                f.algorithm().jcaName(), f.keys().signingKey());
    }


    @ParameterizedTest
    @MethodSource("cases")
    void refusesDeniedJtisOnly(DenylistKind kind, JwtAlgorithm alg) throws Rejected {
        JwtFixture f = JwtFixture.fixed(alg, 4, NOW, 42);
        String[] tokens = f.validTokens();
        StoreOptions options = StoreOptions.defaults();
        try (Denylist denylist = open(kind, options, f)) {
            Authenticator auth = new DenylistAuthenticator(JwtLibrary.REFERENCE.create(f.policy()), denylist);
            for (int i = 0; i < tokens.length; i++) {
                assertThat(auth.authenticate(tokens[i])).isEqualTo(f.principal(i));
            }
            denylist.deny(f.principal(1).credentialId(), NOW + JwtFixture.LIFETIME_SECONDS);

            assertThat(refusal(auth, tokens[1])).isEqualTo(Reason.REVOKED);
            String other = reissued(f, 1);
            assertThat(other).isNotEqualTo(tokens[1]);
            assertThat(JwtLibrary.REFERENCE.create(f.policy()).authenticate(other)).isEqualTo(f.principal(1));
            assertThat(refusal(auth, other)).as("same jti, other encoding").isEqualTo(Reason.REVOKED);
            for (int i : new int[] {0, 2, 3}) {
                assertThat(auth.authenticate(tokens[i])).isEqualTo(f.principal(i));
            }
        }
        if (kind == DenylistKind.REDIS) {
            try (JedisPooled redis = RedisEndpoint.of(options.redisUrl()).connect(options.pool())) {
                assertThat(Servers.redisKeys(redis, RedisKeyTable.prefix(options.namespace()))).isZero();
            }
        }
    }

    @Test
    void aForgedTokenIsRefusedBeforeTheDenylistIsAsked() {
        JwtFixture f = JwtFixture.fixed(JwtAlgorithm.HS256, 4, NOW, 42);
        Denylist mustNotBeAsked = new Denylist() {
            @Override
            public void deny(String jti, long expiresAt) {
                throw new AssertionError("unused");
            }

            @Override
            public boolean contains(String jti) {
                throw new AssertionError("denylist asked about an unverified token");
            }

            @Override
            public void close() {
            }
        };
        Authenticator auth = new DenylistAuthenticator(JwtLibrary.REFERENCE.create(f.policy()), mustNotBeAsked);
        assertThat(refusal(auth, flipLastSignatureByte(f.validTokens()[0]))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @Test
    void redisDenylistOnAStoppedServerSaysSoInOneLine() {
        int port = Servers.unusedLoopbackPort();
        StoreOptions options = StoreOptions.defaults().withRedisUrl("redis://127.0.0.1:" + port);
        assertThatThrownBy(() -> DenylistKind.REDIS.open(options, Clock.systemUTC())).isInstanceOf(StoreUnavailableException.class)
                .hasMessage("no Redis at 127.0.0.1:" + port + ": Connection refused");
    }

}
