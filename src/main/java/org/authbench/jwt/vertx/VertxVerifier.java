package org.authbench.jwt.vertx;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.User;
import io.vertx.ext.auth.authentication.Credentials;
import io.vertx.ext.auth.authentication.CredentialValidationException;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.impl.Codec;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWS;
import io.vertx.ext.auth.impl.jose.JWT;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.SignatureException;
import java.util.List;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.jwt.CompactJws;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.VerifierPolicy;

/**
 * vertx-auth-jwt 5.x behind {@link Authenticator}, through one of two paths chosen by {@code publicPath}:
 * <ul>
 *   <li>public ({@code VERTX}): {@link JWTAuth#authenticate(Credentials)} with {@link TokenCredentials}, what vert.x
 *       applications call: the provider decodes and verifies through {@link JWT#decode(String)}, checks {@code aud}
 *       and {@code iss} itself, builds the {@link User} (the decoded claims copied into its principal and attributes)
 *       and returns a {@link Future}. For a local key nothing in that call is asynchronous, so the future is already
 *       complete when {@code authenticate} returns; the adapter reads it without blocking and fails loudly if it
 *       ever is not. Time: the provider's check ({@code User.expired}, on {@code System.currentTimeMillis()}, which
 *       also refuses an {@code iat} in the future) still runs, but {@code setIgnoreExpiration(true)} leaves the
 *       verdict to the adapter's check on the policy clock, because vert.x offers no way to inject a clock (its own
 *       tests regenerate tokens) and fixed clocks (tests, vectors, {@code verify --now}) must work through the same
 *       code path the benchmark times.</li>
 *   <li>JOSE ({@code VERTX_JOSE}): the synchronous call inside that provider, {@link JWT#decode(String, boolean,
 *       java.util.List)} on an internal class, followed by the provider's {@code aud}/{@code iss} checks done by
 *       the adapter. Its row beside the public one is the cost of vert.x's public wrapper (the {@code User}, the
 *       claim copies, the {@code Future}).</li>
 * </ul>
 * Both hold the pinned key as one JWK (with the pinned {@code alg}), built once in the constructor and shared by
 * all threads; the verify step locks the key's shared {@code Mac}/{@code Signature}, so every thread verifying one
 * key serialises there.
 *
 * <p>What vert.x needed to reach {@link VerifierPolicy}:
 * <ul>
 *   <li>one JWK with {@code alg} set to the pinned algorithm: {@code JWT.decode} looks keys up by the header's
 *       {@code alg}, so any other algorithm finds no key ({@code NoSuchKeyIdException}); {@code none} is
 *       refused because a JWT with a key is in "secure" mode;</li>
 *   <li>{@code allowEmbeddedKey} left false (the default), so an {@code x5c} header is not trusted;
 *       {@code jwk}/{@code jku} are never read by vert.x;</li>
 *   <li>ES256/ES384 signatures must be 64/96 bytes: vert.x also accepts an ASN.1 DER signature (it converts only
 *       non-DER input), which JWS (RFC 7518 §3.4) forbids; the adapter refuses other lengths first;</li>
 *   <li>{@code exp} required, {@code now >= exp + leeway} expired, {@code nbf} when present: checked by the
 *       adapter with the policy clock (vert.x accepts a token without {@code exp}; its provider, not used here,
 *       would also refuse an {@code iat} in the future, which the policy does not check);</li>
 *   <li>{@code crit} refused by the adapter: vert.x ignores it;</li>
 *   <li>with a key set, every key is added to the {@link JWT} as a JWK carrying its {@code kid} (what
 *       {@code JWTAuthOptions.addJwk} does for the provider). vert.x keeps a list of keys per algorithm and walks
 *       it, skipping keys whose id differs from the header's {@code kid}; no matching key is
 *       {@code NoSuchKeyIdException} naming {@code <alg>#<kid>} ({@code UNKNOWN_KEY} when the algorithm is the pinned
 *       one). A header without {@code kid} makes vert.x try every key of the algorithm, so the adapter refuses a
 *       verified token without {@code kid} afterwards ({@code UNKNOWN_KEY}): the policy never falls back to trying
 *       keys.</li>
 * </ul>
 * The public path needs the header for {@code crit} and {@code kid}, which the provider does not return: the adapter
 * base64url-decodes it again and parses it only when it can name {@code crit} (contains {@code "crit"} or a JSON
 * escape) or a key set needs its {@code kid}.
 * In {@link VerifierPolicy#jwsOnly()} mode ({@code JWT.decode} always parses the payload as JSON) both paths use
 * the lowest public layer: vert.x's {@code Codec} base64url decoder for the three parts, the same header checks,
 * and {@link JWS#verify(byte[], byte[])} with the same JWK.
 */
