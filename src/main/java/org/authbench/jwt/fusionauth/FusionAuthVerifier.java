package org.authbench.jwt.fusionauth;

import io.fusionauth.jwt.InvalidJWTException;
import io.fusionauth.jwt.InvalidJWTSignatureException;
import io.fusionauth.jwt.JWTDecoder;
import io.fusionauth.jwt.JWTExpiredException;
import io.fusionauth.jwt.JWTUnavailableForProcessingException;
import io.fusionauth.jwt.JWTUtils;
import io.fusionauth.jwt.JWTVerifierException;
import io.fusionauth.jwt.MissingSignatureException;
import io.fusionauth.jwt.MissingVerifierException;
import io.fusionauth.jwt.NoneNotAllowedException;
import io.fusionauth.jwt.Verifier;
import io.fusionauth.jwt.domain.Algorithm;
import io.fusionauth.jwt.domain.Header;
import io.fusionauth.jwt.domain.JWT;
import io.fusionauth.jwt.ec.ECVerifier;
import io.fusionauth.jwt.hmac.HMACVerifier;
import io.fusionauth.jwt.rsa.RSAPSSVerifier;
import io.fusionauth.jwt.rsa.RSAVerifier;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.PublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected.Reason;
import org.authbench.auth.Rejected;
import org.authbench.jwt.CompactJws;
import org.authbench.jwt.VerifierPolicy;

/**
 * fusionauth-jwt 5.x through {@link JWTDecoder#decode(String, Verifier...)}, the library's documented way to
 * verify and decode; decoder and verifier are built once in the constructor and are stateless per token.
 *
 * <p>What fusionauth-jwt needed to reach {@link VerifierPolicy}:
 * <ul>
 *   <li>a verifier pinned to one algorithm: {@code HMACVerifier}/{@code RSAVerifier}/{@code ECVerifier} each
 *       accept every size of their family ({@code canVerify(HS512)} is true for an HMAC verifier), so the
 *       library's verifier is wrapped in one whose {@code canVerify} is true for the pinned algorithm only;
 *       any other {@code alg} then fails with {@code MissingVerifierException}. Passing a verifier at all is
 *       what refuses {@code alg: none} (the decoder with no verifier accepts unsigned tokens);</li>
 *   <li>{@code exp} required by the adapter: the decoder accepts a token without one;</li>
 *   <li>the {@code exp} boundary checked by the adapter: fusionauth calls a token expired only when
 *       {@code exp < now}, the policy (and RFC 7519) when {@code now >= exp};</li>
 *   <li>{@code iss} and {@code aud} (string or array) checked by the adapter: the decoder checks neither;</li>
 *   <li>{@code crit} refused by the adapter: the decoder ignores it;</li>
 *   <li>ES256/ES384 signatures of exactly 64/96 bytes, checked by the adapter: fusionauth's {@code ECVerifier} splits a
 *       signature of any length into r and s, so zero-padded r || s of 66 or 514 bytes also verify;</li>
 *   <li>a fixed policy clock through {@code JWT.getTimeMachineDecoder(now)}, built once; with the system clock
 *       {@code JWT.getDecoder()}; skew from the policy via {@code withClockSkew} (the default is 0 too);</li>
 *   <li>with a key set, {@link JWTDecoder#decode(String, Map)}: fusionauth's own selection, a map from the
 *       header's {@code kid} to a (pinned) verifier per key. A missing or unknown {@code kid} finds no verifier and
 *       fails like a foreign algorithm, with {@code MissingVerifierException}, whose message names the header's
 *       algorithm: when that is the pinned one, the refusal is reported as {@code UNKNOWN_KEY}.</li>
 * </ul>
 * Header keys are never used: the decoder only ever sees the one pinned verifier.
 *
 * <p>Exceptions: {@code JWTVerifierException} (the JCA refused the signature value, e.g. a truncated RSA
 * signature) is a bad signature. An empty signature ({@code header.payload.}) reaches the library as an
 * unsecured JWT and is refused as {@code NoneNotAllowedException}, so it reads as a refused algorithm; an
 * {@code alg} outside fusionauth's enum ({@code nOnE}) fails to deserialise and reads as malformed.
 *
 * <p>fusionauth-jwt has no JWS-only API (its decoder always parses the payload as a claim set), so in
 * {@link VerifierPolicy#jwsOnly()} mode the adapter uses the lowest public layer: {@link JWTUtils#decodeHeader}
 * for the header, {@code java.util.Base64}'s URL decoder (the one fusionauth uses) for payload and signature,
 * and the same pinned {@link Verifier#verify} over the signing input.
 */
