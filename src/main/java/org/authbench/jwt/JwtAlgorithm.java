package org.authbench.jwt;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Arrays;
import java.util.Locale;

/**
 * The JWS algorithms the suite measures, with the JCA names that implement them. A constant's name is its
 * JWS {@code alg} value (hence {@code EdDSA}, spelled as RFC 8037 spells it), so result rows, headers and
 * {@code -p alg=...} all read the same.
 *
 * <p>{@code jcaName} is the raw primitive a verifier ends up calling; {@code CryptoFloorBenchmark}
 * times exactly that on the same signing input, so a library's overhead over its crypto is visible.
 * Not every library supports every algorithm: {@link JwtLibrary#unsupportedReason} says which and why.
 */
public enum JwtAlgorithm {
    HS256("HmacSHA256", KeyType.OCT, 0, 256),
    RS256("SHA256withRSA", KeyType.RSA, 0, 2048),
    ES256("SHA256withECDSAinP1363Format", KeyType.EC, 32, 256),
    /** RSASSA-PSS, SHA-256, MGF1 with SHA-256, 32-byte salt (RFC 7518 §3.5). */
    PS256("RSASSA-PSS", KeyType.RSA, 0, 2048),
    ES384("SHA384withECDSAinP1363Format", KeyType.EC, 48, 384),
    HS512("HmacSHA512", KeyType.OCT, 0, 512),
    /** Ed25519 (RFC 8037): JWK {@code kty: OKP, crv: Ed25519}, 64-byte signatures. */
    EdDSA("Ed25519", KeyType.OKP, 0, 255);

    /** The family of key an algorithm needs; a key of another family is refused as a usage error. */
    public enum KeyType { OCT, RSA, EC, OKP }

    /** PS256's parameters: JCA's "RSASSA-PSS" carries none of its own, and every JWS PS256 uses exactly these. */
    public static final PSSParameterSpec PS256_PARAMETERS =
            new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, PSSParameterSpec.TRAILER_FIELD_BC);

    private final String jcaName;
    private final KeyType keyType;
    private final int ecCoordinateBytes;
    private final int keyBits;

    JwtAlgorithm(String jcaName, KeyType keyType, int ecCoordinateBytes, int keyBits) {
        this.jcaName = jcaName;
        this.keyType = keyType;
        this.ecCoordinateBytes = ecCoordinateBytes;
        this.keyBits = keyBits;
    }

    /** The JCA {@code Mac} or {@code Signature} algorithm name. */
    public String jcaName() {
        return jcaName;
    }

    /** Parameters the JCA {@code Signature} needs besides its name (PS256), or null. */
    public AlgorithmParameterSpec jcaParameters() {
        return this == PS256 ? PS256_PARAMETERS : null;
    }

    /** A new JCA {@code Signature} for this (non-HMAC) algorithm with its parameters set, not yet initialised. */
    public Signature newSignature() throws GeneralSecurityException {
        Signature s = Signature.getInstance(jcaName);
        if (jcaParameters() != null) {
            s.setParameter(jcaParameters());
        }
        return s;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** For ECDSA: bytes per coordinate of the P1363 (r || s) signature; 0 otherwise. */
    public int ecCoordinateBytes() {
        return ecCoordinateBytes;
    }

    /** Size of the keys the fixtures generate: secret bits (RFC 7518 §3.2: at least the hash size), modulus or curve. */
    public int keyBits() {
        return keyBits;
    }

    public boolean isHmac() {
        return keyType == KeyType.OCT;
    }

    /** Parses {@code hs256}, {@code HS256}, {@code eddsa}; throws {@link IllegalArgumentException} naming the choices. */
    public static JwtAlgorithm parse(String name) {
        for (JwtAlgorithm a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "' (choose from "
                + Arrays.toString(values()).toLowerCase(Locale.ROOT).replace("[", "").replace("]", "")
                + ")");
    }
}
