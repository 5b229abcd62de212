package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;

/**
 * The merged report of several run folders: which machines, each machine's decision (the answers of its own run,
 * by the same rules), and every scheme measured on several machines side by side with its ratio to the first.
 */
final class MachinesReport {

    private MachinesReport() {
    }

    static Doc build(List<RunFolder> runs) {
        Machines m = new Machines(runs);
        Doc doc = new Doc("authbench report: " + runs.size() + " machines");
        doc.preface.add(new Doc.Para("Run folders compared with the machine (CPU model, architecture, JVM) as the axis. "
                + "Each run's own report ranks and decides within that run; here each scheme measured on several "
                + "machines is set side by side and divided by " + m.labels().get(0) + "'s cost (below 1× = cheaper there)."));
        Doc.Section who = doc.section("machines", "Machines");
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            Manifest man = runs.get(i).manifest();
            rows.add(List.of(m.labels().get(i), String.valueOf(runs.get(i).dir().getFileName()),
                    man == null ? "?" : Objects.toString(man.profile(), "?"), man == null ? "?" : String.valueOf(man.cores()),
                    man == null ? "?" : Objects.toString(man.shortCommit(), "?"), String.valueOf(runs.get(i).rows().size())));
        }
        who.blocks().add(new Doc.Table(List.of("machine", "run folder", "profile", "logical cores", "commit", "rows"), rows));
        Doc.Section dec = doc.section("decisions", "Each machine's decision");
        for (int i = 0; i < runs.size(); i++) {
            Doc one = new Doc("");
            new DecisionSection().addTo(one, new ReportInput(runs.get(i), m.analyses().get(i)));
            for (Doc.Block b : one.sections.get(0).blocks()) {
                if (b instanceof Doc.Bullets answers) {
                    Doc.para(dec, m.labels().get(i) + ":");
                    dec.blocks().add(new Doc.Bullets(answers.items().stream()
                            .map(a -> a.contains(" Rule:") ? a.substring(0, a.indexOf(" Rule:")) : a).toList()));
                }
            }
        }
        Doc.para(dec, "Rules as in each run's own report (Decision section).");
        Doc.Section cmp = doc.section("machine-comparison", "Across machines");
        List<Axis.Set> sets = m.sets();
        if (sets.isEmpty()) {
            Doc.para(cmp, "No scheme was measured on more than one of these machines.");
            return doc;
        }
        AxisTable t = AxisTable.of(m.axis(), sets, 0, "first", List.of("scheme", "threads"),
                x -> List.of(Charts.shortName(x), String.valueOf(x.threads())),
                x -> Charts.shortName(x) + (x.threads() > 1 ? " ×" + x.threads() : ""));
        cmp.blocks().add(new Doc.Table(t.header(), t.rows()));
        Map<String, Map<String, Estimate>> chart = t.chart();
        if (!chart.isEmpty()) {
            cmp.blocks().add(new Doc.Chart("machines.png", "Cost on each machine relative to " + m.labels().get(0),
                    Charts.ratios("Cost relative to " + m.labels().get(0), chart)));
        }
        return doc;
    }
}