public final class VertxVerifier implements Authenticator {

    private final VerifierPolicy policy;
    private final String pinnedAlg;
    private final int ecSignatureLength;
    private final JWT jwt;
    private final JWS jws;
    private final JWTAuth provider;
    private final boolean keySet;

    public VertxVerifier(VerifierPolicy policy, boolean publicPath) {
        this.policy = policy;
        this.pinnedAlg = policy.algorithm().name();
        this.ecSignatureLength = 2 * policy.algorithm().ecCoordinateBytes();
        this.keySet = policy.hasKeySet();
        if (keySet) {
            JWT j = new JWT();
            policy.keysById().forEach((kid, key) -> j.addJWK(new JWK(jwkJson(key).put("kid", kid))));
            this.jwt = j;
            this.jws = null;
        } else {
            JWK jwk = new JWK(jwkJson(policy.key()));
            this.jwt = new JWT().addJWK(jwk);
            this.jws = new JWS(jwk);
        }
        this.provider = publicPath && !policy.jwsOnly() ? provider(policy) : null;
    }

    /** The provider as an application configures it for local keys; it needs a {@code Vertx} only for key stores. */
    private JWTAuth provider(VerifierPolicy policy) {
        JWTOptions options = new JWTOptions()
                .setLeeway(Math.toIntExact(policy.leewaySeconds()))
                .setIgnoreExpiration(true);
        if (policy.issuer() != null) {
            options.setIssuer(policy.issuer());
        }
        if (policy.audience() != null) {
            options.setAudience(List.of(policy.audience()));
        }
        JWTAuthOptions config = new JWTAuthOptions().setJWTOptions(options);
        if (keySet) {
            policy.keysById().forEach((kid, key) -> config.addJwk(jwkJson(key).put("kid", kid)));
        } else {
            config.addJwk(jwkJson(policy.key()));
        }
        return JWTAuth.create(null, config);
    }

    private JsonObject jwkJson(Key key) {
        return new JsonObject(JwkKeys.toJwk(key)).put("alg", pinnedAlg).put("use", "sig");
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        if (policy.jwsOnly()) {
            return verifyJwsOnly(token);
        }
        if (provider != null) {
            return authenticatePublic(token);
        }
        JsonObject decoded;
        try {
            decoded = jwt.decode(token, true, null);
        } catch (SignatureException | RuntimeException e) {
            throw decodeFailure(e);
        }
        checkSignatureLength(token);
        checkHeader(decoded.getJsonObject("header"));
        JsonObject claims = decoded.getJsonObject("payload");
        checkTimes(claims);
        checkIssuerAndAudience(claims);
        return principal(claims);
    }

    private Principal authenticatePublic(String token) throws Rejected {
        Future<User> result;
        try {
            result = provider.authenticate(new TokenCredentials(token));
        } catch (ClassCastException e) {
            // the provider reads iss with getString and a non-string aud with getJsonArray, outside its future
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        }
        if (!result.isComplete()) {
            throw new IllegalStateException("vert.x did not complete a local-key authentication synchronously");
        }
        if (result.failed()) {
            throw providerFailure(result.cause());
        }
        checkSignatureLength(token);
        int dot = token.indexOf('.');
        byte[] header = Codec.base64UrlDecode(token.substring(0, dot));
        if (keySet || mayNameCrit(header)) {
            checkHeader(new JsonObject(Buffer.buffer(header)));
        }
        JsonObject claims = result.result().attributes().getJsonObject("accessToken");
        checkTimes(claims);
        return principal(claims);
    }

