package org.authbench.jwt.nimbus;

import com.nimbusds.jose.Header;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObject;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.PlainObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.BadJWSException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.proc.SingleKeyJWSKeySelector;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimNames;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.security.Key;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.VerifierPolicy;

/**
 * nimbus-jose-jwt 10 behind {@link Authenticator}, through its production path: a
 * {@link DefaultJWTProcessor} with a pinned key selector and a {@link DefaultJWTClaimsVerifier}, built once
 * in the constructor and shared by all threads: once configured, the processor holds only its settings
 * and builds a fresh verifier per token, and nothing mutates it after construction (nimbus's Javadoc does
 * not state its thread-safety either way).
 * Run its rows with {@code java -jar target/authbench.jar jmh -- VerifyBenchmark -p library=NIMBUS}.
 *
 * <p>What nimbus needed to reach {@link VerifierPolicy}:
 * <ul>
 *   <li>Algorithm and key pin: {@link SingleKeyJWSKeySelector} (nimbus's selector for one algorithm and
 *       one key known in advance) returns the key only when the header's {@code alg} is the pinned one.
 *       A {@code JWSVerificationKeySelector} over a JWK set pins the algorithm too, but also matches the
 *       header's {@code kid} against the JWK, refusing a correctly signed token whose {@code kid} the
 *       pinned key does not carry; the policy ignores {@code kid}. The bare {@code SignedJWT.verify} path
 *       pins nothing: an {@code RSASSAVerifier} accepts RS384/RS512/PS256... too.</li>
 *   <li>Key set: nimbus's production path, a {@link JWSVerificationKeySelector} for the pinned algorithm over an
 *       {@link ImmutableJWKSet} (each JWK carrying its {@code kid}); the selector's JWK matcher scans the set for
 *       the header's {@code kid}, key type and algorithm. Without a {@code kid} in the header the matcher matches
 *       every key and nimbus tries them all, so the adapter refuses such a token first ({@code UNKNOWN_KEY}); an
 *       unknown {@code kid} finds no key ({@code UNKNOWN_KEY}).</li>
 *   <li>Clock skew: {@code setMaxClockSkew(policy leeway)}; nimbus's default is 60 s.</li>
 *   <li>{@code exp} required: {@code exp} is passed as a required claim; nimbus checks it only when
 *       present otherwise.</li>
 *   <li>Clock: {@code DefaultJWTClaimsVerifier.currentTime()} is overridden to read the policy's clock
 *       (nimbus reads {@code new Date()}, with no clock parameter). Nimbus compares in milliseconds and
 *       accepts {@code nbf} only strictly before now, so at exactly {@code now == nbf} it refuses; the
 *       clock therefore hands nimbus the last millisecond of the policy's current second, which makes a
 *       token valid from its {@code nbf} second on (RFC 7519 4.1.5, and the policy) and still expires it
 *       from its {@code exp} second on.</li>
 *   <li>{@code iss}/{@code aud}: an exact-match claim set holding {@code iss}, and the accepted audience
 *       set (which also makes {@code aud} required).</li>
 *   <li>{@code typ}: the processor by default refuses a {@code typ} other than {@code JWT}; the policy does
 *       not check {@code typ}, so the type verifier accepts any.</li>
 *   <li>{@code crit}: nimbus's verifiers refuse any {@code crit} they do not understand (reported as an
 *       invalid signature; the adapter reports {@code UNSUPPORTED} when the refused header carries
 *       {@code crit}). Header keys are never used: the key comes from the selector.</li>
 *   <li>{@code jwsOnly}: the processor insists on a JSON claim set, so this mode uses nimbus's JWS layer,
 *       {@link JOSEObject#parse} plus a {@link JWSVerifier} for the pinned key, and checks the header's
 *       {@code alg} itself because a verifier accepts every algorithm of its family.</li>
 * </ul>
 * Reasons: nimbus tells claim failures apart only by message ({@code BadJWTException}), so the claim
 * reasons below follow nimbus 10's messages; the other reasons follow the exception type and the parsed
 * header. {@code ParseException} means a malformed token.
 */
public final class NimbusVerifier implements Authenticator {

    private static final Principal NO_PRINCIPAL = new Principal(null, null);

    private final JWSAlgorithm pinned;
    private final boolean keySet;
    private final DefaultJWTProcessor<SecurityContext> processor;
    private final JWSVerifier jwsVerifier;

    public NimbusVerifier(VerifierPolicy policy) {
        Nimbus.requireSupport(policy.algorithm());
        this.pinned = JWSAlgorithm.parse(policy.algorithm().name());
        this.keySet = policy.hasKeySet();
        if (policy.jwsOnly()) {
            this.processor = null;
            this.jwsVerifier = jwsVerifier(policy);
        } else {
            this.processor = processor(policy, pinned);
            this.jwsVerifier = null;
        }
    }

