package org.authbench.jwt.fusionauth;

import io.fusionauth.jwt.JWTException;
import io.fusionauth.jwt.Verifier;
import io.fusionauth.jwt.domain.Algorithm;
import io.fusionauth.jwt.ec.ECVerifier;
import io.fusionauth.jwt.rsa.RSAVerifier;
import java.security.Key;
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

/** fusionauth-jwt: what the suite knows about it. */
public final class FusionAuth implements LibraryModule {

    static final Map<JwtAlgorithm, String> UNSUPPORTED = Map.of(JwtAlgorithm.EdDSA,
            "fusionauth-jwt 5.x has no EdDSA (its Algorithm enum has HS, RS, PS and ES only)");

    static void requireSupport(JwtAlgorithm alg) {
        UnsupportedAlgorithmException.check("fusionauth", UNSUPPORTED, alg);
    }

    @Override
    public Facts facts() {
        return new Facts(List.of("io.fusionauth:fusionauth-jwt"), UNSUPPORTED, Reason.ALGORITHM_NOT_ALLOWED);
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new FusionAuthVerifier(policy);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new FusionAuthIssuer(algorithm, signingKey);
    }

    /** {@code ECVerifier/RSAVerifier.verify(Algorithm, message, signature)}: fusionauth's public Verifier API. */
    @Override
    public MessageApi messageApi() {
        return (alg, key) -> {
            Verifier v = alg == JwtAlgorithm.ES256 ? ECVerifier.newVerifier(key) : RSAVerifier.newVerifier(key);
            Algorithm a = alg == JwtAlgorithm.ES256 ? Algorithm.ES256 : Algorithm.RS256;
            return (message, signature) -> {
                try {
                    v.verify(a, message, signature);
                    return true;
                } catch (JWTException e) {
                    return false;
                }
            };
        };
    }
}
