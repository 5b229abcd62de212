package org.authbench.jwt;

import java.security.Key;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.jwt.auth0.Auth0;
import org.authbench.jwt.fusionauth.FusionAuth;
import org.authbench.jwt.jjwt.Jjwt;
import org.authbench.jwt.jose4j.Jose4j;
import org.authbench.jwt.nimbus.Nimbus;
import org.authbench.jwt.reference.Reference;
import org.authbench.jwt.smallrye.SmallRye;
import org.authbench.jwt.spring.Spring;
import org.authbench.jwt.vertx.Vertx;

/**
 * The JWT libraries under test. Each constant delegates to its library's {@link LibraryModule}, which lives in
 * the library's folder and holds everything the suite knows about it: verifier ({@link #create}), signer
 * ({@link #createIssuer}), unsupported algorithms, Maven coordinates, message-level verifier and reject quirks.
 * This enum is the JMH {@code @Param} ({@code -p library=NIMBUS}), so result rows read {@code NIMBUS}/{@code ES256};
 * parameter lists, version lists and CLI help are derived from it.
 *
 * <p>Adapters are built in {@link #create} and {@link #createIssuer} and nowhere else: the modules' constructors
 * do nothing, so a library that cannot initialise breaks only its own rows.
 */
public enum JwtLibrary {
    JJWT(new Jjwt()),
    NIMBUS(new Nimbus()),
    AUTH0(new Auth0()),
    JOSE4J(new Jose4j()),
    FUSIONAUTH(new FusionAuth()),
    /** vert.x as applications call it: {@code JWTAuth.authenticate(TokenCredentials)}, its User and Future. */
    VERTX(new Vertx(true)),
    /** The JOSE-level call inside that provider ({@code JWT.decode}): the row beside it prices vert.x's wrapper. */
    VERTX_JOSE(new Vertx(false)),
    /** Spring Security's resource-server decoder ({@code NimbusJwtDecoder} and its validators) alone. */
    SPRING(new Spring(false)),
    /** The same decoder plus {@code JwtAuthenticationConverter}: the {@code Authentication} a request pays for. */
    SPRING_CONVERTED(new Spring(true)),
    /** SmallRye JWT's {@code DefaultJWTParser}, the MicroProfile JWT verifier behind Quarkus. */
    SMALLRYE(new SmallRye()),
    /** A minimal verifier on plain JCA doing every check the others do: the floor a library could reach. */
    REFERENCE(new Reference());

    private final LibraryModule module;

    JwtLibrary(LibraryModule module) {
        this.module = module;
    }

    /**
     * Builds a verifier enforcing {@code policy}. Called once per trial, never inside measurement.
     *
     * @throws UnsupportedAlgorithmException when this library does not support the policy's algorithm
     */
    public Authenticator create(VerifierPolicy policy) {
        requireSupport(policy.algorithm());
        return module.verifier(policy);
    }

    /**
     * Builds this library's signer for {@code algorithm}: {@code signingKey} is the HMAC secret or the private key.
     * Called once per trial, never inside measurement. A library signs exactly the algorithms it verifies.
     *
     * @throws UnsupportedAlgorithmException when this library does not support {@code algorithm}
     */
    public TokenIssuer createIssuer(JwtAlgorithm algorithm, Key signingKey) {
        requireSupport(algorithm);
        return module.issuer(algorithm, signingKey);
    }

    /**
     * Why this library cannot verify {@code alg} through its production path, or null when it can. A fact about
     * the pinned library version, checked by {@code AdapterContractTest} and the library's own test.
     */
    public String unsupportedReason(JwtAlgorithm alg) {
        return module.facts().unsupported().get(alg);
    }

    public boolean supports(JwtAlgorithm alg) {
        return unsupportedReason(alg) == null;
    }

    /** Throws {@link UnsupportedAlgorithmException} unless this library supports {@code alg}. */
    public void requireSupport(JwtAlgorithm alg) {
        UnsupportedAlgorithmException.check(cliName(), module.facts().unsupported(), alg);
    }

    /** Maven coordinates ({@code group:artifact}) whose versions a run records, its own first; empty for reference. */
    public List<String> coordinates() {
        return module.facts().coordinates();
    }

    /** The library's signature primitive on arbitrary messages, for the conformance matrix. */
    public MessageApi messageApi() {
        return module.messageApi();
    }

    /** The reason this library's verifier refuses an {@code alg: none} token with. */
    public Reason algNoneReason() {
        return module.facts().algNoneReason();
    }

    /** The name used on the command line: {@code jjwt}, {@code nimbus}, ... */
    /** The library this one is built on, when the suite measures both (a framework over its JOSE library), or null. */
    public JwtLibrary buildsOn() {
        String name = module.buildsOn();
        return name == null ? null : valueOf(name);
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Every command-line name, comma-separated, in declaration order: {@code jjwt, nimbus, ...}. */
    public static String cliNames() {
        return Stream.of(values()).map(JwtLibrary::cliName).collect(Collectors.joining(", "));
    }

    /** Parses a CLI name; throws {@link IllegalArgumentException} naming the choices. */
    public static JwtLibrary parse(String name) {
        for (JwtLibrary l : values()) {
            if (l.name().equalsIgnoreCase(name)) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown library '" + name + "' (choose from " + cliNames() + ")");
    }
}
