package org.authbench.jwt.reference;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.CompactJws;
import org.authbench.jwt.VerifierPolicy;

/**
 * A minimal compact-JWS verifier on plain JCA and Jackson's streaming parser, performing every check of
 * {@link VerifierPolicy}: the floor a library could reach.
 *
 * <p>Order: split, strict base64url of all three parts, header (pinned {@code alg}, no {@code crit}),
 * signature, then claims. The signature is checked before the payload is parsed, so forged payloads cost no
 * JSON work. With a key set, the header's {@code kid} picks the key by a hash-map lookup; a missing or unknown
 * {@code kid} is refused before any signature work.
 */
public final class ReferenceVerifier implements Authenticator {

    // Duplicate members are refused for every name this verifier acts on (a bit per name, below), which is
    // what RFC 7515 section 5.2 and RFC 7519 section 4 ask; a duplicate of a member it ignores cannot change a
    // decision. Jackson's own STRICT_DUPLICATE_DETECTION would build a HashSet per object on every call.
    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();
    /** Each base64url character's value, for the canonical-bits check of a segment's last character. */
    private static final byte[] ALPHABET = new byte[256];

    static {
        Arrays.fill(ALPHABET, (byte) -1);
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < chars.length(); i++) {
            ALPHABET[chars.charAt(i)] = (byte) i;
        }
    }

    private static final int EXP = 1;
    private static final int NBF = 2;
    private static final int IAT = 4;
    private static final int ISS = 8;
    private static final int SUB = 16;
    private static final int JTI = 32;
    private static final int AUD = 64;

    private final VerifierPolicy policy;
    private final JwtAlgorithm alg;
    private final String expectedAlg;
    /** The verification keys; index 0 alone without a key set. */
    private final Key[] keys;
    /** kid → index into {@link #keys}, or null when the policy has one key and ignores {@code kid}. */
    private final Map<String, Integer> kidIndex;
    private final int[] signatureLengths;
    // Mac and Signature objects are not thread-safe; one initialised instance per thread, built lazily.
    private final ThreadLocal<PerThread> perThread;

    public ReferenceVerifier(VerifierPolicy policy) {
        this.policy = policy;
        this.alg = policy.algorithm();
        this.expectedAlg = alg.name();
        if (policy.hasKeySet()) {
            this.keys = policy.keysById().values().toArray(Key[]::new);
            this.kidIndex = new HashMap<>();
            for (String kid : policy.keysById().keySet()) {
                kidIndex.put(kid, kidIndex.size());
            }
        } else {
            this.keys = new Key[] {policy.key()};
            this.kidIndex = null;
        }
        this.signatureLengths = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            signatureLengths[i] = switch (alg.keyType()) {
                case OCT -> alg == JwtAlgorithm.HS512 ? 64 : 32;
                case RSA -> (((RSAPublicKey) keys[i]).getModulus().bitLength() + 7) / 8;
                case EC -> 2 * alg.ecCoordinateBytes();
                case OKP -> 64; // RFC 8032: R || S, 32 bytes each
            };
        }
        // Fail now, not on the first request, if the platform lacks the primitive.
        PerThread probe = newPerThread();
        this.perThread = ThreadLocal.withInitial(this::newPerThread);
        this.perThread.set(probe);
    }

    private PerThread newPerThread() {
        PerThread t = new PerThread(keys.length);
        init(t, 0);
        return t;
    }

    /** Key {@code k}'s initialised {@code Mac} or {@code Signature} for this thread, built on first use. */
    private void init(PerThread t, int k) {
        try {
            if (alg.isHmac()) {
                Mac mac = Mac.getInstance(alg.jcaName());
                mac.init((SecretKey) keys[k]);
                t.macs[k] = mac;
            } else {
                Signature sig = alg.newSignature();
                sig.initVerify((PublicKey) keys[k]);
                t.signatures[k] = sig;
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot initialise " + alg.jcaName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        int[] dots = CompactJws.dots(token);
        int dot1 = dots[0];
        int dot2 = dots[1];
        // One copy of the token as bytes: it is the signing input (up to the second dot) and the source of all
        // three segments. A character above U+00FF becomes '?', which the alphabet check below refuses.
        byte[] bytes = token.getBytes(StandardCharsets.ISO_8859_1);
        // Every segment is decoded (alphabet, length and padding bits checked) before anything is trusted.
        byte[] header = decode(bytes, 0, dot1);
        byte[] payload = decode(bytes, dot1 + 1, dot2);
        byte[] signature = decode(bytes, dot2 + 1, bytes.length);
        int k = checkHeader(header);
        PerThread t = perThread.get();
        if (!verifySignature(t, k, bytes, dot2, signature)) {
            throw new Rejected(Reason.BAD_SIGNATURE, "signature does not verify");
        }
        if (policy.jwsOnly()) {
            // The signature layer alone: the payload need not be a claim set.
            return new Principal(null, null);
        }
        return checkClaims(payload);
    }

    private boolean verifySignature(PerThread t, int k, byte[] signingInput, int length, byte[] signature) {
        if (signature.length != signatureLengths[k]) {
            return false;
        }
        if (t.macs[k] == null && t.signatures[k] == null) {
            init(t, k);
        }
        try {
            Mac mac = t.macs[k];
            if (mac != null) {
                mac.update(signingInput, 0, length);
                return MessageDigest.isEqual(mac.doFinal(), signature);
            }
            int half = alg.ecCoordinateBytes();
            if (half > 0 && (isZero(signature, 0, half) || isZero(signature, half, half))) {
                return false; // r = 0 or s = 0 (CVE-2022-21449); the provider refuses too, this does not rely on it
            }
            Signature sig = t.signatures[k];
            sig.update(signingInput, 0, length);
            return sig.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature value: the Signature object is reset by verify() either way.
            return false;
        }
    }

    private static boolean isZero(byte[] b, int from, int length) {
        int acc = 0;
        for (int i = from; i < from + length; i++) {
            acc |= b[i];
        }
        return acc == 0;
    }

    /** Checks the header; returns the index of the key to verify with. */
    private int checkHeader(byte[] header) throws Rejected {
        String algValue = null;
        String kid = null;
        try (JsonParser p = JSON.createParser(header)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Rejected(Reason.MALFORMED, "header is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "alg" -> {
                        if (algValue != null) {
                            throw new Rejected(Reason.MALFORMED, "duplicate header member alg");
                        }
                        if (value != JsonToken.VALUE_STRING) {
                            throw new Rejected(Reason.MALFORMED, "alg is not a string");
                        }
                        algValue = p.getText();
                    }
                    case "crit" -> throw new Rejected(Reason.UNSUPPORTED, "crit names extensions this verifier does not understand");
                    case "kid" -> {
                        if (kidIndex == null) {
                            p.skipChildren(); // one pinned key: kid is not used
                        } else if (value != JsonToken.VALUE_STRING) {
                            throw new Rejected(Reason.MALFORMED, "kid is not a string");
                        } else {
                            kid = p.getText();
                        }
                    }
                    default -> p.skipChildren(); // jwk, jku, x5c...: never used to choose the key
                }
            }
            if (p.nextToken() != null) {
                throw new Rejected(Reason.MALFORMED, "trailing data after header");
            }
        } catch (IOException e) {
            throw new Rejected(Reason.MALFORMED, "header is not valid JSON: " + e.getMessage());
        }
        if (algValue == null) {
            throw new Rejected(Reason.MALFORMED, "header has no alg");
        }
        if (!expectedAlg.equals(algValue)) {
            throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, "alg " + algValue + " is not the pinned " + expectedAlg);
        }
        if (kidIndex == null) {
            return 0;
        }
        Integer k = kid == null ? null : kidIndex.get(kid);
        if (k == null) {
            throw new Rejected(Reason.UNKNOWN_KEY, kid == null ? "no kid to choose a key by" : "no key with kid " + kid);
        }
        return k;
    }

    private Principal checkClaims(byte[] payload) throws Rejected {
        String sub = null;
        String jti = null;
        String iss = null;
        boolean hasExp = false;
        long exp = 0;
        boolean hasNbf = false;
        long nbf = 0;
        boolean audMatched = false;
        boolean hasAud = false;
        String wantAud = policy.audience();
        int seen = 0;
        try (JsonParser p = JSON.createParser(payload)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new Rejected(Reason.MALFORMED, "payload is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                int bit = claimBit(name);
                if ((seen & bit) != 0) {
                    throw new Rejected(Reason.MALFORMED, "duplicate claim " + name);
                }
                seen |= bit;
                switch (name) {
                    case "exp" -> {
                        exp = numericDate(p, value, "exp");
                        hasExp = true;
                    }
                    case "nbf" -> {
                        nbf = numericDate(p, value, "nbf");
                        hasNbf = true;
                    }
                    case "iat" -> numericDate(p, value, "iat");
                    case "iss" -> iss = string(p, value, "iss");
                    case "sub" -> sub = string(p, value, "sub");
                    case "jti" -> jti = string(p, value, "jti");
                    case "aud" -> {
                        hasAud = true;
                        if (value == JsonToken.VALUE_STRING) {
                            audMatched = p.getText().equals(wantAud);
                        } else if (value == JsonToken.START_ARRAY) {
                            JsonToken e;
                            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                                if (e != JsonToken.VALUE_STRING) {
                                    throw new Rejected(Reason.MALFORMED, "aud holds a non-string");
                                }
                                audMatched |= p.getText().equals(wantAud);
                            }
                        } else {
                            throw new Rejected(Reason.MALFORMED, "aud is neither a string nor an array");
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (p.nextToken() != null) {
                throw new Rejected(Reason.MALFORMED, "trailing data after claims");
            }
        } catch (IOException e) {
            throw new Rejected(Reason.MALFORMED, "payload is not valid JSON: " + e.getMessage());
        }
        long now = policy.nowEpochSecond();
        long leeway = policy.leewaySeconds();
        if (!hasExp) {
            throw new Rejected(Reason.MISSING_CLAIM, "exp is required");
        }
        if (now >= exp + leeway) {
            throw new Rejected(Reason.EXPIRED, "expired at " + exp);
        }
        if (hasNbf && now + leeway < nbf) {
            throw new Rejected(Reason.NOT_YET_VALID, "not valid before " + nbf);
        }
        if (policy.issuer() != null && !policy.issuer().equals(iss)) {
            throw new Rejected(Reason.WRONG_ISSUER, "issuer is " + iss);
        }
        if (wantAud != null && !(hasAud && audMatched)) {
            throw new Rejected(Reason.WRONG_AUDIENCE, "audience does not contain " + wantAud);
        }
        return new Principal(sub, jti);
    }

    private static int claimBit(String name) {
        return switch (name) {
            case "exp" -> EXP;
            case "nbf" -> NBF;
            case "iat" -> IAT;
            case "iss" -> ISS;
            case "sub" -> SUB;
            case "jti" -> JTI;
            case "aud" -> AUD;
            default -> 0;
        };
    }

    private static long numericDate(JsonParser p, JsonToken value, String name) throws IOException, Rejected {
        if (value == JsonToken.VALUE_NUMBER_INT) {
            return p.getLongValue();
        }
        if (value == JsonToken.VALUE_NUMBER_FLOAT) {
            return (long) Math.floor(p.getDoubleValue());
        }
        throw new Rejected(Reason.MALFORMED, name + " is not a number");
    }

    private static String string(JsonParser p, JsonToken value, String name) throws IOException, Rejected {
        if (value != JsonToken.VALUE_STRING) {
            throw new Rejected(Reason.MALFORMED, name + " is not a string");
        }
        return p.getText();
    }

    /**
     * Strict base64url (RFC 7515 section 2: no padding, no whitespace, zero unused trailing bits) of
     * {@code src[from, to)}. The JDK's decoder does the decoding (vectorised on recent x86); it accepts
     * {@code =} padding and ignores the unused bits of the last character, so those two are checked here.
     */
    static byte[] decode(byte[] src, int from, int to) throws Rejected {
        int len = to - from;
        int rem = len & 3;
        if (rem == 1) {
            throw new Rejected(Reason.MALFORMED, "base64url segment has an impossible length");
        }
        if (len == 0) {
            return new byte[0];
        }
        if (src[to - 1] == '=') {
            throw outsideAlphabet();
        }
        byte[] out;
        try {
            out = BASE64URL.decode(ByteBuffer.wrap(src, from, len)).array();
        } catch (IllegalArgumentException e) {
            throw outsideAlphabet();
        }
        int last = ALPHABET[src[to - 1] & 0xFF];
        if (rem == 2 ? (last & 0x0F) != 0 : rem == 3 && (last & 0x03) != 0) {
            throw new Rejected(Reason.MALFORMED, "base64url segment is not canonical");
        }
        return out;
    }

    private static Rejected outsideAlphabet() {
        return new Rejected(Reason.MALFORMED, "base64url segment holds a character outside the alphabet");
    }

    private static final class PerThread {
        final Mac[] macs;
        final Signature[] signatures;

        PerThread(int keys) {
            this.macs = new Mac[keys];
            this.signatures = new Signature[keys];
        }
    }
}
