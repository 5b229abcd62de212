package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Estimate;

/**
 * What a framework adds over the library it is built on (Spring Security over nimbus, SmallRye JWT over jose4j,
 * vert.x's {@code JWTAuth} over its JOSE layer, Spring's conversion over its decoder), from the layers the run
 * recorded and both rows of one run: the ratio resamples both, and rows measured differently are refused.
 */
final class FrameworkSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Map<String, String> layers = in.manifest() == null ? Map.of() : in.manifest().libraryLayers();
        Analysis a = in.analysis();
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> layer : layers.entrySet()) {
            for (String alg : a.algorithms()) {
                MeasuredScheme top = library(a, alg, layer.getKey());
                MeasuredScheme base = library(a, alg, layer.getValue());
                if (top == null || base == null) {
                    continue;
                }
                Estimate added = top.ns().minus(base.ns());
                rows.add(List.of(layer.getKey(), layer.getValue(), alg, Fmt.pm(top.ns()), Fmt.pm(base.ns()),
                        Fmt.pm(added), Fmt.times(top.ns().over(base.ns()))));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Doc.Section s = doc.section("frameworks", "Frameworks over their libraries");
        Doc.para(s, "Most services verify through a framework, not a JWT library directly. Each framework row set "
                + "against the library it is built on, on one thread: ns/op ± " + Fmt.CI + "; the added cost is the "
                + "difference, the ratio resamples both rows' forks. An added cost whose interval reaches below zero is "
                + "not resolved at this precision.");
        s.blocks().add(new Doc.Table(List.of("framework", "built on", "alg", "framework ns/op", "library ns/op",
                "added ns/op", "framework / library"), rows));
    }

    private static MeasuredScheme library(Analysis a, String alg, String library) {
        return a.ranking(alg).stream().filter(x -> library.equals(x.param("library")) && x.threads() == 1).findFirst()
                .orElse(null);
    }
}
