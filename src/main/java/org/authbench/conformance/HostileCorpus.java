package org.authbench.conformance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.authbench.fixture.Hostile;
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

    static Map<JwtAlgorithm, JwtFixture> fixtures(long seed, long now) {
        Map<JwtAlgorithm, JwtFixture> m = new java.util.EnumMap<>(JwtAlgorithm.class);
        for (JwtAlgorithm alg : JwtAlgorithm.values()) {
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
        }
        return out;
    }
}
