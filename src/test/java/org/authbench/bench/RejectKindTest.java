package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.authbench.support.JwtCases.assertRejected;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;
import org.authbench.fixture.RejectKind;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@link RejectKind} pool is refused by every adapter × algorithm with the reason {@code RejectBenchmark}'s
 * setup demands: what its trials prove before timing, checked here without JMH.
 */
class RejectKindTest {

    static final long NOW = 1_750_000_000L;
    private static final Map<String, RejectKind.Pool> POOLS = new ConcurrentHashMap<>();

    static RejectKind.Pool pool(RejectKind kind, JwtAlgorithm alg) {
        return POOLS.computeIfAbsent(kind + "/" + alg, k -> kind.pool(alg, 8, NOW, 42));
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                for (RejectKind k : RejectKind.values()) {
                    if (l.supports(a)) {
                        out.add(Arguments.of(l, a, k));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} refuses {2}")
    @MethodSource("cases")
    void everyTokenOfThePoolIsRefusedForTheExpectedReason(JwtLibrary library, JwtAlgorithm alg, RejectKind kind) {
        RejectKind.Pool p = pool(kind, alg);
        Authenticator v = library.create(p.policy());
        for (String token : p.tokens()) {
            assertRejected(v, token, RejectBenchmark.expectedReason(library, kind));
        }
    }

    @Test
    void poolsHoldDistinctTokensAndOnlyTheKidKindNeedsAKeySet() {
        for (RejectKind k : RejectKind.values()) {
            RejectKind.Pool p = pool(k, JwtAlgorithm.HS256);
            assertThat(p.tokens()).as(k.name()).hasSize(8).doesNotHaveDuplicates();
            assertThat(p.policy().hasKeySet()).as(k.name()).isEqualTo(k == RejectKind.UNKNOWN_KID);
        }
        assertThat(Arrays.stream(pool(RejectKind.NOT_THREE_PARTS, JwtAlgorithm.RS256).tokens())
                .allMatch(t -> t.chars().filter(c -> c == '.').count() == 1)).isTrue();
        assertThat(Arrays.stream(pool(RejectKind.GARBAGE, JwtAlgorithm.RS256).tokens())
                .noneMatch(t -> t.indexOf('.') >= 0)).isTrue();
    }

    /** A library's module may restate only the {@code alg: none} refusal; the reference's is every kind's own. */
    @Test
    void onlyAlgNoneMayBeReportedDifferently() {
        for (JwtLibrary l : JwtLibrary.values()) {
            for (RejectKind k : RejectKind.values()) {
                Reason expected = RejectBenchmark.expectedReason(l, k);
                if (k != RejectKind.ALG_NONE || l == JwtLibrary.REFERENCE) {
                    assertThat(expected).as(l + " " + k).isEqualTo(k.reason());
                }
            }
        }
    }
}
