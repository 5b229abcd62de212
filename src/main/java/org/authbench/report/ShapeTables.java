package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * What the reject-path, claim-count and JWK-set-size sections share, for {@code RejectBenchmark.reject},
 * {@code VerifyBenchmark.verify_badSignature} and {@code TokenShapeBenchmark.verify_claims}/{@code verify_kid} rows:
 * each section appears only when the run holds its rows (the {@code rejects} and {@code full} profiles); every cell
 * is ns/op ± its 95% CI over forks, and ratios to {@code verify_valid} of the same library and algorithm resample both rows.
 */
final class ShapeTables {

    static final String REJECT = "RejectBenchmark.reject";
    static final String BAD_SIGNATURE = "VerifyBenchmark.verify_badSignature";
    static final String CLAIMS = "TokenShapeBenchmark.verify_claims";
    static final String KID = "TokenShapeBenchmark.verify_kid";
    /** Kinds in the order a token is read (shape, header, signature, claims); others follow as they appear. */
    static final List<String> KIND_ORDER = List.of("GARBAGE", "NOT_THREE_PARTS", "BROKEN_JSON", "ALG_NONE",
            "UNKNOWN_KID", "EXPIRED");

    private ShapeTables() {
    }

    /** One table per algorithm: a row per library, a column per value of {@code param}, then the ratios. */
    static void sizeTables(Analysis a, Doc.Section s, List<MeasuredScheme> shapes, String param, String unit) { // unit: plural
        List<Integer> sizes = shapes.stream().map(x -> Integer.valueOf(x.param(param))).distinct().sorted().toList();
        boolean kid = param.equals("jwkSetSize");
        for (String alg : algorithms(shapes)) {
            List<String> header = new ArrayList<>(List.of("library"));
            sizes.forEach(n -> header.add(n + " " + (n == 1 ? unit.substring(0, unit.length() - 1) : unit)));
            if (sizes.size() > 1) {
                header.add(sizes.get(sizes.size() - 1) + " ÷ " + sizes.get(0));
            }
            if (kid && sizes.get(0) == 1) {
                header.add("1-key set ÷ verify_valid");
            }
            List<List<String>> rows = new ArrayList<>();
            for (String library : libraries(shapes, alg)) {
                List<String> r = new ArrayList<>(List.of(library));
                MeasuredScheme first = null;
                MeasuredScheme last = null;
                for (Integer n : sizes) {
                    MeasuredScheme x = find(a, shapes.get(0).method(), library, alg, param, String.valueOf(n));
                    r.add(x == null ? "—" : Fmt.pm(x.ns()));
                    first = first == null && n.equals(sizes.get(0)) ? x : first;
                    last = n.equals(sizes.get(sizes.size() - 1)) ? x : last;
                }
                if (sizes.size() > 1) {
                    r.add(first == null || last == null ? "—" : Fmt.times(ratio(last, first)));
                }
                if (kid && sizes.get(0) == 1) {
                    MeasuredScheme valid = find(a, Analysis.VERIFY, library, alg, null, null);
                    r.add(first == null || valid == null ? "—" : Fmt.times(ratio(first, valid)));
                }
                rows.add(r);
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(header, rows));
        }
    }

    /** {@code x / base}, with base measured in x's mode when the run has it. */
    static Estimate ratio(MeasuredScheme x, MeasuredScheme base) {
        JmhRow same = base.byMode().get(x.cost().mode());
        return x.ns().over(same != null ? same.nsPerOp() : base.ns());
    }

    /** The first scheme of {@code method} for library and algorithm (and {@code param = value} when given). */
    static MeasuredScheme find(Analysis a, String method, String library, String alg, String param, String value) {
        return a.base(method).stream().filter(x -> library.equals(x.param("library")) && alg.equals(x.param("alg"))
                && (param == null || Objects.equals(value, x.param(param)))).findFirst().orElse(null);
    }

    /** Algorithms of {@code schemes} in the report's usual order (HS256, RS256, ES256, then others). */
    static List<String> algorithms(List<MeasuredScheme> schemes) {
        List<String> order = List.of("HS256", "RS256", "ES256");
        return schemes.stream().map(x -> x.param("alg")).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparingInt(x -> order.contains(x) ? order.indexOf(x) : order.size())).toList();
    }

    static List<String> libraries(List<MeasuredScheme> schemes, String alg) {
        return schemes.stream().filter(x -> alg.equals(x.param("alg"))).map(x -> x.param("library")).distinct().toList();
    }

    static String label(String kind) {
        return kind.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
