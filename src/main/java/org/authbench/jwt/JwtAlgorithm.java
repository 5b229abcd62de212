package org.authbench.jwt;

import java.util.Locale;

/**
 * The JWS algorithms the suite measures, with the JCA names that implement them.
 *
 * <p>{@code jcaSignature} is the raw primitive a verifier ends up calling; {@code CryptoFloorBenchmark}
 * times exactly that on the same signing input, so a library's overhead over its crypto is visible.
 */
public enum JwtAlgorithm {
    HS256("HmacSHA256", KeyType.OCT, 0),
    RS256("SHA256withRSA", KeyType.RSA, 0),
    ES256("SHA256withECDSAinP1363Format", KeyType.EC, 32);

    /** The family of key an algorithm needs; a key of another family is refused as a usage error. */
    public enum KeyType { OCT, RSA, EC }

    private final String jcaName;
    private final KeyType keyType;
    private final int ecCoordinateBytes;

    JwtAlgorithm(String jcaName, KeyType keyType, int ecCoordinateBytes) {
        this.jcaName = jcaName;
        this.keyType = keyType;
        this.ecCoordinateBytes = ecCoordinateBytes;
    }

    /** The JCA {@code Mac} or {@code Signature} algorithm name. */
    public String jcaName() {
        return jcaName;
    }

    public KeyType keyType() {
        return keyType;
    }

    /** For ECDSA: bytes per coordinate of the P1363 (r || s) signature; 0 otherwise. */
    public int ecCoordinateBytes() {
        return ecCoordinateBytes;
    }

    public boolean isHmac() {
        return keyType == KeyType.OCT;
    }

    /** Parses {@code hs256}, {@code HS256}; throws {@link IllegalArgumentException} naming the choices. */
    public static JwtAlgorithm parse(String name) {
        for (JwtAlgorithm a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown algorithm '" + name + "' (choose from "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT).replace("[", "").replace("]", "")
                + ")");
    }
}
