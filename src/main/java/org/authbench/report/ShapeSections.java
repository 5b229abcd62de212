package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * The report's reject-path, claim-count and JWK-set-size sections, from {@code RejectBenchmark.reject},
 * {@code VerifyBenchmark.verify_badSignature} and {@code TokenShapeBenchmark.verify_claims}/{@code verify_kid} rows.
 * Each section appears only when the run holds its rows (the {@code rejects} and {@code full} profiles); every cell
 * is ns/op ± 99.9% CI, and ratios to {@code verify_valid} of the same library and algorithm carry both errors.
 */
final class ShapeSections {

    static final String REJECT = "RejectBenchmark.reject";
    static final String BAD_SIGNATURE = "VerifyBenchmark.verify_badSignature";
    static final String CLAIMS = "TokenShapeBenchmark.verify_claims";
    static final String KID = "TokenShapeBenchmark.verify_kid";
    /** Kinds in the order a token is read (shape, header, signature, claims); others follow as they appear. */
    private static final List<String> KIND_ORDER = List.of("GARBAGE", "NOT_THREE_PARTS", "BROKEN_JSON", "ALG_NONE",
            "UNKNOWN_KID", "EXPIRED");

    private final Analysis a;
    private final Doc doc;

    private ShapeSections(Analysis a, Doc doc) {
        this.a = a;
        this.doc = doc;
    }

    /** Adds whichever of the three sections the run has rows for. */
    static void addTo(Doc doc, Analysis a) {
        ShapeSections s = new ShapeSections(a, doc);
        s.rejects();
        s.claimCount();
        s.jwkSetSize();
    }

    private void rejects() {
        List<Analysis.Scheme> rejects = a.base(REJECT);
        if (rejects.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("reject-paths", "Reject paths");
        Doc.para(s, "What refusing costs, per library and kind of bad token: ns/op ± 99.9% CI, and in brackets the "
                + "ratio to `verify_valid` of the same library and algorithm (errors of both in quadrature). Each "
                + "trial's setup proved that every token of its pool is refused for the expected reason. \"bad "
                + "signature\" is `VerifyBenchmark.verify_badSignature`; \"unknown kid\" is checked against a one-key "
                + "JWK set; the other kinds against the pinned key.");
        List<String> kinds = new ArrayList<>();
        if (!a.base(BAD_SIGNATURE).isEmpty()) {
            kinds.add("BAD_SIGNATURE");
        }
        Set<String> seen = new LinkedHashSet<>();
        rejects.forEach(r -> seen.add(r.param("kind")));
        for (String k : KIND_ORDER) {
            if (seen.remove(k)) {
                kinds.add(k);
            }
        }
        kinds.addAll(seen);
        for (String alg : algorithms(rejects)) {
            List<String> header = new ArrayList<>(List.of("library", "verify_valid"));
            kinds.forEach(k -> header.add(label(k)));
            List<List<String>> rows = new ArrayList<>();
            for (String library : libraries(rejects, alg)) {
                Analysis.Scheme valid = find(Analysis.VERIFY, library, alg, null, null);
                List<String> r = new ArrayList<>(List.of(library, valid == null ? "—" : Fmt.pm(valid.ns())));
                for (String k : kinds) {
                    Analysis.Scheme x = k.equals("BAD_SIGNATURE") ? find(BAD_SIGNATURE, library, alg, null, null)
                            : find(REJECT, library, alg, "kind", k);
                    r.add(x == null ? "—" : Fmt.pm(x.ns()) + (valid == null ? "" : " (" + Fmt.times(ratio(x, valid)) + ")"));
                }
                rows.add(r);
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(header, rows));
        }
    }

    private void claimCount() {
        List<Analysis.Scheme> shapes = a.base(CLAIMS);
        if (shapes.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("claim-count", "Claim count");
        Doc.para(s, "Verification of valid tokens carrying N top-level claims (flat strings, numbers, booleans and "
                + "string arrays; 5 is the minimum the policy reads), same key and principal as `verify_valid`. "
                + "ns/op ± 99.9% CI; the last column divides the most claims by the fewest.");
        sizeTables(s, shapes, "claims", "claims");
    }

    private void jwkSetSize() {
        List<Analysis.Scheme> shapes = a.base(KID);
        if (shapes.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("jwk-set-size", "JWK set size");
        Doc.para(s, "Verification of valid tokens carrying a `kid`, whose key each library selects from a JWK set of "
                + "N keys through its own mechanism (see the README). ns/op ± 99.9% CI; \"largest ÷ smallest\" shows "
                + "what a bigger set costs, \"1-key set ÷ verify_valid\" what selecting by kid costs over one pinned "
                + "key.");
        sizeTables(s, shapes, "jwkSetSize", "keys");
    }

    /** One table per algorithm: a row per library, a column per value of {@code param}, then the ratios. */
    private void sizeTables(Doc.Section s, List<Analysis.Scheme> shapes, String param, String unit) { // unit: plural
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
                Analysis.Scheme first = null;
                Analysis.Scheme last = null;
                for (Integer n : sizes) {
                    Analysis.Scheme x = find(shapes.get(0).method(), library, alg, param, String.valueOf(n));
                    r.add(x == null ? "—" : Fmt.pm(x.ns()));
                    first = first == null && n.equals(sizes.get(0)) ? x : first;
                    last = n.equals(sizes.get(sizes.size() - 1)) ? x : last;
                }
                if (sizes.size() > 1) {
                    r.add(first == null || last == null ? "—" : Fmt.times(ratio(last, first)));
                }
                if (kid && sizes.get(0) == 1) {
                    Analysis.Scheme valid = find(Analysis.VERIFY, library, alg, null, null);
                    r.add(first == null || valid == null ? "—" : Fmt.times(ratio(first, valid)));
                }
                rows.add(r);
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(header, rows));
        }
    }

    /** {@code x / base}, with base measured in x's mode when the run has it. */
    private static Estimate ratio(Analysis.Scheme x, Analysis.Scheme base) {
        JmhRow same = base.byMode().get(x.cost().mode());
        return x.ns().over(same != null ? same.nsPerOp() : base.ns());
    }

    /** The first scheme of {@code method} for library and algorithm (and {@code param = value} when given). */
    private Analysis.Scheme find(String method, String library, String alg, String param, String value) {
        return a.base(method).stream().filter(x -> library.equals(x.param("library")) && alg.equals(x.param("alg"))
                && (param == null || Objects.equals(value, x.param(param)))).findFirst().orElse(null);
    }

    /** Algorithms of {@code schemes} in the report's usual order (HS256, RS256, ES256, then others). */
    private static List<String> algorithms(List<Analysis.Scheme> schemes) {
        List<String> order = List.of("HS256", "RS256", "ES256");
        return schemes.stream().map(x -> x.param("alg")).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparingInt(x -> order.contains(x) ? order.indexOf(x) : order.size())).toList();
    }

    private static List<String> libraries(List<Analysis.Scheme> schemes, String alg) {
        return schemes.stream().filter(x -> alg.equals(x.param("alg"))).map(x -> x.param("library")).distinct().toList();
    }

    private static String label(String kind) {
        return kind.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
