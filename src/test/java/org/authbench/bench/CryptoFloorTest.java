package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.Sha256Key;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected;
import org.authbench.fixture.ApiKeyFixture;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The floors bound what they claim to bound: the parse floor reads the members {@code reference} reads and no others,
 * and the key floor's setup refuses a pool that does not find its records.
 */
class CryptoFloorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ApiKeyFixture KEYS = ApiKeyFixture.create(3000, 64, 5);

    /**
     * The members {@code reference} acts on, found by behaviour: a member whose value turned into an object makes
     * it refuse the token is one it reads; one it still accepts is one it skips.
     */
    private static Set<String> readByReference(JwtFixture f, boolean header) throws Exception {
        Authenticator reference = JwtLibrary.REFERENCE.create(f.policy());
        String token = f.validTokens()[0];
        String[] parts = token.split("\\.");
        Map<String, Object> h = decode(parts[0]);
        Map<String, Object> c = decode(parts[1]);
        Map<String, Object> target = header ? h : c;
        Set<String> read = new HashSet<>();
        for (String name : target.keySet()) {
            Map<String, Object> changedHeader = new LinkedHashMap<>(h);
            Map<String, Object> changedClaims = new LinkedHashMap<>(c);
            (header ? changedHeader : changedClaims).put(name, Map.of("x", 1));
            String changed = JwsSigner.sign(JSON.writeValueAsString(changedHeader),
                    JSON.writeValueAsString(changedClaims), f.algorithm().jcaName(), f.keys().signingKey());
            try {
                reference.authenticate(changed);
            } catch (Rejected e) {
                read.add(name);
            }
        }
        return read;
    }

    private static Map<String, Object> decode(String segment) throws Exception {
        return JSON.readValue(Base64.getUrlDecoder().decode(segment), new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    @Test
    void theParseFloorReadsWhatReferenceReads() throws Exception {
        JwtFixture f = Fixtures.jwt(JwtAlgorithm.HS256, 4, 1_750_000_000L, 42);
        assertThat(readByReference(f, true)).isEqualTo(CryptoFloorBenchmark.Parse.HEADER_READ);
        assertThat(readByReference(f, false)).isEqualTo(CryptoFloorBenchmark.Parse.CLAIMS_READ);
        // The pool carries members reference skips, so reading them would show.
        String[] parts = f.validTokens()[0].split("\\.");
        assertThat(decode(parts[0])).containsKey("typ");
        assertThat(decode(parts[1])).containsKey("scope");
    }

    @Test
    void theParseFloorWalksOnlyThoseMembers() throws Exception {
        CryptoFloorBenchmark.Parse parse = new CryptoFloorBenchmark.Parse();
        parse.setup(); // refuses a walk that reads more or less than the reference
        CryptoFloorBenchmark.Parse.Walk header = new CryptoFloorBenchmark.Parse.Walk();
        CryptoFloorBenchmark.Parse.Walk claims = new CryptoFloorBenchmark.Parse.Walk();
        long consumed = parse.parse(3, header, claims);
        assertThat(header.read).containsExactlyInAnyOrder("alg");
        assertThat(claims.read).containsExactlyInAnyOrder("iss", "sub", "aud", "iat", "nbf", "exp", "jti");
        assertThat(parse.parse(3, null, null)).isEqualTo(consumed);
    }

    @Test
    void theKeyFloorProvesEveryPoolKeyHits() {
        CryptoFloorBenchmark.Keys keys = new CryptoFloorBenchmark.Keys();
        keys.size = 3000;
        assertThatCode(keys::setup).doesNotThrowAnyException();
    }

    @Test
    void theKeyFloorRefusesAPoolThatMisses() throws NoSuchAlgorithmException {
        Map<Sha256Key, ApiKeyRecord> map = map();
        byte[] firstHit = sha256(KEYS.hits()[0]);
        map.remove(new Sha256Key(firstHit));
        assertThatThrownBy(() -> CryptoFloorBenchmark.Keys.requireHits(map, MessageDigest.getInstance("SHA-256"), KEYS))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("key floor: pool key #0 finds null");
    }

    @Test
    void theKeyFloorRefusesAPoolThatFindsAnotherRecord() throws NoSuchAlgorithmException {
        Map<Sha256Key, ApiKeyRecord> map = map();
        Sha256Key firstHit = new Sha256Key(sha256(KEYS.hits()[0]));
        map.put(firstHit, map.get(firstHit).withStatus(ApiKeyRecord.Status.REVOKED));
        assertThatThrownBy(() -> CryptoFloorBenchmark.Keys.requireHits(map, MessageDigest.getInstance("SHA-256"), KEYS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("pool key #0");
        assertThatCode(() -> CryptoFloorBenchmark.Keys.requireHits(map(), MessageDigest.getInstance("SHA-256"), KEYS))
                .doesNotThrowAnyException();
    }

    private static Map<Sha256Key, ApiKeyRecord> map() {
        Map<Sha256Key, ApiKeyRecord> map = new HashMap<>();
        for (IssuedKey k : KEYS.issued()) {
            map.put(new Sha256Key(k.record().sha256()), k.record());
        }
        return map;
    }

    private static byte[] sha256(String key) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII));
    }
}
