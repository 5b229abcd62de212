package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import org.authbench.runfiles.Conformance;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;

/** Every library against external vectors, hostile tokens and fuzzing, from {@code conformance.json}. */
final class ConformanceSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        RunFolder run = in.run();
        Doc.Section s = doc.section("conformance", "Conformance");
        Conformance c = run.conformance();
        if (c == null) {
            Doc.para(s, "Not checked in this run (no `" + RunFiles.CONFORMANCE + "`; run `authbench conformance`).");
            return;
        }
        List<String> families = c.families();
        Doc.para(s, "Every library against external vectors (Project Wycheproof, RFC 7515), the project's hostile "
                + "tokens (fresh keys, seed " + c.seed() + ") and " + c.fuzzCases()
                + " random and mutated tokens each. Cells: correct / false accepts / false rejects / not applicable / "
                + "errors. A false accept is a token that must be refused and was accepted: a security finding. The "
                + "raw-signature families (" + String.join(", ", families.stream().filter(FalseAccepts.RAW_API_FAMILIES::contains)
                .toList()) + ") go through each library's own signature API, not the benchmarked adapter, so their "
                + "false accepts are counted apart: the benchmarked path is what the rankings and the decision charge to a "
                + "library.");
        List<String> header = new ArrayList<>(List.of("library", "version"));
        header.addAll(families);
        header.add("robustness (false accepts / errors / timeouts; slowest rejection)");
        header.add("false accepts, benchmarked path");
        header.add("false accepts, raw signature API");
        List<List<String>> rows = new ArrayList<>();
        for (Conformance.Library l : c.libraries()) {
            List<String> r = new ArrayList<>(List.of(l.library(), l.version()));
            for (String f : families) {
                Conformance.Tally t = l.families().get(f);
                r.add(t == null ? "—" : t.correct() + " / " + t.falseAccepts() + " / " + t.falseRejects() + " / "
                        + t.notApplicable() + " / " + t.errors());
            }
            Conformance.Robustness rb = l.robustness();
            r.add(rb == null ? "not run" : rb.falseAccepts() + " / " + rb.errors() + " / " + rb.timeouts() + "; "
                    + Fmt.num(rb.slowestRejectionMillis()) + " ms");
            r.add(String.valueOf(FalseAccepts.benchmarked(c, l.library())));
            r.add(String.valueOf(FalseAccepts.rawApi(c, l.library())));
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        List<Conformance.FalseAccept> fa = c.falseAccepts();
        if (!fa.isEmpty()) {
            Doc.para(s, "False accepts (" + fa.size() + "):");
            List<List<String>> list = new ArrayList<>();
            for (Conformance.FalseAccept f : fa) {
                list.add(List.of(f.library(), f.version(), f.family(), f.caseId(), f.comment()));
            }
            s.blocks().add(new Doc.Table(List.of("library", "version", "family", "case", "comment"), list));
        } else {
            Doc.para(s, "No false accepts.");
        }
    }
}
