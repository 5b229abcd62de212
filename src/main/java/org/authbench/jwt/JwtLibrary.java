package org.authbench.jwt;

import java.security.Key;
import java.util.Locale;
import org.authbench.auth.Authenticator;
import org.authbench.jwt.auth0.Auth0Issuer;
import org.authbench.jwt.auth0.Auth0Verifier;
import org.authbench.jwt.fusionauth.FusionAuthIssuer;
import org.authbench.jwt.fusionauth.FusionAuthVerifier;
import org.authbench.jwt.jjwt.JjwtIssuer;
import org.authbench.jwt.jjwt.JjwtVerifier;
import org.authbench.jwt.jose4j.Jose4jIssuer;
import org.authbench.jwt.jose4j.Jose4jVerifier;
import org.authbench.jwt.nimbus.NimbusIssuer;
import org.authbench.jwt.nimbus.NimbusVerifier;
import org.authbench.jwt.reference.ReferenceIssuer;
import org.authbench.jwt.reference.ReferenceVerifier;
import org.authbench.jwt.vertx.VertxIssuer;
import org.authbench.jwt.vertx.VertxVerifier;

/**
 * The JWT libraries under test; each constant builds its adapters: a verifier ({@link #create}) and a signer
 * ({@link #createIssuer}). This enum is the JMH {@code @Param} ({@code -p library=NIMBUS}), so result rows read
 * {@code NIMBUS}/{@code ES256}.
 *
 * <p>Adapters are built in {@link #create} and {@link #createIssuer} and nowhere else: nothing expensive happens when the enum
 * loads, so a library that cannot initialise breaks only its own rows.
 */
public enum JwtLibrary {
    JJWT("io.jsonwebtoken", "jjwt-impl") {
        @Override
        Authenticator build(VerifierPolicy policy) {
            return new JjwtVerifier(policy);
        }

        @Override
        TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey) {
            return new JjwtIssuer(algorithm, signingKey);
        }
    },
    NIMBUS("com.nimbusds", "nimbus-jose-jwt") {
        @Override
        Authenticator build(VerifierPolicy policy) {
            return new NimbusVerifier(policy);
        }

        @Override
        TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey) {
            return new NimbusIssuer(algorithm, signingKey);
        }

        @Override
        public String unsupportedReason(JwtAlgorithm alg) {
            return alg == JwtAlgorithm.EdDSA
                    ? "its DefaultJWTProcessor makes no EdDSA verifier (key selectors return java.security.Key; "
                            + "Ed25519Verifier takes an OctetKeyPair and needs Google Tink, not a dependency here)"
                    : null;
        }
    },
    AUTH0("com.auth0", "java-jwt") {
        @Override
        Authenticator build(VerifierPolicy policy) {
            return new Auth0Verifier(policy);
        }

        @Override
        TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey) {
            return new Auth0Issuer(algorithm, signingKey);
        }

        @Override
        public String unsupportedReason(JwtAlgorithm alg) {
            return alg == JwtAlgorithm.EdDSA ? "java-jwt 4.x has no EdDSA algorithm (HMAC, RSA, RSA-PSS and ECDSA only)" : null;
        }
    },
    JOSE4J("org.bitbucket.b_c", "jose4j") {
        @Override
        Authenticator build(VerifierPolicy policy) {
            return new Jose4jVerifier(policy);
        }

        @Override
        TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey) {
            return new Jose4jIssuer(algorithm, signingKey);
        }
    },
    FUSIONAUTH("io.fusionauth", "fusionauth-jwt") {
        @Override
        Authenticator build(VerifierPolicy policy) {
            return new FusionAuthVerifier(policy);
        }

        @Override
        TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey) {
            return new FusionAuthIssuer(algorithm, signingKey);
        }

        @Override
        public String unsupportedReason(JwtAlgorithm alg) {
            return alg == JwtAlgorithm.EdDSA ? "fusionauth-jwt 5.x has no EdDSA (its Algorithm enum has HS, RS, PS and ES only)" : null;
        }
    },
    VERTX("io.vertx", "vertx-auth-jwt") {
        @Override
        Authenticator build(VerifierPolicy policy) {
            return new VertxVerifier(policy);
        }

        @Override
        TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey) {
            return new VertxIssuer(algorithm, signingKey);
        }
    },
    /** A minimal verifier on plain JCA doing every check the others do: the floor a library could reach. */
    REFERENCE("org.authbench", "authbench") {
        @Override
        Authenticator build(VerifierPolicy policy) {
            return new ReferenceVerifier(policy);
        }

        @Override
        TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey) {
            return new ReferenceIssuer(algorithm, signingKey);
        }
    };

    private final String groupId;
    private final String artifactId;

    JwtLibrary(String groupId, String artifactId) {
        this.groupId = groupId;
        this.artifactId = artifactId;
    }

    /**
     * Builds a verifier enforcing {@code policy}. Called once per trial, never inside measurement.
     *
     * @throws UnsupportedAlgorithmException when this library does not support the policy's algorithm
     */
    public final Authenticator create(VerifierPolicy policy) {
        requireSupport(policy.algorithm());
        return build(policy);
    }

    /** The adapter's constructor; only for algorithms {@link #supports} says yes to. */
    abstract Authenticator build(VerifierPolicy policy);

    /**
     * Builds this library's signer for {@code algorithm}: {@code signingKey} is the HMAC secret or the private key.
     * Called once per trial, never inside measurement. A library signs exactly the algorithms it verifies.
     *
     * @throws UnsupportedAlgorithmException when this library does not support {@code algorithm}
     */
    public final TokenIssuer createIssuer(JwtAlgorithm algorithm, Key signingKey) {
        requireSupport(algorithm);
        return buildIssuer(algorithm, signingKey);
    }

    /** The signer's constructor; only for algorithms {@link #supports} says yes to. */
    abstract TokenIssuer buildIssuer(JwtAlgorithm algorithm, Key signingKey);

    /**
     * Why this library cannot verify {@code alg} through its production path, or null when it can. A fact about
     * the pinned library version, checked by {@code AdapterContractTest}: a library that gains support fails it.
     */
    public String unsupportedReason(JwtAlgorithm alg) {
        return null;
    }

    public boolean supports(JwtAlgorithm alg) {
        return unsupportedReason(alg) == null;
    }

    /** Throws {@link UnsupportedAlgorithmException} unless this library supports {@code alg}. */
    public void requireSupport(JwtAlgorithm alg) {
        String why = unsupportedReason(alg);
        if (why != null) {
            throw new UnsupportedAlgorithmException(this, alg, why);
        }
    }

    /** The name used on the command line: {@code jjwt}, {@code nimbus}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Maven coordinates whose {@code pom.properties} on the classpath give the exact version. */
    public String groupId() {
        return groupId;
    }

    public String artifactId() {
        return artifactId;
    }

    /** Parses a CLI name; throws {@link IllegalArgumentException} naming the choices. */
    public static JwtLibrary parse(String name) {
        for (JwtLibrary l : values()) {
            if (l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (JwtLibrary l : values()) {
            choices.append(choices.length() == 0 ? "" : ", ").append(l.cliName());
        }
        throw new IllegalArgumentException("unknown library '" + name + "' (choose from " + choices + ")");
    }
}
