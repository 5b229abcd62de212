package org.authbench.jwt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads and writes the JWK forms the suite uses: {@code oct} secrets, public {@code RSA} keys, public
 * {@code EC} P-256 and P-384 keys and public {@code OKP} Ed25519 keys (RFC 8037). Errors are {@link IllegalArgumentException}s whose message is fit for a
 * one-line CLI error ("malformed JWK: ...").
 */
public final class JwkKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (33 bytes) }: every Ed25519 public key's X.509 header. */
    private static final byte[] ED25519_SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private JwkKeys() {
    }

    public static Key parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("malformed JWK: not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    public static Key parse(JsonNode jwk) {
        if (jwk == null || !jwk.isObject()) {
            throw new IllegalArgumentException("malformed JWK: not a JSON object");
        }
        String kty = text(jwk, "kty");
        try {
            return switch (kty) {
                case "oct" -> new SecretKeySpec(bytes(jwk, "k"), "HmacSHA256");
                case "RSA" -> KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(jwk, "n"), unsigned(jwk, "e")));
                case "EC" -> {
                    String crv = text(jwk, "crv");
                    String curve = switch (crv) {
                        case "P-256" -> "secp256r1";
                        case "P-384" -> "secp384r1";
                        default -> throw new IllegalArgumentException("malformed JWK: unsupported curve " + crv
                                + " (P-256 or P-384)");
                    };
                    ECPoint w = new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y"));
                    yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, curve(curve)));
                }
                case "OKP" -> {
                    String crv = text(jwk, "crv");
                    if (!"Ed25519".equals(crv)) {
                        throw new IllegalArgumentException("malformed JWK: unsupported OKP curve " + crv + " (Ed25519 only)");
                    }
                    byte[] x = bytes(jwk, "x");
                    if (x.length != 32) {
                        throw new IllegalArgumentException("malformed JWK: Ed25519 \"x\" must be 32 bytes, was " + x.length);
                    }
                    // The raw key behind the fixed X.509 prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410).
                    byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + 32);
                    System.arraycopy(x, 0, spki, ED25519_SPKI_PREFIX.length, 32);
                    yield KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
                }
                default -> throw new IllegalArgumentException("malformed JWK: unsupported kty " + kty + " (oct, RSA, EC or OKP)");
            };
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("malformed JWK: " + e.getMessage());
        }
    }

    /** The public JWK of a key (secret for {@code oct}), as an ordered map ready for JSON. */
    public static Map<String, Object> toJwk(Key key) {
        Map<String, Object> m = new LinkedHashMap<>();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        if (key instanceof SecretKey s) {
            m.put("kty", "oct");
            m.put("k", b64.encodeToString(s.getEncoded()));
        } else if (key instanceof RSAPublicKey r) {
            m.put("kty", "RSA");
            m.put("n", b64.encodeToString(unsignedBytes(r.getModulus(), 0)));
            m.put("e", b64.encodeToString(unsignedBytes(r.getPublicExponent(), 0)));
        } else if (key instanceof ECPublicKey e) {
            int size = (e.getParams().getCurve().getField().getFieldSize() + 7) / 8;
            m.put("kty", "EC");
            m.put("crv", size == 48 ? "P-384" : "P-256");
            m.put("x", b64.encodeToString(unsignedBytes(e.getW().getAffineX(), size)));
            m.put("y", b64.encodeToString(unsignedBytes(e.getW().getAffineY(), size)));
        } else if (key instanceof EdECPublicKey && isEd25519SubjectPublicKeyInfo(key.getEncoded())) {
            byte[] spki = key.getEncoded();
            m.put("kty", "OKP");
            m.put("crv", "Ed25519");
            m.put("x", b64.encodeToString(Arrays.copyOfRange(spki, ED25519_SPKI_PREFIX.length, spki.length)));
        } else {
            throw new IllegalArgumentException("no JWK form for " + key.getAlgorithm() + " key " + key.getClass().getSimpleName());
        }
        return m;
    }

    public static String toJson(Key key) {
        try {
            return JSON.writeValueAsString(toJwk(key));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECParameterSpec curve(String name) throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec(name));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    /** True for the DER of an Ed25519 public key: the RFC 8410 prefix, then 32 bytes. */
    public static boolean isEd25519SubjectPublicKeyInfo(byte[] der) {
        return der != null && der.length == ED25519_SPKI_PREFIX.length + 32
                && Arrays.equals(der, 0, ED25519_SPKI_PREFIX.length, ED25519_SPKI_PREFIX, 0, ED25519_SPKI_PREFIX.length);
    }

    private static String text(JsonNode jwk, String field) {
        JsonNode v = jwk.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new IllegalArgumentException("malformed JWK: missing or non-string \"" + field + "\"");
        }
        return v.asText();
    }

    private static byte[] bytes(JsonNode jwk, String field) {
        try {
            return Base64.getUrlDecoder().decode(text(jwk, field));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed JWK: \"" + field + "\" is not base64url");
        }
    }

    private static BigInteger unsigned(JsonNode jwk, String field) {
        return new BigInteger(1, bytes(jwk, field));
    }

    /** Big-endian unsigned bytes, left-padded to {@code length} (0 = minimal). */
    public static byte[] unsignedBytes(BigInteger v, int length) {
        byte[] raw = v.toByteArray();
        int start = raw.length > 1 && raw[0] == 0 ? 1 : 0;
        int n = raw.length - start;
        int out = Math.max(n, length);
        byte[] r = new byte[out];
        System.arraycopy(raw, start, r, out - n, n);
        return r;
    }
}
