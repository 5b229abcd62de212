package org.authbench.jwt;

import java.security.Key;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Locale;
import javax.crypto.SecretKey;

/**
 * The issuing side: a claim set in, a compact JWS out, signed with one pinned algorithm and key. One final
 * implementation per library, next to its verifier, built by {@link JwtLibrary#createIssuer}; implementations are
 * built once, outside measurement, and are thread-safe.
 *
 * <p>Every issuer writes the claims of {@link TokenClaims} (registered names: {@code iss}, {@code sub}, {@code aud}
 * as a string, {@code iat}, {@code nbf}, {@code exp}, {@code jti}; plus {@code scope}) and a header of exactly
 * {@code alg} and {@code typ: JWT}, as the fixture's tokens do. Member order inside the JSON differs by library;
 * no verifier depends on it.
 */
@FunctionalInterface
public interface TokenIssuer {

    /** Signs {@code claims}; a signing failure is a broken setup, thrown unchecked. */
    String issue(TokenClaims claims);

    /** Refuses a signing key of the wrong family up front: a secret for HMAC, the private key otherwise. */
    static void checkSigningKey(JwtAlgorithm algorithm, Key key) {
        boolean ok = switch (algorithm.keyType()) {
            case OCT -> key instanceof SecretKey;
            case RSA -> key instanceof RSAPrivateKey;
            case EC -> key instanceof ECPrivateKey;
            case OKP -> key instanceof EdECPrivateKey;
        };
        if (!ok) {
            throw new IllegalArgumentException("a " + (key == null ? "missing" : key.getAlgorithm() + " "
                    + key.getClass().getSimpleName()) + " key cannot sign " + algorithm + " (it needs a "
                    + (algorithm.isHmac() ? "secret" : algorithm.keyType().name().toLowerCase(Locale.ROOT) + " private")
                    + " key)");
        }
    }
}