    /** A JSON member named {@code crit} is spelled {@code "crit"} or with an escape; without either there is none. */
    private static boolean mayNameCrit(byte[] header) {
        for (int i = 0; i < header.length; i++) {
            if (header[i] == '\\' || (header[i] == '"' && i + 5 < header.length && header[i + 1] == 'c'
                    && header[i + 2] == 'r' && header[i + 3] == 'i' && header[i + 4] == 't' && header[i + 5] == '"')) {
                return true;
            }
        }
        return false;
    }

    /** The provider's failures: {@code JWT.decode}'s exceptions as they are, its own checks as messages. */
    private Rejected providerFailure(Throwable cause) {
        if (cause instanceof CredentialValidationException) {
            return new Rejected(Reason.MALFORMED, cause.getMessage(), cause); // an empty token
        }
        // Its own checks fail the future with a message (a stackless VertxException), decode's exceptions as they are.
        String m = String.valueOf(cause.getMessage());
        if (m.startsWith("Invalid JWT audience")) {
            return new Rejected(Reason.WRONG_AUDIENCE, m, cause);
        }
        if (m.startsWith("Invalid JWT issuer")) {
            return new Rejected(Reason.WRONG_ISSUER, m, cause);
        }
        if (cause instanceof SignatureException || cause instanceof RuntimeException) {
            return decodeFailure((Exception) cause);
        }
        throw new IllegalStateException("vert.x failed for a reason this adapter does not know: " + m, cause);
    }

    private Rejected decodeFailure(Exception e) {
        if (e instanceof NoSuchKeyIdException n) {
            // id() is "<alg>#<kid>": the pinned algorithm means its keys exist but none has the token's kid.
            boolean unknownKid = keySet && n.id().startsWith(pinnedAlg + "#");
            return new Rejected(unknownKid ? Reason.UNKNOWN_KEY : Reason.ALGORITHM_NOT_ALLOWED, e.getMessage(), e);
        }
        if (e instanceof SignatureException) {
            return new Rejected(Reason.BAD_SIGNATURE, e.getMessage(), e);
        }
        if (e instanceof DecodeException || e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof ClassCastException) {
            // IllegalStateException: "JWT is in secure mode but token is not signed" (not three parts: also how
            // alg none and an empty signature arrive), "Signature is required", "Algorithm none not allowed".
            // ClassCastException: JsonObject.getString on a non-string alg.
            return new Rejected(Reason.MALFORMED, e.getMessage(), e);
        }
        if (e instanceof NullPointerException) {
            // vert.x 5.0.7 looks the header's alg up in a map unchecked: a header without "alg" throws NPE.
            return new Rejected(Reason.MALFORMED, "header has no alg (library threw " + e.getClass().getSimpleName() + ")", e);
        }
        return signatureStepFailure((RuntimeException) e);
    }

    private void checkHeader(JsonObject header) throws Rejected {
        if (header.containsKey("crit")) {
            throw new Rejected(Reason.UNSUPPORTED, "crit names extensions this verifier does not understand");
        }
        if (keySet && !(header.getValue("kid") instanceof String)) {
            throw new Rejected(Reason.UNKNOWN_KEY, "no kid to choose a key by");
        }
    }

    private void checkTimes(JsonObject claims) throws Rejected {
        if (!claims.containsKey("exp")) {
            throw new Rejected(Reason.MISSING_CLAIM, "exp is required");
        }
        long now = policy.nowEpochSecond();
        long leeway = policy.leewaySeconds();
        long exp = numericDate(claims, "exp");
        if (now >= exp + leeway) {
            throw new Rejected(Reason.EXPIRED, "expired at " + exp);
        }
        if (claims.containsKey("nbf")) {
            long nbf = numericDate(claims, "nbf");
            if (now + leeway < nbf) {
                throw new Rejected(Reason.NOT_YET_VALID, "not valid before " + nbf);
            }
        }
    }

