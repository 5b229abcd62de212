package org.authbench.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads and writes the three JWK forms the suite uses: {@code oct} secrets, public {@code RSA} keys and
 * public {@code EC} P-256 keys. Errors are {@link IllegalArgumentException}s whose message is fit for a
 * one-line CLI error ("malformed JWK: ...").
 */
public final class JwkKeys {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JwkKeys() {
    }

    public static Key parse(String json) {
        try {
            return parse(JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
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
                    if (!"P-256".equals(crv)) {
                        throw new IllegalArgumentException("malformed JWK: unsupported curve " + crv + " (P-256 only)");
                    }
                    ECPoint w = new ECPoint(unsigned(jwk, "x"), unsigned(jwk, "y"));
                    yield KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, p256()));
                }
                default -> throw new IllegalArgumentException("malformed JWK: unsupported kty " + kty + " (oct, RSA or EC)");
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
            m.put("kty", "EC");
            m.put("crv", "P-256");
            m.put("x", b64.encodeToString(unsignedBytes(e.getW().getAffineX(), 32)));
            m.put("y", b64.encodeToString(unsignedBytes(e.getW().getAffineY(), 32)));
        } else {
            throw new IllegalArgumentException("no JWK form for " + key.getAlgorithm() + " key " + key.getClass().getSimpleName());
        }
        return m;
    }

    public static String toJson(Key key) {
        try {
            return JSON.writeValueAsString(toJwk(key));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        return params.getParameterSpec(ECParameterSpec.class);
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
