package org.authbench.jwt.nimbus;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.LibraryModule;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.TokenIssuer;
import org.authbench.jwt.UnsupportedAlgorithmException;
import org.authbench.jwt.VerifierPolicy;

/** nimbus-jose-jwt: what the suite knows about it. */
public final class Nimbus implements LibraryModule {

    static final Map<JwtAlgorithm, String> UNSUPPORTED = Map.of(JwtAlgorithm.EdDSA,
            "its DefaultJWTProcessor makes no EdDSA verifier (key selectors return java.security.Key; "
                    + "Ed25519Verifier takes an OctetKeyPair and needs Google Tink, not a dependency here)");

    static void requireSupport(JwtAlgorithm alg) {
        UnsupportedAlgorithmException.check("nimbus", UNSUPPORTED, alg);
    }

    @Override
    public Facts facts() {
        return new Facts(List.of("com.nimbusds:nimbus-jose-jwt"), UNSUPPORTED, Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new NimbusVerifier(policy);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new NimbusIssuer(algorithm, signingKey);
    }

    /** {@code ECDSAVerifier/RSASSAVerifier.verify(JWSHeader, signingInput, signature)}: what its processor calls. */
    @Override
    public MessageApi messageApi() {
        return (alg, key) -> {
            JWSVerifier v = alg == JwtAlgorithm.ES256
                    ? new ECDSAVerifier((ECPublicKey) key) : new RSASSAVerifier((RSAPublicKey) key);
            JWSHeader header = new JWSHeader(alg == JwtAlgorithm.ES256 ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256);
            return (message, signature) -> {
                try {
                    return v.verify(header, message, Base64URL.encode(signature));
                } catch (JOSEException e) {
                    return false;
                }
            };
        };
    }
}
