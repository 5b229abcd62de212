package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.RunFiles;
import org.authbench.runfiles.RunFolder;

/** Every row of the JMH results, as JMH wrote it and normalised. */
final class AllResultsSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        RunFolder run = in.run();
        Doc.Section s = doc.section("all-results", "All results");
        Doc.para(s, "Every row of `" + RunFiles.RESULT + "`, score as JMH wrote it and normalised; also in "
                + "`summary.csv`.");
        List<List<String>> rows = new ArrayList<>();
        for (JmhRow r : run.rows()) {
            StringBuilder params = new StringBuilder();
            new TreeMap<>(r.params()).forEach((k, v) -> params.append(params.length() == 0 ? "" : " ").append(k)
                    .append('=').append(v));
            List<String> row = new ArrayList<>(List.of(r.method(), params.length() == 0 ? "—" : params.toString(),
                    String.valueOf(r.threads()), JmhRow.modeName(r.mode()), Fmt.pm(r.scoreEstimate()) + " "
                            + r.unit(), Fmt.pm(r.nsPerOp()), Fmt.pm(r.opsPerSecond()) + (r.opsDerived() ? " (derived)" : "")));
            if (a.primaryJvm() != null) {
                row.add(r.vmName() + " " + r.vmVersion() + " (JDK " + r.jdkVersion() + ")");
            }
            rows.add(row);
        }
        List<String> header = new ArrayList<>(List.of("benchmark", "params", "threads", "mode", "score ± " + Fmt.CI,
                "ns/op", "ops/s"));
        if (a.primaryJvm() != null) {
            header.add("JVM");
        }
        s.blocks().add(new Doc.Table(header, rows));
    }
}
