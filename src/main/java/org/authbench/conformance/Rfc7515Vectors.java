package org.authbench.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.authbench.auth.Principal;
import org.authbench.fixture.JwsSigner;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.VerifierPolicy;

/**
 * RFC 7515 Appendix A.1-A.3 ({@code rfc7515/appendix-a.json}) under the full claim policy with a fixed clock
 * before their {@code exp} and no {@code iss}/{@code aud}, each with four tampered versions that must be
 * refused: payload changed, a signature bit flipped, {@code alg: none} without signature, and the clock at
 * {@code exp}.
 */
public final class Rfc7515Vectors {

    /** The clock the examples verify at: 380 s before their {@code exp} of 1300819380. */
    public static final long CLOCK = 1_300_819_000L;
    /** Their {@code exp}: at this instant they have expired. */
    public static final long EXP = 1_300_819_380L;
    public static final String FILE = "rfc7515/appendix-a.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Rfc7515Vectors() {
    }

    public static List<Case> load(Path file) throws IOException {
        JsonNode root = JSON.readTree(file.toFile());
        List<Case> out = new ArrayList<>();
        for (JsonNode v : root.get("vectors")) {
            String id = v.get("id").asText();
            JwtAlgorithm alg = JwtAlgorithm.parse(v.get("alg").asText());
            VerifierPolicy policy = VerifierPolicy.of(alg, JwkKeys.parse(v.get("jwk")), null, null).withClock(at(CLOCK));
            String jws = v.get("jws").asText();
            String[] p = jws.split("\\.");
            Principal none = new Principal(null, null);
            out.add(Case.token(Family.RFC7515, id, "RFC 7515 example, clock " + CLOCK, policy, jws, Expected.ACCEPT,
                    true, none));
            String payload = new String(Base64.getUrlDecoder().decode(p[1]), StandardCharsets.UTF_8)
                    .replace("\"joe\"", "\"eve\"");
            out.add(Case.token(Family.RFC7515, id + "-tampered-payload", "iss changed, signature kept", policy,
                    p[0] + "." + JwsSigner.b64(payload) + "." + p[2], Expected.REJECT, true, null));
            byte[] sig = Base64.getUrlDecoder().decode(p[2]);
            sig[sig.length / 2] ^= 0x01;
            out.add(Case.token(Family.RFC7515, id + "-flipped-signature", "one signature bit flipped", policy,
                    p[0] + "." + p[1] + "." + JwsSigner.b64(sig), Expected.REJECT, true, null));
            out.add(Case.token(Family.RFC7515, id + "-alg-none", "header alg none, no signature", policy,
                    JwsSigner.b64("{\"alg\":\"none\"}") + "." + p[1] + ".", Expected.REJECT, true, null));
            out.add(Case.token(Family.RFC7515, id + "-expired", "clock at exp " + EXP, policy.withClock(at(EXP)), jws,
                    Expected.REJECT, true, null));
        }
        return out;
    }

    static Clock at(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }
}