public final class FusionAuthVerifier implements Authenticator {

    // The decoder fusionauth itself uses for every part.
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    private final VerifierPolicy policy;
    private final Algorithm algorithm;
    private final int ecSignatureLength;
    private final Verifier verifier;
    /** kid → pinned verifier with a key set, else null. A HashMap: fusionauth looks a missing kid up as null. */
    private final Map<String, Verifier> verifiersByKid;
    private final String unknownKidMessage;
    private final JWTDecoder decoder;

    public FusionAuthVerifier(VerifierPolicy policy) {
        this.policy = policy;
        FusionAuth.requireSupport(policy.algorithm());
        this.algorithm = Algorithm.valueOf(policy.algorithm().name());
        this.ecSignatureLength = 2 * policy.algorithm().ecCoordinateBytes();
        if (policy.hasKeySet()) {
            this.verifier = null;
            this.verifiersByKid = new HashMap<>();
            policy.keysById().forEach((kid, key) -> verifiersByKid.put(kid, pinnedVerifier(policy, key)));
        } else {
            this.verifier = pinnedVerifier(policy, policy.key());
            this.verifiersByKid = null;
        }
        // The end of fusionauth's MissingVerifierException message for the pinned algorithm (5.3.3 names it by getName()).
        this.unknownKidMessage = "signed using [" + algorithm.getName() + "]";
        JWTDecoder d = policy.fixedClock()
                ? JWT.getTimeMachineDecoder(Instant.ofEpochSecond(policy.nowEpochSecond()).atZone(ZoneOffset.UTC))
                : JWT.getDecoder();
        this.decoder = d.withClockSkew(Math.toIntExact(policy.leewaySeconds()));
    }

    private Verifier pinnedVerifier(VerifierPolicy policy, Key key) {
        Verifier family = switch (policy.algorithm()) {
            case HS256, HS512 -> HMACVerifier.newVerifier(key.getEncoded());
            case RS256 -> RSAVerifier.newVerifier((PublicKey) key);
            case PS256 -> RSAPSSVerifier.newVerifier((PublicKey) key);
            case ES256, ES384 -> ECVerifier.newVerifier((PublicKey) key);
            case EdDSA -> throw new IllegalStateException("unreachable: requireSupport refused EdDSA");
        };
        return new PinnedVerifier(algorithm, family);
    }