    /** What the provider checks after {@code JWT.decode}: {@code iss} equal, {@code aud} (string or array) containing. */
    private void checkIssuerAndAudience(JsonObject claims) throws Rejected {
        if (policy.issuer() != null && !policy.issuer().equals(claims.getValue("iss"))) {
            throw new Rejected(Reason.WRONG_ISSUER, "issuer is " + claims.getValue("iss"));
        }
        if (policy.audience() != null) {
            Object aud = claims.getValue("aud");
            boolean matched = aud instanceof String s ? s.equals(policy.audience())
                    : aud instanceof JsonArray a && a.contains(policy.audience());
            if (!matched) {
                throw new Rejected(Reason.WRONG_AUDIENCE, "audience does not contain " + policy.audience());
            }
        }
    }

    private static Principal principal(JsonObject claims) throws Rejected {
        return new Principal(string(claims, "sub"), string(claims, "jti"));
    }

    private Principal verifyJwsOnly(String token) throws Rejected {
        int[] dots = CompactJws.dots(token);
        int dot1 = dots[0];
        int dot2 = dots[1];
        try {
            JsonObject header = new JsonObject(Buffer.buffer(Codec.base64UrlDecode(token.substring(0, dot1))));
            if (!pinnedAlg.equals(header.getValue("alg"))) {
                throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, "alg " + header.getValue("alg") + " is not the pinned " + pinnedAlg);
            }
            if (header.containsKey("crit")) {
                throw new Rejected(Reason.UNSUPPORTED, "crit names extensions this verifier does not understand");
            }
            checkSignatureLength(token);
            Codec.base64UrlDecode(token.substring(dot1 + 1, dot2)); // the payload must be base64url, even unread
            byte[] signature = Codec.base64UrlDecode(token.substring(dot2 + 1));
            if (!jws.verify(signature, token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII))) {
                throw new Rejected(Reason.BAD_SIGNATURE, "signature does not verify");
            }
        } catch (DecodeException | IllegalArgumentException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw signatureStepFailure(e);
        }
        return new Principal(null, null);
    }

    /**
     * vert.x's JWS reports a signature it cannot use as a plain {@code RuntimeException} ("Invalid ECDSA
     * signature" for r = s = 0, or a wrapped {@code GeneralSecurityException}). Exactly that class is a refused
     * signature; any subclass is something else and propagates (a finding, not a rejection).
     */
    private static Rejected signatureStepFailure(RuntimeException e) {
        if (e.getClass() != RuntimeException.class) {
            throw e;
        }
        return new Rejected(Reason.BAD_SIGNATURE, e.getMessage(), e);
    }

    /** JWS ES256/ES384 signatures are exactly r || s; vert.x also takes ASN.1 DER, so any other length is refused. */
    private void checkSignatureLength(String token) throws Rejected {
        if (ecSignatureLength == 0) {
            return;
        }
        int dot = token.lastIndexOf('.');
        int encoded = token.length() - dot - 1;
        // 64 (96) bytes are 86 (128) base64url characters without padding; anything else cannot be P1363 r || s.
        if (dot >= 0 && encoded != (ecSignatureLength * 4 + 2) / 3) {
            throw new Rejected(Reason.BAD_SIGNATURE, pinnedAlg + " signature is not " + ecSignatureLength + " bytes");
        }
    }

    private static long numericDate(JsonObject claims, String name) throws Rejected {
        if (claims.getValue(name) instanceof Number n) {
            return (long) Math.floor(n.doubleValue());
        }
        throw new Rejected(Reason.MALFORMED, name + " is not a number");
    }

    private static String string(JsonObject claims, String name) throws Rejected {
        Object v = claims.getValue(name);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new Rejected(Reason.MALFORMED, name + " is not a string");
    }
}
