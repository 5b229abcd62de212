package org.authbench.crypto;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import org.authbench.jwt.JwtAlgorithm;

/**
 * Which provider really serves an algorithm in this JVM, asked of JCA rather than assumed: the {@code Mac} or
 * {@code Signature} is initialised with the key the benchmark uses, because JCA picks the provider only then
 * (delayed provider selection: a provider listed first but unable to take the key is skipped).
 */
public final class JcaCheck {

    private JcaCheck() {
    }

    /**
     * The JCA names a verifier of {@code alg} calls: the algorithm's own name and, for ECDSA, the DER form
     * ({@code SHA256withECDSA}) that most libraries call before converting the JWS signature themselves; for
     * Ed25519 also the family name {@code EdDSA}.
     */
    public static List<String> namesFor(JwtAlgorithm alg) {
        return switch (alg.keyType()) {
            case EC -> List.of(alg.jcaName(), alg.jcaName().replace("inP1363Format", ""));
            case OKP -> List.of(alg.jcaName(), "EdDSA");
            default -> List.of(alg.jcaName());
        };
    }

    /** JCA name → {@code "<provider name> <version>"} (or {@code "unavailable: <why>"}) for every name of {@code alg}. */
    public static Map<String, String> served(JwtAlgorithm alg, Key verificationKey) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : namesFor(alg)) {
            try {
                Provider p = provider(alg, name, verificationKey);
                out.put(name, p.getName() + " " + p.getVersionStr());
            } catch (GeneralSecurityException | RuntimeException e) {
                out.put(name, "unavailable: " + e.getMessage());
            }
        }
        return out;
    }

    /**
     * Null when {@code provider} itself serves {@code alg}'s own JCA name for this key; otherwise why not, e.g.
     * {@code BC does not serve SHA256withECDSAinP1363Format for this key (SunEC does)}. Always null for DEFAULT.
     */
    public static String unsupportedReason(CryptoProvider provider, JwtAlgorithm alg, Key verificationKey) {
        if (provider.jcaName() == null) {
            return null;
        }
        try {
            Provider p = provider(alg, alg.jcaName(), verificationKey);
            return p.getName().equals(provider.jcaName()) ? null
                    : provider + " does not serve " + alg.jcaName() + " for this key (" + p.getName() + " does)";
        } catch (GeneralSecurityException | RuntimeException e) {
            return provider + " cannot serve " + alg.jcaName() + ": " + e.getMessage();
        }
    }

    private static Provider provider(JwtAlgorithm alg, String name, Key key) throws GeneralSecurityException {
        if (alg.isHmac()) {
            Mac mac = Mac.getInstance(name);
            mac.init(key);
            return mac.getProvider();
        }
        Signature s = name.equals(alg.jcaName()) ? alg.newSignature() : Signature.getInstance(name);
        s.initVerify((PublicKey) key);
        return s.getProvider();
    }
}
