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
            List<MeasuredScheme> libraries = a.libraries(alg);
            if (libraries.isEmpty()) {
                continue;
            }
            RankGroups groups = new RankGroups(libraries);
            MeasuredScheme best = groups.ordered().get(0);
            List<MeasuredScheme> fastest = groups.fastest();
            String who = fastest.size() > 1 ? "fastest group " + String.join(", ", fastest.stream().map(MeasuredScheme::label)
                    .toList()) + " (tied), led by " + best.label() : "fastest library " + best.label();
            if (key == null) {
                items.add(alg + " verification costs " + Fmt.pm(best.ns()) + " ns (" + who + ")");
                continue;
            }
            Estimate ratio = best.ns().over(key.ns());
            refused |= ratio.refused();
            String versus = ratio.refused() ? alg + " verify against an in-memory " + key.label() + " key lookup: "
                    + ratio.note() : alg + " verify costs " + Fmt.times(ratio) + " an in-memory " + key.label()
                    + " key lookup";
            items.add(versus + " (" + who + ", " + Fmt.pm(best.ns()) + " ns)");
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
        Doc.para(s, "The fastest group holds the libraries tied with the fastest (intervals overlap, or within "
                + Fmt.plain(100 * RankGroups.MARGIN) + "% of it); the `REFERENCE` verifier, our plain-JCA floor, is ranked "
                + "but not counted. Each ratio divides mean costs per operation, with its " + Fmt.CI + " from resampling "
                + "both rows.");
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
