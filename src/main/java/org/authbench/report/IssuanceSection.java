package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * "Issuance": what signing costs per library and algorithm ({@code IssueBenchmark.issue}), beside verifying the
 * same token shape. Also holds how a row finds the uncached {@code verify_valid} of its library and algorithm,
 * which "Cached verification" shares. Ratios compare the same JMH mode when both rows have it.
 */
final class IssuanceSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Doc.Section s = doc.section("issuance", "Issuance");
        List<MeasuredScheme> sign = sorted(a.base(Analysis.ISSUE), Comparator.comparingDouble(x -> x.ns().value()));
        if (sign.isEmpty()) {
            Doc.para(s, "Not measured in this run (no `IssueBenchmark` rows; the `full` profile runs them).");
            return;
        }
        Doc.para(s, "Signing one claim set (the verified tokens' claims, distinct `sub` and `jti` per call) into a compact "
                + "JWS through each library's issuing API, next to verifying the same shape of token "
                + "(`VerifyBenchmark.verify_valid`, same library and algorithm, same mode when measured in it). ns/op ± "
                + Fmt.CI + "; sign ÷ verify below 1× means signing is cheaper.");
        List<List<String>> rows = new ArrayList<>();
        for (MeasuredScheme x : sign) {
            Estimate verify = sameMode(x, verifyOf(a, x));
            rows.add(List.of(x.param("alg"), x.param("library"), Fmt.pm(x.ns()), JmhRow.modeName(x.cost().mode()),
                    verify == null ? "—" : Fmt.pm(verify), verify == null ? "—" : Fmt.times(x.ns().over(verify)),
                    x.bytes() == null ? "—" : Fmt.pm(x.bytes())));
        }
        s.blocks().add(new Doc.Table(List.of("alg", "library", "sign ns/op ± " + Fmt.CI, "mode", "verify ns/op",
                "sign ÷ verify", "sign B/op"), rows));
    }

    /** By algorithm (the suite's order, then others), library, then {@code within}. */
    static List<MeasuredScheme> sorted(List<MeasuredScheme> in, Comparator<MeasuredScheme> within) {
        List<String> algOrder = Analysis.ALG_ORDER;
        Comparator<MeasuredScheme> byAlg = Comparator.comparingInt(x -> {
            int i = algOrder.indexOf(x.param("alg"));
            return i < 0 ? algOrder.size() : i;
        });
        List<MeasuredScheme> out = new ArrayList<>(in);
        out.sort(byAlg.thenComparing(x -> String.valueOf(x.param("alg")))
                .thenComparing(x -> String.valueOf(x.param("library"))).thenComparing(within));
        return out;
    }

    static double ratio(MeasuredScheme x) {
        try {
            return Double.parseDouble(x.param("cacheHitRatio"));
        } catch (NumberFormatException | NullPointerException e) {
            return Double.NaN;
        }
    }

    /**
     * The uncached verification of the same library and algorithm; when several rows qualify (verification measured
     * under another parameter too), the first whose every parameter shared with {@code x} has {@code x}'s value.
     */
    static MeasuredScheme verifyOf(Analysis a, MeasuredScheme x) {
        List<MeasuredScheme> same = a.base(Analysis.VERIFY).stream()
                .filter(v -> Objects.equals(v.param("library"), x.param("library"))
                        && Objects.equals(v.param("alg"), x.param("alg")))
                .toList();
        return same.stream()
                .filter(v -> v.params().entrySet().stream().allMatch(e -> !x.params().containsKey(e.getKey())
                        || Objects.equals(x.param(e.getKey()), e.getValue())))
                .findFirst().orElse(same.isEmpty() ? null : same.get(0));
    }

    /** {@code other}'s cost in {@code x}'s mode when measured in it, else its preferred mode; null when absent. */
    static Estimate sameMode(MeasuredScheme x, MeasuredScheme other) {
        if (other == null) {
            return null;
        }
        JmhRow same = other.byMode().get(x.cost().mode());
        return same != null ? same.nsPerOp() : other.ns();
    }
}
