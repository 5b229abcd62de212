package org.authbench.report;

import java.util.List;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;

/** Popular claims about API keys and JWTs, each with this run's evidence and a verdict ({@link Claims}). */
final class ClaimsSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Manifest m = in.manifest();
        RunFolder run = in.run();
        Doc.Section s = doc.section("claims", "Claims checked");
        Doc.para(s, "Verdicts compare the rows' confidence intervals: a claim holds only where the intervals separate; "
                + "a claim true for some algorithms, tiers or libraries only is \"" + Claims.QUALIFIED + "\", with "
                + "the exceptions named; where the intervals overlap, or a difference's interval crosses zero, the "
                + "answer is \"" + Claims.NOT_RESOLVED + "\". Wording follows the data's direction: a claim that "
                + "something costs more is answered with \"cheaper, not dearer\" where it costs less. A claim whose "
                + "evidence this run lacks says \"" + Claims.NO_EVIDENCE + "\" instead of guessing.");
        s.blocks().add(new Doc.Table(List.of("claim", "evidence from this run", "verdict"),
                new Claims(a, m, run.storeCatalogue(), m == null ? 0 : m.cores()).rows()));
    }
}
