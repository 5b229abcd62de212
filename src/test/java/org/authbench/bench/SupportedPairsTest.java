package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.api.Test;

/**
 * {@code run}'s split of a parameter grid: the grids together cover exactly the supported library × algorithm
 * pairs, each once; the others are named with their reason; benchmarks without both parameters are untouched.
 */
class SupportedPairsTest {

    private static final String VALID = "org.authbench.bench.VerifyBenchmark.verify_valid";
    private static final String BAD = "org.authbench.bench.VerifyBenchmark.verify_badSignature";
    private static final String FLOOR = "org.authbench.bench.CryptoFloorBenchmark.floor_jwsSignature";

    @Test
    void gridsCoverEverySupportedPairOnceAndNameTheRest() {
        Map<String, String[]> params = new LinkedHashMap<>();
        params.put("poolSize", new String[] {"256"});
        SupportedPairs.Split split = SupportedPairs.split(List.of(VALID, BAD, FLOOR), params);

        Set<String> covered = new HashSet<>();
        int floorGrids = 0;
        for (SupportedPairs.Grid g : split.grids()) {
            assertThat(g.params().get("poolSize")).containsExactly("256");
            if (g.benchmarks().contains(FLOOR)) {
                floorGrids++;
                assertThat(g.benchmarks()).containsExactly(FLOOR);
                assertThat(g.params()).doesNotContainKeys("library", "alg");
                continue;
            }
            assertThat(g.benchmarks()).containsExactly(VALID, BAD);
            for (String lib : g.params().get("library")) {
                for (String alg : g.params().get("alg")) {
                    assertThat(covered.add(lib + " " + alg)).as("%s %s covered twice", lib, alg).isTrue();
                }
            }
        }
        assertThat(floorGrids).isEqualTo(1);
        // Expected from the enum (every library's own table of gaps), so a new library needs no edit here.
        Set<String> supported = new HashSet<>();
        Map<String, String> unsupported = new HashMap<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                if (l.supports(a)) {
                    supported.add(l.name() + " " + a.name());
                } else {
                    unsupported.put(l.name() + " " + a.name(), l.unsupportedReason(a));
                }
            }
        }
        assertThat(unsupported).as("some pair is unsupported, so the split has something to drop").isNotEmpty();
        assertThat(covered).isEqualTo(supported);
        assertThat(split.unsupported()).isEqualTo(unsupported);
    }

    @Test
    void aGridWithOnlySupportedPairsRunsAsGiven() {
        Map<String, String[]> params = Map.of("library", new String[] {"AUTH0", "REFERENCE"}, "alg", new String[] {"HS256", "PS256"});
        SupportedPairs.Split split = SupportedPairs.split(List.of(VALID), params);
        assertThat(split.unsupported()).isEmpty();
        assertThat(split.grids()).singleElement().satisfies(g -> {
            assertThat(g.benchmarks()).containsExactly(VALID);
            assertThat(g.params()).isSameAs(params);
        });
    }

    @Test
    void aGridWithNoSupportedPairIsEmpty() {
        SupportedPairs.Split split = SupportedPairs.split(List.of(VALID),
                Map.of("library", new String[] {"AUTH0"}, "alg", new String[] {"EdDSA"}));
        assertThat(split.grids()).isEmpty();
        assertThat(split.unsupported()).containsOnlyKeys("AUTH0 EdDSA");
    }
}
