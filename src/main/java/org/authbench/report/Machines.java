package org.authbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.authbench.runfiles.Manifest;
import org.authbench.runfiles.RunFolder;

/**
 * Several run folders (other machines, JDKs, CPU families) compared with the machine as an {@link Axis}: each run's
 * main-table schemes (verifications, key lookups, floors) matched by method, parameters and threads, compared in the
 * first mode every run measured them in, each machine's cost divided by the first machine's. A machine is its CPU
 * model, architecture and JVM; two runs of one machine are told apart by their folder names.
 */
final class Machines {

    private final List<RunFolder> runs;
    private final List<String> labels = new ArrayList<>();
    private final List<Analysis> analyses = new ArrayList<>();
    private final Map<MeasuredScheme, String> machineOf = new IdentityHashMap<>();

    Machines(List<RunFolder> runs) {
        this.runs = runs;
        List<String> plain = new ArrayList<>();
        for (RunFolder r : runs) {
            plain.add(label(r.manifest()));
        }
        for (int i = 0; i < runs.size(); i++) {
            String l = plain.get(i);
            String folder = String.valueOf(runs.get(i).dir().toAbsolutePath().normalize().getFileName());
            labels.add(plain.stream().filter(l::equals).count() > 1 ? l + " (" + folder + ")" : l);
            Analysis a = new Analysis(runs.get(i).rows());
            analyses.add(a);
            for (MeasuredScheme s : compared(a)) {
                machineOf.put(s, labels.get(i));
            }
        }
    }

    /** "AMD EPYC amd64, JDK 17.0.15" (the build suffix left out). */
    static String label(Manifest m) {
        if (m == null) {
            return "unknown machine";
        }
        return Objects.toString(ReadmeBlock.fact(m, "cpu.model"), "unknown CPU") + " "
                + Objects.toString(ReadmeBlock.fact(m, "os.arch"), "") + ", JDK "
                + Objects.toString(ReadmeBlock.fact(m, "jvm.version"), "?").replaceAll("[+].*", "");
    }

    List<String> labels() {
        return labels;
    }

    List<RunFolder> runs() {
        return runs;
    }

    List<Analysis> analyses() {
        return analyses;
    }

    private static List<MeasuredScheme> compared(Analysis a) {
        List<MeasuredScheme> out = new ArrayList<>();
        for (String m : List.of(Analysis.VERIFY, Analysis.LOOKUP, Analysis.FLOOR_JWS, Analysis.FLOOR_KEY,
                Analysis.FLOOR_PARSE)) {
            out.addAll(a.base(m));
        }
        return out;
    }

    Axis axis() {
        return new Axis(labels, machineOf::get, s -> s.method() + "|" + new TreeMap<>(s.params()) + "|" + s.threads(),
                machineOf::containsKey, null);
    }

    /** Schemes measured on two or more machines, in the first run's order, each in the first mode all measured. */
    List<Axis.Set> sets() {
        Axis axis = axis();
        Map<String, MeasuredScheme[]> byIdentity = new LinkedHashMap<>();
        for (int i = 0; i < analyses.size(); i++) {
            for (MeasuredScheme s : compared(analyses.get(i))) {
                byIdentity.computeIfAbsent(axis.identity().apply(s), k -> new MeasuredScheme[labels.size()])[i] = s;
            }
        }
        List<Axis.Set> out = new ArrayList<>();
        for (MeasuredScheme[] set : byIdentity.values()) {
            List<MeasuredScheme> present = Arrays.stream(set).filter(Objects::nonNull).toList();
            if (present.size() < 2) {
                continue;
            }
            for (String mode : Analysis.MODE_ORDER) {
                if (present.stream().allMatch(s -> s.byMode().containsKey(mode))) {
                    out.add(new Axis.Set(Arrays.asList(set), mode));
                    break;
                }
            }
        }
        return out;
    }
}
