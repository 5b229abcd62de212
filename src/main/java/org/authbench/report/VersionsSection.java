package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.authbench.runfiles.Estimate;

/**
 * "Did upgrading help?": rows measured on another version of a library ({@code run --versions}, the {@code versions}
 * profile) beside the same rows on the version the suite ships, from one run: ns/op of each, the other version's
 * cost divided by the shipped one's (resampling both rows' forks; refused when measured differently), and each
 * version's 2-thread scaling efficiency, where a lock shared by threads shows.
 */
final class VersionsSection implements Section {

    /**
     * A scheme measured on another library version beside the same scheme (method, parameters, threads, JVM) on the
     * shipped version, compared in the first mode both measured.
     *
     * @param version {@code group:artifact:version} of the other version
     */
    record VersionPair(String version, MeasuredScheme shipped, MeasuredScheme other, String mode) {
    }

    /** Every scheme the run measured on another library version, with its shipped counterpart when the run has it. */
    static List<VersionPair> pairs(Analysis a) {
        List<VersionPair> out = new ArrayList<>();
        for (MeasuredScheme o : a.otherVersions()) {
            MeasuredScheme shipped = a.all().stream().filter(s -> s.method().equals(o.method())
                    && s.params().equals(o.params()) && s.threads() == o.threads() && Objects.equals(s.jvm(), o.jvm()))
                    .findFirst().orElse(null);
            String mode = null;
            for (String m : Analysis.MODE_ORDER) {
                if (o.byMode().containsKey(m) && (shipped == null || shipped.byMode().containsKey(m))) {
                    mode = m;
                    break;
                }
            }
            if (mode != null) {
                out.add(new VersionPair(o.cost().libraryVersion(), shipped, o, mode));
            }
        }
        return out;
    }

    @Override
    public void addTo(Doc doc, ReportInput in) {
        List<VersionPair> pairs = pairs(in.analysis());
        if (pairs.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("versions", "Library versions");
        Doc.para(s, "The same benchmark on two versions of one library, each version in its own forks with its jars first "
                + "on the classpath (the fork checks the version it loads before timing). ns/op ± " + Fmt.CI
                + "; the ratio resamples both rows' forks; below " + percent(1 - RankGroups.MARGIN)
                + " or above " + percent(1 + RankGroups.MARGIN) + " with its whole interval is a change, anything else is "
                + "tied at this precision.");
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Estimate>> chart = new LinkedHashMap<>();
        List<String> verdicts = new ArrayList<>();
        for (VersionPair p : pairs) {
            if (p.shipped() == null) {
                continue;
            }
            String artifact = artifact(p.version());
            String shippedVersion = shippedVersion(in, p.version());
            Estimate shipped = p.shipped().byMode().get(p.mode()).nsPerOp();
            Estimate other = p.other().byMode().get(p.mode()).nsPerOp();
            Estimate ratio = other.over(shipped);
            String verdict = RankGroups.verdict(ratio);
            rows.add(List.of(p.other().param("library"), String.valueOf(p.other().param("alg")),
                    String.valueOf(p.other().threads()), p.mode(), artifact, shippedVersion, Fmt.pm(shipped),
                    version(p.version()), Fmt.pm(other), Fmt.times(ratio), verdict));
            if (!ratio.refused()) {
                chart.computeIfAbsent(artifact + " " + version(p.version()) + " ÷ " + shippedVersion,
                        k -> new LinkedHashMap<>()).put(p.other().param("library") + " " + p.other().param("alg")
                        + (p.other().threads() > 1 ? " ×" + p.other().threads() : ""), ratio);
                if (verdict.equals("faster") || verdict.equals("slower")) {
                    verdicts.add(p.other().param("library") + " " + p.other().param("alg") + " at " + p.other().threads()
                            + (p.other().threads() == 1 ? " thread" : " threads") + ": " + version(p.version()) + " is "
                            + verdict + " than " + shippedVersion + " (" + Fmt.times(ratio) + ")");
                }
            }
        }
        if (rows.isEmpty()) {
            Doc.para(s, "The run measured other versions, but not the same rows on the shipped version to set them beside.");
            return;
        }
        Doc.para(s, verdicts.isEmpty() ? "No measured row changed beyond the margin between the versions."
                : String.join("; ", verdicts) + ". No other row changed beyond the margin.");
        s.blocks().add(new Doc.Table(List.of("library", "alg", "threads", "mode", "artifact", "shipped", "shipped ns/op",
                "other", "other ns/op", "other ÷ shipped", "verdict"), rows));
        List<List<String>> scaling = scaling(in, pairs);
        if (!scaling.isEmpty()) {
            Doc.para(s, "Scaling from 1 to 2 threads on each version: aggregate throughput at 2 threads divided by twice "
                    + "the 1-thread throughput (1.00 = perfect; on 2 cores shared with the harness, well below 1 is "
                    + "contention, such as a lock every verification takes).");
            s.blocks().add(new Doc.Table(List.of("library", "alg", "version", "1 thread ns/op", "2 threads ns/op",
                    "efficiency"), scaling));
        }
        if (!chart.isEmpty()) {
            s.blocks().add(new Doc.Chart("versions.png", "Cost on the other version relative to the shipped one ("
                    + Fmt.CI + " whiskers)", Charts.ratios("Other version's cost ÷ shipped version's", chart)));
        }
    }

    /** One row per library, algorithm and version measured at 1 and 2 threads. */
    private static List<List<String>> scaling(ReportInput in, List<VersionPair> pairs) {
        List<List<String>> out = new ArrayList<>();
        for (VersionPair one : pairs) {
            if (one.other().threads() != 1 || one.shipped() == null) {
                continue;
            }
            for (VersionPair two : pairs) {
                if (two.other().threads() != 2 || two.shipped() == null || !two.version().equals(one.version())
                        || !two.other().method().equals(one.other().method())
                        || !two.other().params().equals(one.other().params()) || !two.mode().equals(one.mode())) {
                    continue;
                }
                String lib = one.other().param("library");
                String alg = String.valueOf(one.other().param("alg"));
                out.add(row(lib, alg, shippedVersion(in, one.version()), one.shipped(), two.shipped(), one.mode()));
                out.add(row(lib, alg, version(one.version()), one.other(), two.other(), one.mode()));
            }
        }
        return out;
    }

    private static List<String> row(String lib, String alg, String version, MeasuredScheme one, MeasuredScheme two,
            String mode) {
        Estimate eff = two.byMode().get(mode).efficiencyOver(one.byMode().get(mode));
        String effCell = eff.refused() ? "n/a (" + eff.note() + ")" : !eff.hasInterval()
                ? String.format(Locale.ROOT, "%.2f (no interval)", eff.value())
                : String.format(Locale.ROOT, "%.2f (%.2f–%.2f)", eff.value(), eff.low(), eff.high());
        return List.of(lib, alg, version, Fmt.pm(one.byMode().get(mode).nsPerOp()), Fmt.pm(two.byMode().get(mode).nsPerOp()),
                effCell);
    }

    private static String shippedVersion(ReportInput in, String other) {
        String coordinates = other.substring(0, other.lastIndexOf(':'));
        String v = in.manifest() == null ? null : in.manifest().libraries().get(coordinates);
        return v == null ? "shipped" : v;
    }

    private static String artifact(String other) {
        String coordinates = other.substring(0, other.lastIndexOf(':'));
        return coordinates.substring(coordinates.indexOf(':') + 1);
    }

    private static String version(String other) {
        return other.substring(other.lastIndexOf(':') + 1);
    }

    private static String percent(double x) {
        return String.format(Locale.ROOT, "%.2f×", x);
    }
}
