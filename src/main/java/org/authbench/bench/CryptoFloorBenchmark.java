package org.authbench.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import org.authbench.apikey.ApiKeyRecord;
import org.authbench.apikey.IssuedKey;
import org.authbench.apikey.Sha256Key;
import org.authbench.crypto.CryptoProvider;
import org.authbench.fixture.ApiKeyFixture;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The floors: the raw primitive each scheme cannot avoid, on the same inputs the schemes see.
 * {@code floor_jwsSignature}: each algorithm's JCA primitive ({@code HmacSHA256}, {@code SHA256withRSA},
 * {@code SHA256withECDSAinP1363Format}, {@code RSASSA-PSS} with PS256's parameters,
 * {@code SHA384withECDSAinP1363Format}, {@code HmacSHA512}, {@code Ed25519}) over the exact signing input of
 * the pool tokens (JCA objects initialised once, as a good verifier would).
 * {@code floor_jwsParse}: the non-crypto work no verifier avoids, on the HS256 pool's tokens: the JDK's base64url
 * decoding of all three segments and one Jackson streaming pass over header and claims that reads exactly the
 * values {@code reference} reads (the header's {@code alg}; {@code iss sub aud iat nbf exp jti}) and skips the
 * rest unread ({@code typ}, {@code scope}), as it does. No check is made (no strict base64url, no duplicate or
 * trailing-data check, no comparison); HMAC floor plus parse floor is what a verifier using a real JSON parser
 * cannot go below, and reading a member {@code reference} skips would raise the floor above the verifier it bounds.
 * {@code floor_sha256MapGet}: SHA-256 of a presented key plus a hash-map lookup over the same key set, consuming the
 * record's status, expiry, owner and id as the hashed store's verdict reads them (the map's key equality compares the
 * record's stored hash); the verdict's checks, its clock read and the principal are left out. Setup proves every
 * pool key finds its record: a miss would time less than any store's hit.
 * The report divides each scheme's cost by its floor. The JWS floor runs on the trial's JCA {@code provider},
 * installed at position 1 and checked to serve the primitive itself; the key floor stays on the JDK's
 * SHA-256, like the API-key tiers it is the floor of.
 *
 * <pre>java -jar target/authbench.jar jmh CryptoFloorBenchmark
 * java -jar target/authbench.jar jmh CryptoFloorBenchmark.floor_jwsSignature -p provider=DEFAULT,BC,ACCP
 * java -jar target/authbench.jar jmh 'CryptoFloorBenchmark.floor_jws(Signature|Parse)' -p alg=HS256</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CryptoFloorBenchmark {

    /** Per-thread JCA objects over the JWT pool of one algorithm. */
    @State(Scope.Thread)
    public static class Jws {
        @Param
        public JwtAlgorithm alg;

        /** JCA provider installed first in the fork; only DEFAULT unless a profile or {@code -p provider=...} asks. */
        @Param({"DEFAULT"})
        public CryptoProvider provider;

        private byte[][] inputs;
        private byte[][] signatures;
        private Mac mac;
        private Signature signature;
        private int mask;

        @Setup(Level.Trial)
        public void setup() throws GeneralSecurityException {
            JwtFixture built = JwtFixture.create(alg, 256);
            ProviderTrial.install(provider, "CryptoFloorBenchmark", alg, null);
            JwtFixture fixture = built.inFirstProviderForm();
            ProviderTrial.check(provider, "CryptoFloorBenchmark", alg, null, fixture.keys().verificationKey());
            String[] tokens = fixture.validTokens();
            inputs = new byte[tokens.length][];
            signatures = new byte[tokens.length][];
            for (int i = 0; i < tokens.length; i++) {
                int dot = tokens[i].lastIndexOf('.');
                inputs[i] = tokens[i].substring(0, dot).getBytes(StandardCharsets.US_ASCII);
                signatures[i] = Base64.getUrlDecoder().decode(tokens[i].substring(dot + 1));
            }
            mask = tokens.length - 1;
            if (alg.isHmac()) {
                mac = Mac.getInstance(alg.jcaName());
                mac.init(fixture.keys().verificationKey());
            } else {
                signature = alg.newSignature();
                signature.initVerify(fixture.policy().publicKey());
            }
            for (int i = 0; i < inputs.length; i++) {
                if (!verify(i)) {
                    throw new IllegalStateException("floor " + alg + " on " + provider + " does not verify pool signature #" + i);
                }
            }
            Heap.settle();
        }

        boolean verify(int i) throws GeneralSecurityException {
            if (mac != null) {
                return MessageDigest.isEqual(mac.doFinal(inputs[i]), signatures[i]);
            }
            signature.update(inputs[i]);
            return signature.verify(signatures[i]);
        }
    }

    /**
     * The HS256 pool's tokens for the parse floor (one algorithm: the claims are the same in every pool), walked as
     * {@code ReferenceVerifier} walks them with one pinned key: the header's {@code alg} and the claims
     * {@link #CLAIMS_READ} are read, every other member ({@code typ}, {@code scope}) is skipped unread.
     */
    @State(Scope.Thread)
    public static class Parse {
        /** The header members the reference verifier reads when it has one pinned key (it skips {@code kid} then). */
        static final Set<String> HEADER_READ = Set.of("alg");
        /** The claims the reference verifier reads; it skips the rest ({@code scope} in the pool). */
        static final Set<String> CLAIMS_READ = Set.of("iss", "sub", "aud", "iat", "nbf", "exp", "jti");

        private String[] tokens;
        private int mask;
        private Base64.Decoder base64url;
        private JsonFactory json;

        @Setup(Level.Trial)
        public void setup() throws IOException {
            tokens = JwtFixture.create(JwtAlgorithm.HS256, 256).validTokens();
            mask = tokens.length - 1;
            base64url = Base64.getUrlDecoder();
            json = new JsonFactory();
            // Proves the walk reads what the reference reads, no more (a floor above the truth bounds nothing) and
            // no less (a floor that reads less is cheaper than any verifier needs to be).
            for (int i = 0; i < tokens.length; i++) {
                Walk header = new Walk();
                Walk claims = new Walk();
                parse(i, header, claims);
                if (!header.read.equals(HEADER_READ) || !claims.read.equals(CLAIMS_READ)) {
                    throw new IllegalStateException("parse floor: token #" + i + " reads " + header.read + " / "
                            + claims.read + ", the reference reads " + HEADER_READ + " / " + CLAIMS_READ);
                }
            }
            Heap.settle();
        }

        long parse(int i, Walk header, Walk claims) throws IOException {
            String token = tokens[i];
            int dot1 = token.indexOf('.');
            int dot2 = token.lastIndexOf('.');
            byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
            byte[] sig = segment(bytes, dot2 + 1, bytes.length);
            return sig.length + header(segment(bytes, 0, dot1), header)
                    + claims(segment(bytes, dot1 + 1, dot2), claims);
        }

        private byte[] segment(byte[] token, int from, int to) {
            return base64url.decode(ByteBuffer.wrap(token, from, to - from)).array();
        }

        private long header(byte[] doc, Walk seen) throws IOException {
            long acc = 0;
            try (JsonParser p = json.createParser(doc)) {
                p.nextToken(); // START_OBJECT, unchecked
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if (name.equals("alg")) {
                        acc += p.getText().length();
                        Walk.note(seen, name);
                    } else {
                        p.skipChildren();
                    }
                }
            }
            return acc;
        }

        private long claims(byte[] doc, Walk seen) throws IOException {
            long acc = 0;
            try (JsonParser p = json.createParser(doc)) {
                p.nextToken(); // START_OBJECT, unchecked
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (name) {
                        case "exp", "nbf", "iat" -> acc += p.getLongValue();
                        case "iss", "sub", "jti" -> acc += p.getText().length();
                        case "aud" -> {
                            if (value == JsonToken.START_ARRAY) {
                                while (p.nextToken() != JsonToken.END_ARRAY) {
                                    acc += p.getText().length();
                                }
                            } else {
                                acc += p.getText().length();
                            }
                        }
                        default -> {
                            p.skipChildren();
                            continue;
                        }
                    }
                    Walk.note(seen, name);
                }
            }
            return acc;
        }

        /** The member names one walk read, for the setup check (null in the measured path). */
        static final class Walk {
            final Set<String> read = new HashSet<>();

            static void note(Walk seen, String name) {
                if (seen != null) {
                    seen.read.add(name);
                }
            }
        }
    }

    /** The API-key floor: the same key set in a plain HashMap keyed by SHA-256. */
    @State(Scope.Benchmark)
    public static class Keys {
        @Param({"100000"})
        public int size;

        private Map<Sha256Key, ApiKeyRecord> map;
        private String[] hits;
        private int mask;

        @Setup(Level.Trial)
        public void setup() throws GeneralSecurityException {
            ApiKeyFixture fixture = ApiKeyFixture.create(size, 1024);
            map = new HashMap<>();
            for (IssuedKey k : fixture.issued()) {
                map.put(new Sha256Key(k.record().sha256()), k.record());
            }
            hits = fixture.hits();
            mask = hits.length - 1;
            requireHits(map, MessageDigest.getInstance("SHA-256"), fixture);
            Heap.settle();
        }

        /**
         * Every pool key must find its own active record: a miss returns before reading a record, so a pool that
         * misses would make the floor cheaper than any store's hit.
         */
        static void requireHits(Map<Sha256Key, ApiKeyRecord> map, MessageDigest sha256, ApiKeyFixture fixture) {
            String[] hits = fixture.hits();
            for (int i = 0; i < hits.length; i++) {
                ApiKeyRecord r = find(map, sha256, hits[i]);
                String id = fixture.hitPrincipal(i).credentialId();
                if (r == null || !r.id().equals(id) || r.status() != ApiKeyRecord.Status.ACTIVE) {
                    throw new IllegalStateException("key floor: pool key #" + i + " finds " + r + ", not active " + id);
                }
            }
        }

        static ApiKeyRecord find(Map<Sha256Key, ApiKeyRecord> map, MessageDigest sha256, String key) {
            return map.get(new Sha256Key(sha256.digest(key.getBytes(StandardCharsets.US_ASCII))));
        }
    }

    /** Per-thread SHA-256 instance for the key floor. */
    @State(Scope.Thread)
    public static class Digest {
        MessageDigest sha256;

        @Setup(Level.Trial)
        public void setup() throws GeneralSecurityException {
            sha256 = MessageDigest.getInstance("SHA-256");
            Heap.settle();
        }
    }

    @Benchmark
    public boolean floor_jwsSignature(Jws jws, Cursor cursor) throws GeneralSecurityException {
        return jws.verify(cursor.next() & jws.mask);
    }

    @Benchmark
    public long floor_jwsParse(Parse parse, Cursor cursor) throws IOException {
        return parse.parse(cursor.next() & parse.mask, null, null);
    }

    /** The record's fields are consumed, as the store's verdict reads them; the verdict's checks are not made. */
    @Benchmark
    public void floor_sha256MapGet(Keys keys, Digest digest, Cursor cursor, Blackhole bh) {
        ApiKeyRecord r = Keys.find(keys.map, digest.sha256, keys.hits[cursor.next() & keys.mask]);
        bh.consume(r.status());
        bh.consume(r.expiresAt());
        bh.consume(r.owner());
        bh.consume(r.id());
    }
}
