package org.authbench.jwt.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.authbench.support.JwtCases.refusal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.junit.jupiter.api.Test;

/**
 * The reference verifier's own parsing, which the libraries get from their dependencies: strict base64url
 * (the JDK's decoder over a segment in the middle of the token's bytes, plus the padding and unused-bit checks
 * the JDK's decoder leaves out) and duplicate members of the header and the claim set.
 */
class ReferenceVerifierTest {

    private static final long NOW = 1_750_000_000L;
    private static final JwtFixture HS = JwtFixture.fixed(JwtAlgorithm.HS256, 2, NOW, 7);
    private static final ReferenceVerifier VERIFIER = new ReferenceVerifier(HS.policy());

    private static String claims(String extra) {
        return "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE
                + "\",\"sub\":\"alice\",\"jti\":\"t-1\",\"exp\":" + (NOW + 60) + extra + "}";
    }

    private static String hs256(String header, String payload) {
        return JwsSigner.sign(header, payload, "HmacSHA256", HS.keys().signingKey());
    }

    @Test
    void decodesExactlyWhatTheJdkDecodesForEveryLength() throws Rejected {
        Random rnd = new Random(42);
        for (int n = 0; n < 200; n++) {
            byte[] raw = new byte[n];
            rnd.nextBytes(raw);
            String enc = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
            byte[] src = ("x." + enc + ".y").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(ReferenceVerifier.decode(src, 2, 2 + enc.length())).as("length %d", n).isEqualTo(raw);
        }
    }

    @Test
    void refusesNonCanonicalImpossibleAndForeignSegments() {
        // "QQ" decodes to 'A' with zero unused bits; "QR" sets an unused bit; "QUI" vs "QUJ" likewise.
        assertThat(rejects("QR")).contains("not canonical");
        assertThat(rejects("QUJ")).contains("not canonical");
        assertThat(rejects("QUJDR")).contains("impossible length");
        for (String bad : new String[] {"QUJ=", "QU+D", "QU/D", "QU D", "QUJ\u00e9", "QUJ\u0100"}) {
            assertThat(rejects(bad)).as(bad).contains("outside the alphabet");
        }
    }

    private static String rejects(String segment) {
        byte[] src = segment.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> ReferenceVerifier.decode(src, 0, src.length)).isInstanceOf(Rejected.class)
                .extracting(e -> ((Rejected) e).reason()).isEqualTo(Reason.MALFORMED);
        try {
            ReferenceVerifier.decode(src, 0, src.length);
            return "";
        } catch (Rejected e) {
            return e.getMessage();
        }
    }

    @Test
    void aCharacterBeyondLatin1AnywhereIsMalformedNotASignatureFailure() {
        String token = hs256("{\"alg\":\"HS256\"}", claims(""));
        int dot = token.lastIndexOf('.');
        String withSnowman = token.substring(0, dot + 3) + "\u2603" + token.substring(dot + 4);
        assertThat(refusal(VERIFIER, withSnowman)).isEqualTo(Reason.MALFORMED);
    }

    @Test
    void duplicateMembersThatDecideAnythingAreRefused() throws Rejected {
        assertThat(VERIFIER.authenticate(hs256("{\"alg\":\"HS256\"}", claims(""))))
                .isEqualTo(new Principal("alice", "t-1"));
        // A second exp in the past: a parser keeping the first would accept an expired token.
        assertThat(refusal(VERIFIER, hs256("{\"alg\":\"HS256\"}", claims(",\"exp\":" + (NOW - 60)))))
                .isEqualTo(Reason.MALFORMED);
        for (String claim : new String[] {"\"sub\":\"mallory\"", "\"jti\":\"x\"", "\"iss\":\"x\"", "\"aud\":\"x\"",
                "\"nbf\":1,\"nbf\":1", "\"iat\":1,\"iat\":1"}) {
            assertThat(refusal(VERIFIER, hs256("{\"alg\":\"HS256\"}", claims("," + claim)))).as(claim)
                    .isEqualTo(Reason.MALFORMED);
        }
        assertThat(refusal(VERIFIER, hs256("{\"alg\":\"HS256\",\"alg\":\"HS256\"}", claims(""))))
                .isEqualTo(Reason.MALFORMED);
        // A duplicate of a member nothing reads changes no decision (RFC 7519 section 4 allows last-wins).
        assertThat(VERIFIER.authenticate(hs256("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"typ\":\"JWT\"}",
                claims(",\"scope\":\"a\",\"scope\":\"b\"")))).isEqualTo(new Principal("alice", "t-1"));
    }
}
