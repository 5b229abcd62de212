package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.Manifest;

/**
 * What the JCA provider changes: each verification and JWS floor measured on several providers, side by side
 * (per JVM when the run holds several), with each provider's cost divided by DEFAULT's; then which provider
 * really served each algorithm, as the forks checked it, and providers that could not run.
 */
final class ProvidersSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Manifest m = in.manifest();
        List<Axis.Set> sets = Axis.providers(a).across(a.all());
        boolean skipped = m != null && (!m.providersSkipped().isEmpty() || !notOk(m).isEmpty());
        if (a.providers().size() < 2 && a.primaryProvider().equals(Analysis.DEFAULT_PROVIDER) && !skipped) {
            return;
        }
        Doc.Section s = doc.section("providers", "JCA providers");
        List<String> ps = a.providers();
        int ref = ps.indexOf(Analysis.DEFAULT_PROVIDER);
        if (sets.isEmpty()) {
            Doc.para(s, "No verification or floor ran on more than one of " + String.join(", ", ps) + ".");
        } else {
            Doc.para(s, "Each provider is installed at JCA position 1 in its own forks (DEFAULT: the JDK's own, nothing "
                    + "installed); the tokens and keys are the same. ns/op ± " + Fmt.CI + " on each provider (same mode)"
                    + (ref < 0 ? "." : ", and each provider's cost divided by DEFAULT's (below 1× = faster than the JDK's "
                    + "own)."));
            boolean jvmCol = a.primaryJvm() != null;
            List<String> lead = jvmCol ? List.of("scheme", "JVM") : List.of("scheme");
            AxisTable t = AxisTable.of(Axis.providers(a), sets, ref, Analysis.DEFAULT_PROVIDER, lead,
                    x -> jvmCol ? List.of(name(x), x.jvm()) : List.of(name(x)),
                    x -> name(x) + (jvmCol ? " [" + x.jvm() + "]" : ""));
            Map<String, Map<String, Estimate>> chart = t.chart();
            s.blocks().add(new Doc.Table(t.header(), t.rows()));
            if (!chart.isEmpty()) {
                s.blocks().add(new Doc.Chart("providers.png", "Cost on each JCA provider relative to DEFAULT (" + Fmt.CI + " "
                        + "whiskers)", Charts.ratios("Cost relative to the JDK's own providers", chart)));
            }
        }
        served(s, m);
        if (m != null) {
            List<String> out = new ArrayList<>();
            m.providersSkipped().forEach((provider, why) -> out.add("`" + provider
                    + "` unavailable in the JVM that started the run, its rows skipped: " + why));
            for (Manifest.ProviderCheck c : notOk(m)) {
                out.add("`" + c.provider() + "` " + c.status() + " for " + c.alg() + " " + c.benchmark()
                        + (c.library() != null ? " " + c.library() : "") + " on JDK " + c.jdkVersion()
                        + ", its row failed: " + c.reason());
            }
            if (!out.isEmpty()) {
                s.blocks().add(new Doc.Bullets(out));
            }
        }
    }

    /** A verification ("ES256 NIMBUS") or JWS floor ("floor ES256"), with its threads when more than one. */
    private static String name(MeasuredScheme x) {
        String name = x.method().equals(Analysis.FLOOR_JWS) ? "floor " + x.param("alg")
                : x.param("alg") + " " + x.param("library");
        return name + (x.threads() > 1 ? " ×" + x.threads() : "");
    }

    /** Fork records whose provider could not load or did not serve the algorithm itself. */
    private static List<Manifest.ProviderCheck> notOk(Manifest m) {
        return m == null ? List.of() : m.providersChecked().stream().filter(c -> !c.ok()).toList();
    }

    /**
     * Which provider served each algorithm, as every fork checked it after installing its provider (JCA asked with
     * the trial's own key, so the answer is the provider that verifies): one line per JVM, provider, algorithm and
     * JCA name, with the benchmarks that saw it. Nothing when the run's forks recorded nothing (older runs).
     */
    static void served(Doc.Section s, Manifest m) {
        if (m == null || m.providersChecked().isEmpty()) {
            return;
        }
        Map<String, Set<String>> seenBy = new LinkedHashMap<>();
        Map<String, Integer> forks = new LinkedHashMap<>();
        for (Manifest.ProviderCheck c : m.providersChecked()) {
            if (!c.ok()) {
                continue;
            }
            String who = c.benchmark().equals("CryptoFloorBenchmark") ? "floor" : Objects.toString(c.library(), "?");
            c.served().forEach((jcaName, provider) -> {
                String key = c.jdkVersion() + "|" + c.provider() + "|" + c.alg() + "|" + jcaName + "|" + provider;
                seenBy.computeIfAbsent(key, k -> new TreeSet<>()).add(who);
                forks.merge(key, c.forks(), Integer::sum);
            });
        }
        List<List<String>> rows = new ArrayList<>();
        seenBy.forEach((k, who) -> {
            String[] f = k.split("\\|", -1);
            rows.add(List.of("JDK " + f[0], f[1], f[2], f[3], f[4], String.join(", ", who), String.valueOf(forks.get(k))));
        });
        Doc.para(s, "Which JCA provider served each algorithm, checked in every benchmark fork after installing its "
                + "provider (JCA asked with the trial's own key; `SHA256withECDSA` is the DER form most libraries call "
                + "for ES256 before converting the signature):");
        s.blocks().add(new Doc.Table(List.of("JVM", "provider", "algorithm", "JCA name", "served by", "rows", "forks"),
                rows));
    }
}
