package org.authbench.jwt.smallrye;

import java.security.Key;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.LibraryModule;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.TokenIssuer;
import org.authbench.jwt.VerifierPolicy;

/** SmallRye JWT, the MicroProfile JWT verifier behind Quarkus: what the suite knows about it. */
public final class SmallRye implements LibraryModule {

    @Override
    public Facts facts() {
        return new Facts(List.of("io.smallrye:smallrye-jwt", "io.smallrye:smallrye-jwt-build", "org.bitbucket.b_c:jose4j"),
                Map.of(), Reason.ALGORITHM_NOT_ALLOWED);
    }

    /** {@code DefaultJWTParser} verifies through jose4j's {@code JwtConsumer}. */
    @Override
    public String buildsOn() {
        return "JOSE4J";
    }

    @Override
    public Authenticator verifier(VerifierPolicy policy) {
        return new SmallRyeVerifier(policy);
    }

    @Override
    public TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey) {
        return new SmallRyeIssuer(algorithm, signingKey);
    }

    @Override
    public MessageApi messageApi() {
        return MessageApi.none("SmallRye JWT verifies whole tokens only (JWTParser.parse); its signature layer is "
                + "jose4j's, tested under jose4j");
    }
}
