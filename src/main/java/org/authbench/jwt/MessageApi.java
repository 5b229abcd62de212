package org.authbench.jwt;

import java.security.PublicKey;

/**
 * A library's own JWS signature primitive (ES256 or RS256) applied to an arbitrary message: the only way the
 * Wycheproof ECDSA and RSA vectors, which sign a raw {@code msg} rather than a JWS signing input, can reach a
 * library. Each verifier maps the library's documented refusal (false, or its signature exception) to false;
 * anything else it throws is an error.
 */
@FunctionalInterface
public interface MessageApi {

    /** Verifies a signature over an arbitrary message: true valid, false refused; other exceptions are errors. */
    @FunctionalInterface
    interface MessageVerifier {
        boolean verify(byte[] message, byte[] signature) throws Exception;
    }

    /** Builds a verifier for ES256 or RS256 with {@code key}; called only when {@link #cannotTake()} is null. */
    MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) throws Exception;

    /** Why this library cannot verify an arbitrary message, or null when it can. */
    default String cannotTake() {
        return null;
    }

    /** A library whose API verifies nothing but {@code header.payload}: the matrix reports {@code why}. */
    static MessageApi none(String why) {
        return new MessageApi() {
            @Override
            public MessageVerifier verifier(JwtAlgorithm alg, PublicKey key) {
                throw new UnsupportedOperationException(why);
            }

            @Override
            public String cannotTake() {
                return why;
            }
        };
    }
}