    private static DefaultJWTProcessor<SecurityContext> processor(VerifierPolicy policy, JWSAlgorithm pinned) {
        DefaultJWTProcessor<SecurityContext> p = new DefaultJWTProcessor<>();
        p.setJWSTypeVerifier((type, context) -> { });
        p.setJWSKeySelector(policy.hasKeySet()
                ? new JWSVerificationKeySelector<>(pinned, new ImmutableJWKSet<>(jwkSet(policy)))
                : new SingleKeyJWSKeySelector<>(pinned, policy.key()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(
                policy.audience() == null ? null : Set.of(policy.audience()),
                policy.issuer() == null ? null : new JWTClaimsSet.Builder().issuer(policy.issuer()).build(),
                Set.of(JWTClaimNames.EXPIRATION_TIME),
                null) {
            @Override
            protected Date currentTime() {
                return new Date(policy.nowEpochSecond() * 1000 + 999);
            }
        };
        claims.setMaxClockSkew(Math.toIntExact(policy.leewaySeconds()));
        p.setJWTClaimsSetVerifier(claims);
        return p;
    }

    private static JWKSet jwkSet(VerifierPolicy policy) {
        List<JWK> jwks = new ArrayList<>();
        for (Map.Entry<String, Key> e : policy.keysById().entrySet()) {
            Map<String, Object> json = new LinkedHashMap<>(JwkKeys.toJwk(e.getValue()));
            json.put("kid", e.getKey());
            try {
                jwks.add(JWK.parse(json));
            } catch (ParseException ex) {
                throw new IllegalArgumentException("nimbus cannot read the JWK of kid " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        return new JWKSet(jwks);
    }

    private static JWSVerifier jwsVerifier(VerifierPolicy policy) {
        try {
            return switch (policy.algorithm()) {
                case HS256, HS512 -> new MACVerifier(policy.secretKey());
                case RS256, PS256 -> new RSASSAVerifier((RSAPublicKey) policy.publicKey());
                case ES256, ES384 -> new ECDSAVerifier((ECPublicKey) policy.publicKey());
                case EdDSA -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
            };
        } catch (JOSEException e) {
            throw new IllegalArgumentException("nimbus cannot verify " + policy.algorithm() + " with this key: " + e.getMessage(), e);
        }
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        if (processor == null) {
            return verifySignatureOnly(token);
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        }
        if (keySet && jwt instanceof SignedJWT s && pinned.equals(s.getHeader().getAlgorithm())
                && s.getHeader().getKeyID() == null) {
            throw new Rejected(Reason.UNKNOWN_KEY, "no kid to choose a key by");
        }
        try {
            JWTClaimsSet claims = processor.process(jwt, null);
            return new Principal(claims.getSubject(), claims.getJWTID());
        } catch (BadJOSEException e) {
            throw new Rejected(reason(jwt, e), e.getMessage(), e);
        } catch (JOSEException e) {
            throw new Rejected(Reason.OTHER, e.getMessage(), e);
        }
    }

    private Reason reason(JWT jwt, BadJOSEException e) {
        if (e instanceof ExpiredJWTException) {
            return Reason.EXPIRED;
        }
        if (e instanceof BadJWTException) {
            return claimReason(e);
        }
        if (e instanceof BadJWSException) {
            return hasCrit(jwt.getHeader()) ? Reason.UNSUPPORTED : Reason.BAD_SIGNATURE;
        }
        if (jwt instanceof PlainJWT) {
            return Reason.ALGORITHM_NOT_ALLOWED;
        }
        if (jwt instanceof SignedJWT s && !pinned.equals(s.getHeader().getAlgorithm())) {
            return Reason.ALGORITHM_NOT_ALLOWED; // the selector found no key for this alg
        }
        if (keySet && jwt instanceof SignedJWT) {
            return Reason.UNKNOWN_KEY; // the pinned alg, but no JWK of the set has the header's kid
        }
        return jwt instanceof SignedJWT ? Reason.OTHER : Reason.UNSUPPORTED;
    }

    /** Nimbus 10's {@code DefaultJWTClaimsVerifier} messages; anything else is OTHER (a finding, not a guess). */
    private static Reason claimReason(BadJOSEException e) {
        if (e.getCause() instanceof ParseException) {
            return Reason.MALFORMED; // payload is not a JSON claim set
        }
        String m = String.valueOf(e.getMessage());
        if (m.startsWith("JWT before use time")) {
            return Reason.NOT_YET_VALID;
        }
        if (m.startsWith("JWT aud claim rejected") || m.startsWith("JWT missing required aud claim")) {
            return Reason.WRONG_AUDIENCE;
        }
        if (m.startsWith("JWT iss claim value rejected")) {
            return Reason.WRONG_ISSUER;
        }
        if (m.startsWith("JWT missing required claims")) {
            return Reason.MISSING_CLAIM;
        }
        return Reason.OTHER;
    }

    private static boolean hasCrit(Header header) {
        return header.getIncludedParams().contains("crit");
    }

    private Principal verifySignatureOnly(String token) throws Rejected {
        JOSEObject object;
        try {
            object = JOSEObject.parse(token);
        } catch (ParseException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        }
        if (object instanceof PlainObject) {
            throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, "unsecured JWS (alg none)");
        }
        if (!(object instanceof JWSObject jws)) {
            throw new Rejected(Reason.UNSUPPORTED, "not a JWS: " + object.getClass().getSimpleName());
        }
        JWSHeader header = jws.getHeader();
        if (!pinned.equals(header.getAlgorithm())) {
            throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, "alg " + header.getAlgorithm() + " is not the pinned " + pinned);
        }
        boolean valid;
        try {
            valid = jws.verify(jwsVerifier);
        } catch (JOSEException e) {
            throw new Rejected(Reason.OTHER, e.getMessage(), e);
        }
        if (!valid) {
            throw hasCrit(header)
                    ? new Rejected(Reason.UNSUPPORTED, "crit names extensions nimbus does not understand")
                    : new Rejected(Reason.BAD_SIGNATURE, "signature does not verify");
        }
        return NO_PRINCIPAL;
    }
}
