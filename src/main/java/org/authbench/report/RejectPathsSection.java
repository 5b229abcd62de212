package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.authbench.runfiles.Estimate;

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
                + "ratio to `verify_valid` of the same library and algorithm (its interval from resampling both rows' forks). Each "
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
        Set<String> noInterval = new LinkedHashSet<>();
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
                    if (x == null) {
                        r.add("—");
                    } else if (!x.ns().hasInterval() && !x.ns().refused()) {
                        // One fork (or no per-fork data): the figure and its ratio are stated once as uncertain,
                        // under the table, instead of "± n/a" and "no interval" in every cell.
                        noInterval.add(x.ns().note() == null ? "no interval" : x.ns().note());
                        Estimate ratio = valid == null ? null : ShapeTables.ratio(x, valid);
                        r.add(Fmt.num(x.ns().value()) + "†" + (ratio == null ? ""
                                : " (" + (ratio.refused() ? ratio.note() : Fmt.num(ratio.value()) + "×") + ")"));
                    } else {
                        r.add(Fmt.pm(x.ns()) + (valid == null ? "" : " (" + Fmt.times(ShapeTables.ratio(x, valid)) + ")"));
                    }
                }
                rows.add(r);
            }
            Doc.para(s, alg + ":");
            s.blocks().add(new Doc.Table(header, rows));
        }
        if (!noInterval.isEmpty()) {
            Doc.para(s, "† no fork-level interval (" + String.join(", ", noInterval) + "): neither the figure nor its "
                    + "ratio to `verify_valid` has one; read differences of a few percent as noise.");
        }
    }
}
