package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;

/** The manifest's facts, JCA providers, library versions and the forks' JVMs and flags. */
final class EnvironmentSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Manifest m = in.manifest();
        RunFolder run = in.run();
        Doc.Section s = doc.section("environment", "Environment");
        if (m == null) {
            Doc.para(s, "No manifest.json in this run folder.");
        } else {
            List<List<String>> facts = new ArrayList<>();
            m.facts().forEach(f -> facts.add(List.of(f.key(), f.value())));
            s.blocks().add(new Doc.Table(List.of("fact", "value"), facts));
            if (!m.jca().isEmpty()) {
                List<List<String>> jca = new ArrayList<>();
                m.jca().forEach(e -> jca.add(List.of(e.name(), e.algorithm(), e.provider())));
                Doc.para(s, "JCA provider per algorithm (checked in the JVM that started the run):");
                s.blocks().add(new Doc.Table(List.of("algorithm", "JCA name", "provider"), jca));
            }
            if (doc.sections.stream().noneMatch(x -> x.id().equals("providers"))) {
                ProvidersSection.served(s, m);
            }
            if (!m.libraries().isEmpty()) {
                List<List<String>> libs = new ArrayList<>();
                m.libraries().forEach((artifact, version) -> libs.add(List.of("`" + artifact + "`", version)));
                Doc.para(s, "Library versions, read from the classpath:");
                s.blocks().add(new Doc.Table(List.of("artifact", "version"), libs));
            }
        }
        Set<String> forkJvms = new LinkedHashSet<>();
        for (JmhRow r : run.rows()) {
            List<String> flags = r.jvmFlags();
            forkJvms.add(r.vmName() + " " + r.vmVersion() + " (JDK " + r.jdkVersion() + "), flags: "
                    + (flags.isEmpty() ? "none" : String.join(" ", flags)));
        }
        if (!forkJvms.isEmpty()) {
            Doc.para(s, "Benchmark JVMs (the forks, from the JMH results):");
            s.blocks().add(new Doc.Bullets(new ArrayList<>(forkJvms)));
        }
    }
}