    @Override
    public Principal authenticate(String token) throws Rejected {
        if (policy.jwsOnly()) {
            return verifyJwsOnly(token);
        }
        JWT jwt;
        try {
            jwt = verifiersByKid == null ? decoder.decode(token, verifier) : decoder.decode(token, verifiersByKid);
        } catch (MissingVerifierException e) {
            boolean unknownKid = verifiersByKid != null && String.valueOf(e.getMessage()).endsWith(unknownKidMessage);
            throw new Rejected(unknownKid ? Reason.UNKNOWN_KEY : Reason.ALGORITHM_NOT_ALLOWED, e.getMessage(), e);
        } catch (NoneNotAllowedException | MissingSignatureException e) {
            throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, e.getMessage(), e);
        } catch (InvalidJWTSignatureException | JWTVerifierException e) {
            throw new Rejected(Reason.BAD_SIGNATURE, e.getMessage(), e);
        } catch (JWTExpiredException e) {
            throw new Rejected(Reason.EXPIRED, "expired", e);
        } catch (JWTUnavailableForProcessingException e) {
            throw new Rejected(Reason.NOT_YET_VALID, "not yet valid", e);
        } catch (InvalidJWTException | IllegalArgumentException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        } catch (NullPointerException e) {
            // fusionauth-jwt 5.3.3 dereferences header.algorithm unchecked: a header without "alg" throws NPE.
            throw new Rejected(Reason.MALFORMED, "header has no alg (library threw " + e.getClass().getSimpleName() + ")", e);
        }
        checkSignatureLength(token);
        checkClaims(jwt);
        return new Principal(jwt.subject, jwt.uniqueId);
    }

    private void checkClaims(JWT jwt) throws Rejected {
        if (jwt.header.get("crit") != null) {
            throw new Rejected(Reason.UNSUPPORTED, "crit names extensions this verifier does not understand");
        }
        if (jwt.expiration == null) {
            throw new Rejected(Reason.MISSING_CLAIM, "exp is required");
        }
        long now = policy.nowEpochSecond();
        if (now >= jwt.expiration.toEpochSecond() + policy.leewaySeconds()) {
            throw new Rejected(Reason.EXPIRED, "expired at " + jwt.expiration.toEpochSecond());
        }
        if (policy.issuer() != null && !policy.issuer().equals(jwt.issuer)) {
            throw new Rejected(Reason.WRONG_ISSUER, "issuer is " + jwt.issuer);
        }
        String want = policy.audience();
        if (want != null) {
            Object aud = jwt.audience;
            boolean matched = aud instanceof String s ? s.equals(want)
                    : aud instanceof List<?> list && list.contains(want);
            if (!matched) {
                throw new Rejected(Reason.WRONG_AUDIENCE, "audience does not contain " + want);
            }
        }
    }

    private Principal verifyJwsOnly(String token) throws Rejected {
        int[] dots = CompactJws.dots(token);
        int dot1 = dots[0];
        int dot2 = dots[1];
        try {
            Header header = JWTUtils.decodeHeader(token);
            if (header.algorithm != algorithm) {
                throw new Rejected(Reason.ALGORITHM_NOT_ALLOWED, "alg " + header.algorithm + " is not the pinned " + algorithm);
            }
            if (header.get("crit") != null) {
                throw new Rejected(Reason.UNSUPPORTED, "crit names extensions this verifier does not understand");
            }
            checkSignatureLength(token);
            B64.decode(token.substring(dot1 + 1, dot2)); // the payload must be base64url, even unread
            byte[] signature = B64.decode(token.substring(dot2 + 1));
            verifier.verify(algorithm, token.substring(0, dot2).getBytes(StandardCharsets.US_ASCII), signature);
        } catch (InvalidJWTSignatureException | JWTVerifierException e) {
            throw new Rejected(Reason.BAD_SIGNATURE, e.getMessage(), e);
        } catch (InvalidJWTException | IllegalArgumentException e) {
            throw new Rejected(Reason.MALFORMED, e.getMessage(), e);
        }
        return new Principal(null, null);
    }

    /**
     * JWS ES256/ES384 signatures are exactly r || s, 64/96 bytes. fusionauth splits a signature of any even length into
     * halves, so r and s left-padded with zeros (66 or 514 bytes; Wycheproof JWS tcId 379, 385) verify too.
     */
    private void checkSignatureLength(String token) throws Rejected {
        if (ecSignatureLength == 0) {
            return;
        }
        int dot = token.lastIndexOf('.');
        // 64 (96) bytes are 86 (128) base64url characters without padding; anything else cannot be P1363 r || s.
        if (dot >= 0 && token.length() - dot - 1 != (ecSignatureLength * 4 + 2) / 3) {
            throw new Rejected(Reason.BAD_SIGNATURE, algorithm + " signature is not " + ecSignatureLength + " bytes");
        }
    }

    /** The library's verifier, answering {@code canVerify} for the pinned algorithm only. */
    private record PinnedVerifier(Algorithm pinned, Verifier delegate) implements Verifier {

        @Override
        public boolean canVerify(Algorithm alg) {
            return alg == pinned;
        }

        @Override
        public void verify(Algorithm alg, byte[] message, byte[] signature) {
            delegate.verify(alg, message, signature);
        }
    }
}
