package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Manifest;

/** Each store tier's lookup against the best and median library of each algorithm, and the tiers' refusals. */
final class KeysVersusJwtsSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Manifest m = in.manifest();
        Doc.Section s = doc.section("keys-vs-jwts", "API keys versus JWTs");
        List<MeasuredScheme> tiers = a.keyTiers();
        if (tiers.isEmpty()) {
            Doc.para(s, "No API-key lookup (`lookup_hit`) rows in this run.");
            return;
        }
        Doc.para(s, "Each cell divides a JWT verification by the store tier's successful lookup (`lookup_hit`): "
                + "how many times more a request costs with that JWT library than with that key store.");
        List<String> header = new ArrayList<>(List.of("store tier", "lookup ns/op ± " + Fmt.CI, "mode", "× floor"));
        // The fastest library and the decision's default: a "median library" of a two-speed field is no one's choice.
        Decision d = new Decision(a, in.run().conformance());
        List<MeasuredScheme> cols = new ArrayList<>();
        for (String alg : a.algorithms()) {
            MeasuredScheme best = a.best(alg);
            if (best == null) {
                continue;
            }
            header.add(alg + " fastest (" + best.label() + ")");
            cols.add(best);
            MeasuredScheme chosen = d.verifier(alg);
            if (chosen != null && chosen != best) {
                header.add(alg + " default (" + chosen.label() + ")");
                cols.add(chosen);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (MeasuredScheme t : tiers) {
            Estimate floor = a.floorFor(t);
            List<String> r = new ArrayList<>(List.of(t.label(), Fmt.pm(t.ns()), JmhRow.modeName(t.cost().mode()),
                    floor == null ? "—" : Fmt.times(floor)));
            for (MeasuredScheme c : cols) {
                r.add(Fmt.times(c.ns().over(t.ns())));
            }
            rows.add(r);
        }
        s.blocks().add(new Doc.Table(header, rows));
        List<String> refusalMethods = List.of("lookup_miss", "lookup_badChecksum", "lookup_revoked");
        List<List<String>> refusals = new ArrayList<>();
        for (MeasuredScheme t : tiers) {
            List<String> r = new ArrayList<>(List.of(t.label()));
            boolean any = false;
            for (String method : refusalMethods) {
                MeasuredScheme x = a.base("ApiKeyLookupBenchmark." + method).stream()
                        .filter(o -> o.params().equals(t.params())).findFirst().orElse(null);
                r.add(x == null ? "—" : Fmt.pm(x.ns()));
                any |= x != null;
            }
            if (any) {
                refusals.add(r);
            }
        }
        if (!refusals.isEmpty()) {
            List<String> kinds = new ArrayList<>();
            String[] what = {"an unknown key", "a key whose checksum fails (refused before any lookup)", "a revoked key"};
            for (int i = 0; i < what.length; i++) {
                int col = i + 1;
                if (refusals.stream().anyMatch(r -> !Doc.Table.empty(r.get(col)))) {
                    kinds.add(what[i]);
                }
            }
            Doc.para(s, "Refusals (ns/op ± CI): " + String.join(", ", kinds) + ".");
            s.blocks().add(new Doc.Table(List.of("store tier", "miss", "bad checksum", "revoked"), refusals));
        }
        if (m != null && !m.storesSkipped().isEmpty()) {
            List<String> skipped = new ArrayList<>();
            m.storesSkipped().forEach((store, why) -> skipped.add("`" + store + "` skipped: " + why));
            s.blocks().add(new Doc.Bullets(skipped));
        }
    }
}
