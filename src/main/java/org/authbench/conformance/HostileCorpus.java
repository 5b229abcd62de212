package org.authbench.conformance;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;

/**
 * The project's own hostile corpus, from keys of a seed chosen per run (recorded in the report, so a finding
 * can be replayed with {@code --seed}): per algorithm, a small valid pool that must be accepted as the right
 * principals and every {@link Hostile} variant, which must be refused.
 */
final class HostileCorpus {

    static final int POOL = 4;

    private HostileCorpus() {
    }

    /**
     * The same signature value in a longer encoding: ES256 r and s each zero-padded to 33 bytes (66, where JWS
     * says exactly 64; the Wycheproof P1363 "SignatureSize" cases are the shorter form), RS256 with a leading
     * zero byte (257, where it must be the modulus length). The JDK's primitives take both; a JWS verifier must not.
     */
    private static String wrongSizeSignature(String token, JwtAlgorithm alg) {
        int dot = token.lastIndexOf('.');
        byte[] sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        byte[] longer;
        if (alg == JwtAlgorithm.ES256) {
            longer = new byte[sig.length + 2];
            System.arraycopy(sig, 0, longer, 1, sig.length / 2);
            System.arraycopy(sig, sig.length / 2, longer, sig.length / 2 + 2, sig.length / 2);
        } else if (alg == JwtAlgorithm.RS256) {
            longer = new byte[sig.length + 1];
            System.arraycopy(sig, 0, longer, 1, sig.length);
        } else {
            return null;
        }
        return token.substring(0, dot + 1) + JwsSigner.b64(longer);
    }

    /**
     * The algorithms the conformance check covers: the external vectors are HS256/RS256/ES256, and the seeded
     * robustness corpus is drawn over these three, so its results stay comparable between runs. The other
     * algorithms' hostile variants are proven per adapter by {@code AdapterContractTest} and by every trial's setup.
     */
    static final List<JwtAlgorithm> ALGORITHMS = List.of(JwtAlgorithm.HS256, JwtAlgorithm.RS256, JwtAlgorithm.ES256);

    static Map<JwtAlgorithm, JwtFixture> fixtures(long seed, long now) {
        Map<JwtAlgorithm, JwtFixture> m = new EnumMap<>(JwtAlgorithm.class);
        for (JwtAlgorithm alg : ALGORITHMS) {
            m.put(alg, JwtFixture.fixed(alg, POOL, now, seed));
        }
        return m;
    }

    static List<Case> cases(Map<JwtAlgorithm, JwtFixture> fixtures) {
        List<Case> out = new ArrayList<>();
        for (JwtFixture f : fixtures.values()) {
            String[] valid = f.validTokens();
            for (int i = 0; i < valid.length; i++) {
                out.add(Case.token(Family.HOSTILE, f.algorithm() + ":VALID#" + i, "valid pool token", f.policy(),
                        valid[i], Expected.ACCEPT, true, f.principal(i)));
            }
            for (Map.Entry<Hostile, String> h : f.hostileTokens().entrySet()) {
                out.add(Case.token(Family.HOSTILE, f.algorithm() + ":" + h.getKey(), "hostile variant", f.policy(),
                        h.getValue(), Expected.REJECT, true, null));
            }
            String wrongSize = wrongSizeSignature(valid[0], f.algorithm());
            if (wrongSize != null) {
                out.add(Case.token(Family.HOSTILE, f.algorithm() + ":SIGNATURE_WRONG_SIZE",
                        "valid signature re-encoded with leading zero bytes (RFC 7518 fixes its length)", f.policy(),
                        wrongSize, Expected.REJECT, true, null));
            }
        }
        return out;
    }
}
