package org.authbench.jwt.vertx;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.NoSuchKeyIdException;
import io.vertx.ext.auth.impl.Codec;
import io.vertx.ext.auth.impl.jose.JWK;
import io.vertx.ext.auth.impl.jose.JWS;
import io.vertx.ext.auth.impl.jose.JWT;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.SignatureException;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.jwt.CompactJws;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.VerifierPolicy;

/**
 * vertx-auth-jwt 5.x through {@link JWT#decode(String, boolean, java.util.List)}, the synchronous call
 * {@code JWTAuthProviderImpl.authenticate} makes, followed by the claim checks that provider applies after it,
 * with the policy's clock. The {@link JWT} holds one {@link JWK} (the pinned key, with the pinned {@code alg})
 * and is built once in the constructor; its verify step is thread-safe (it locks the shared
 * {@code Mac}/{@code Signature} of the key, which also means every thread verifying one key serialises there).
 *
 * <p>Why not {@code JWTAuth.authenticate}: vert.x offers no way to inject a clock. The provider's time check is
 * {@code User.expired(leeway)}, which reads {@code System.currentTimeMillis()}, and {@code JWTOptions} has no
 * clock or evaluation time (vert.x's own tests regenerate tokens for this reason). A fixed policy clock
 * (tests, vectors, {@code verify --now}) therefore cannot be honoured through the provider; the provider also
 * needs a {@code Vertx} instance (thread pools) for a computation that is synchronous. This adapter keeps one
 * code path for both clocks, so what the tests prove is what the benchmark times. The signature, algorithm and
 * key handling are vert.x's own; the claim checks below are the provider's ({@code aud} string-or-array
 * contains, {@code iss} equals) plus what the policy adds.
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
 * In {@link VerifierPolicy#jwsOnly()} mode ({@code JWT.decode} always parses the payload as JSON) the adapter uses
 * the lowest public layer: vert.x's {@code Codec} base64url decoder for the three parts, the same header checks,
 * and {@link JWS#verify(byte[], byte[])} with the same JWK.
 */
public final class VertxVerifier implements Authenticator {

    private final VerifierPolicy policy;
    private final String pinnedAlg;
    private final int ecSignatureLength;
    private final JWT jwt;
    private final JWS jws;
    private final boolean keySet;

    public VertxVerifier(VerifierPolicy policy) {
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
    }

    private JsonObject jwkJson(Key key) {
        return new JsonObject(JwkKeys.toJwk(key)).put("alg", pinnedAlg).put("use", "sig");
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        if (policy.jwsOnly()) {
            return verifyJwsOnly(token);
        }
        JsonObject decoded;
        try {
            decoded = jwt.decode(token, true, null);
        } catch (NoSuchKeyIdException e) {
            // id() is "<alg>#<kid>": the pinned algorithm means its keys exist but none has the token's kid.
            boolean unknownKid = keySet && e.id().startsWith(pinnedAlg + "#");
            throw new Rejected(unknownKid ? Reason.UNKNOWN_KEY : Reason.ALGORITHM_NOT_ALLOWED, e.getMessage(), e);
        } catch (SignatureException e) {
            throw new Rejected(Reason.BAD_SIGNATURE, e.getMessage(), e);
        } catch (DecodeException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            // IllegalStateException: "JWT is in secure mode but token is not signed" (not three parts: also how
            // alg none and an empty signature arrive), "Signature is required", "Algorithm none not allowed".
            // ClassCastException: JsonObject.getString on a non-string alg.
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        } catch (NullPointerException e) {
            // vert.x 5.0.7 looks the header's alg up in a map unchecked: a header without "alg" throws NPE.
            throw new Rejected(Reason.MALFORMED, "header has no alg (library threw " + e.getClass().getSimpleName() + ")", e);
        } catch (RuntimeException e) {
            throw signatureStepFailure(e);
        }
        checkSignatureLength(token);
        JsonObject header = decoded.getJsonObject("header");
        if (header.containsKey("crit")) {
            throw new Rejected(Reason.UNSUPPORTED, "crit names extensions this verifier does not understand");
        }
        if (keySet && !(header.getValue("kid") instanceof String)) {
            throw new Rejected(Reason.UNKNOWN_KEY, "no kid to choose a key by");
        }
        return checkClaims(decoded.getJsonObject("payload"));
    }

    private Principal checkClaims(JsonObject claims) throws Rejected {
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
