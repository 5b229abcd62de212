package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/** Each algorithm's verification against the in-memory key lookup, and every scheme on one chart. */
final class SummarySection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Doc.Section s = doc.section("summary", "Summary");
        MeasuredScheme key = a.keyBaseline();
        List<String> items = new ArrayList<>();
        boolean refused = false;
        for (String alg : a.algorithms()) {
            MeasuredScheme med = a.median(alg);
            MeasuredScheme best = a.best(alg);
            if (med == null) {
                continue;
            }
            if (key == null) {
                items.add(alg + " verification costs " + Fmt.pm(med.ns()) + " ns (median library, " + med.label() + ")");
                continue;
            }
            Estimate medRatio = med.ns().over(key.ns());
            Estimate bestRatio = best.ns().over(key.ns());
            refused |= medRatio.refused() || bestRatio.refused();
            String versus = medRatio.refused() ? alg + " verify against an in-memory " + key.label() + " key lookup: "
                    + medRatio.note() : alg + " verify costs " + Fmt.times(medRatio) + " an in-memory " + key.label()
                    + " key lookup";
            items.add(versus + " (median library " + med.label() + ", " + Fmt.pm(med.ns()) + " ns; fastest "
                    + best.label() + (bestRatio.refused() ? " " + Fmt.pm(best.ns()) + " ns" : " " + Fmt.times(bestRatio))
                    + ")");
        }
        if (key != null) {
            items.add("the " + key.label() + " API-key lookup itself: " + Fmt.pm(key.ns()) + " ns ("
                    + JmhRow.modeName(key.cost().mode()) + ")");
        }
        if (items.isEmpty()) {
            Doc.para(s, "This run has neither JWT verification nor API-key lookup rows to compare.");
        } else {
            s.blocks().add(new Doc.Bullets(items));
        }
        Doc.para(s, "\"Median library\" is the lower median of the JWT libraries measured (the `REFERENCE` verifier, "
                + "our plain-JCA floor, is ranked but not counted); each ratio divides mean costs per operation, with its "
                + Fmt.CI + " from resampling both rows.");
        if (refused) {
            Doc.para(s, "A ratio reading \"not comparable\" divides rows measured differently (here: verification and "
                    + "key lookup in different JMH modes, warmups or thread counts). A mean from SampleTime carries "
                    + "per-call timer overhead an AverageTime mean does not, so the suite refuses such a ratio rather "
                    + "than approximate it; a run that measures both means in one mode gives it.");
        }
        List<MeasuredScheme> all = new ArrayList<>(a.keyTiers());
        for (String alg : a.algorithms()) {
            all.addAll(a.ranking(alg));
        }
        all.addAll(a.base(Analysis.FLOOR_JWS));
        all.addAll(a.base(Analysis.FLOOR_PARSE));
        all.addAll(a.base(Analysis.FLOOR_KEY));
        all.addAll(a.denylisted());
        all.addAll(a.revokeToRefusal());
        if (!all.isEmpty()) {
            s.blocks().add(new Doc.Chart("schemes.png", "Every scheme on one log-scale axis (ns/op, " + Fmt.CI + " caps)",
                    Charts.schemes(all)));
        }
    }
}
