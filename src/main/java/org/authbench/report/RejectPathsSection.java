package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What refusing costs per library and kind of bad token, beside verify_valid (when the run has reject rows). */
final class RejectPathsSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        List<MeasuredScheme> rejects = a.base(ShapeTables.REJECT);
        if (rejects.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("reject-paths", "Reject paths");
        Doc.para(s, "What refusing costs, per library and kind of bad token: ns/op ± " + Fmt.CI + ", and in brackets the "
                + "ratio to `verify_valid` of the same library and algorithm (errors of both in quadrature). Each "
                + "trial's setup proved that every token of its pool is refused for the expected reason. \"bad "
                + "signature\" is `VerifyBenchmark.verify_badSignature`; \"unknown kid\" is checked against a one-key "
                + "JWK set; the other kinds against the pinned key.");
        List<String> kinds = new ArrayList<>();
        if (!a.base(ShapeTables.BAD_SIGNATURE).isEmpty()) {
            kinds.add("BAD_SIGNATURE");
        }
        Set<String> seen = new LinkedHashSet<>();
        rejects.forEach(r -> seen.add(r.param("kind")));
        for (String k : ShapeTables.KIND_ORDER) {
            if (seen.remove(k)) {
                kinds.add(k);
            }
        }
        kinds.addAll(seen);
        for (String alg : ShapeTables.algorithms(rejects)) {
            List<String> header = new ArrayList<>(List.of("library", "verify_valid"));
            kinds.forEach(k -> header.add(ShapeTables.label(k)));
            List<List<String>> rows = new ArrayList<>();
            for (String library : ShapeTables.libraries(rejects, alg)) {
                MeasuredScheme valid = ShapeTables.find(a, Analysis.VERIFY, library, alg, null, null);
                List<String> r = new ArrayList<>(List.of(library, valid == null ? "—" : Fmt.pm(valid.ns())));
                for (String k : kinds) {
                    MeasuredScheme x = k.equals("BAD_SIGNATURE")
                            ? ShapeTables.find(a, ShapeTables.BAD_SIGNATURE, library, alg, null, null)
                            : ShapeTables.find(a, ShapeTables.REJECT, library, alg, "kind", k);
                    r.add(x == null ? "—" : Fmt.pm(x.ns())
                            + (valid == null ? "" : " (" + Fmt.times(ShapeTables.ratio(x, valid)) + ")"));
                }
                rows.add(r);
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(header, rows));
        }
    }
}
