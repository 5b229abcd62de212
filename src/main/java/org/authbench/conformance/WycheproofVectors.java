package org.authbench.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.fixture.JwsSigner;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.VerifierPolicy;

/**
 * Reads the Project Wycheproof files (v1 format, {@code wycheproof/schemas}) into {@link Case}s.
 *
 * <p>JWS groups carry the key as a JWK whose {@code alg} names the algorithm; groups whose algorithm the
 * common policy does not pin (PS256, RS384, ES512...) and keys without {@code alg} (encryption keys whose
 * {@code use}/{@code key_ops} forbid signing: an adapter is handed a bare key, so that metadata never reaches
 * it) are "not applicable". The raw-signature files become message cases for {@link MessageApi}.
 */
final class WycheproofVectors {

    static final String JWS = "wycheproof/json_web_signature_test.json";
    static final String ECDSA_P1363 = "wycheproof/ecdsa_secp256r1_sha256_p1363_test.json";
    static final String RSA_PKCS1 = "wycheproof/rsa_signature_2048_sha256_test.json";
    static final String ECDSA_DER = "wycheproof/ecdsa_secp256r1_sha256_test.json";
    static final List<String> FILES = List.of(JWS, ECDSA_P1363, RSA_PKCS1, ECDSA_DER);

    /** Valid by the file, refused by a strict base64url decoder: either outcome is correct, and reported. */
    static final List<Integer> EITHER_REPORTED = List.of(372, 373);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private WycheproofVectors() {
    }

    static List<Case> jws(Path file) throws IOException {
        List<Case> out = new ArrayList<>();
        for (JsonNode g : JSON.readTree(file.toFile()).get("testGroups")) {
            // Some invalid cases (367, 370: "invalid padding") are byte for byte a valid case of the same group:
            // the file contradicts itself there, so either outcome counts as correct and is reported.
            Map<String, Integer> validTokens = new LinkedHashMap<>();
            for (JsonNode t : g.get("tests")) {
                if ("valid".equals(t.get("result").asText())) {
                    validTokens.putIfAbsent(t.get("jws").asText(), t.get("tcId").asInt());
                }
            }
            JsonNode priv = g.get("private");
            JsonNode pub = g.get("public");
            String alg = priv.path("alg").asText(pub == null ? null : pub.path("alg").asText(null));
            JwtAlgorithm pinned = covered(alg);
            VerifierPolicy policy = null;
            if (pinned != null) {
                JsonNode jwk = pinned.isHmac() ? priv : pub;
                policy = VerifierPolicy.of(pinned, JwkKeys.parse(jwk), null, null)
                        .withClock(Rfc7515Vectors.at(Rfc7515Vectors.CLOCK)).withJwsOnly(true);
            }
            for (JsonNode t : g.get("tests")) {
                int tcId = t.get("tcId").asInt();
                String id = "tc" + tcId;
                String comment = g.get("comment").asText() + ": " + t.get("comment").asText();
                Expected expected = EITHER_REPORTED.contains(tcId) ? Expected.EITHER_REPORTED : expected(t);
                Integer twin = validTokens.get(t.get("jws").asText());
                if (expected == Expected.REJECT && twin != null) {
                    expected = Expected.EITHER_REPORTED;
                    comment += " (identical to valid tc" + twin + ")";
                }
                if (alg == null) {
                    out.add(Case.notApplicable(Family.WYCHEPROOF_JWS, id, comment, expected,
                            "key without alg (use/key_ops restrict it): an adapter gets a bare key, not its JWK metadata"));
                } else if (pinned == null) {
                    out.add(Case.notApplicable(Family.WYCHEPROOF_JWS, id, comment, expected,
                            alg + " is not an algorithm the conformance check covers (HS256, RS256, ES256)"));
                } else {
                    String jws = t.get("jws").asText();
                    out.add(Case.token(Family.WYCHEPROOF_JWS, id, comment, policy, jws, expected, isClaimSet(jws), null));
                }
            }
        }
        return out;
    }

    /** P1363 or PKCS #1 signatures over raw messages: their result is the expectation. */
    static List<Case> signatures(Path file, Family family) throws IOException {
        List<Case> out = new ArrayList<>();
        for (JsonNode g : JSON.readTree(file.toFile()).get("testGroups")) {
            VerifierPolicy policy = rawPolicy(family, g);
            for (JsonNode t : g.get("tests")) {
                String id = "tc" + t.get("tcId").asInt();
                String comment = t.get("comment").asText() + " " + t.get("flags") + " (" + t.get("result").asText() + ")";
                byte[] msg = HEX.parseHex(t.get("msg").asText());
                byte[] sig = HEX.parseHex(t.get("sig").asText());
                // A DER signature is never a JWS ES256 signature, however valid it is as ASN.1 ECDSA.
                Expected expected = family == Family.WYCHEPROOF_ECDSA_DER ? Expected.REJECT : expected(t);
                out.add(Case.message(family, id, comment, policy, msg, sig, expected));
            }
        }
        return out;
    }

    private static VerifierPolicy rawPolicy(Family family, JsonNode g) {
        if (family == Family.WYCHEPROOF_RSA_PKCS1) {
            return VerifierPolicy.of(JwtAlgorithm.RS256, JwkKeys.parse(g.get("keyJwk")), null, null);
        }
        JsonNode pk = g.get("publicKey");
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "EC");
        jwk.put("crv", "P-256");
        jwk.put("x", JwsSigner.b64(JwkKeys.unsignedBytes(new BigInteger(pk.get("wx").asText(), 16), 32)));
        jwk.put("y", JwsSigner.b64(JwkKeys.unsignedBytes(new BigInteger(pk.get("wy").asText(), 16), 32)));
        return VerifierPolicy.of(JwtAlgorithm.ES256, JwkKeys.parse(JSON.valueToTree(jwk)), null, null);
    }

    private static Expected expected(JsonNode t) {
        return switch (t.get("result").asText()) {
            case "valid" -> Expected.ACCEPT;
            case "acceptable" -> Expected.EITHER;
            default -> Expected.REJECT;
        };
    }

    private static JwtAlgorithm covered(String alg) {
        for (JwtAlgorithm a : HostileCorpus.ALGORITHMS) {
            if (a.name().equals(alg)) {
                return a;
            }
        }
        return null;
    }

    /** Whether the compact JWS's payload decodes (leniently) to a JSON object. */
    private static boolean isClaimSet(String jws) {
        String[] p = jws.split("\\.", -1);
        if (p.length != 3) {
            return false;
        }
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(p[1])).isObject();
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
