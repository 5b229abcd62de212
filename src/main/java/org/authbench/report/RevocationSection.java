package org.authbench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** What a JWT denylist adds to verification, and what revoking an API key until its refusal costs. */
final class RevocationSection implements Section {

    @Override
    public void addTo(Doc doc, ReportInput in) {
        Analysis a = in.analysis();
        Doc.Section s = doc.section("revocation", "Revocation");
        List<Analysis.DenylistCost> deny = a.denylistCosts();
        List<MeasuredScheme> keys = a.revokeToRefusal();
        if (deny.isEmpty() && keys.isEmpty()) {
            Doc.para(s, "Not measured in this run (no `RevocationBenchmark` rows).");
            return;
        }
        if (deny.isEmpty()) {
            Doc.para(s, "JWT denylist: not measured in this run.");
        } else {
            Doc.para(s, "JWT denylist: the cost of checking the verified token's `jti` against a denylist is "
                    + "`jwt_verifyDenylist_accepted` minus `jwt_verify` (same algorithm, library and tokens), errors in "
                    + "quadrature. ns/op ± " + Fmt.CI + ".");
            List<List<String>> rows = new ArrayList<>();
            for (Analysis.DenylistCost d : deny) {
                rows.add(List.of(d.accepted().param("denylist"), d.accepted().param("denylistSize") == null ? "—"
                                : d.accepted().param("denylistSize"), d.plain().param("alg"), d.plain().param("library"),
                        Fmt.pm(d.plain().ns()), Fmt.pm(d.accepted().ns()), Fmt.pm(d.cost()),
                        Fmt.num(100 * d.cost().value() / d.plain().ns().value(), 1) + "%",
                        d.refused() == null ? "—" : Fmt.pm(d.refused().ns())));
            }
            s.blocks().add(new Doc.Table(List.of("denylist", "revoked ids", "alg", "library", "verify", "verify + denylist",
                    "denylist cost", "cost / verify", "revoked token refused"), rows));
        }
        if (keys.isEmpty()) {
            Doc.para(s, "API-key revoke → refusal: not measured in this run.");
        } else {
            Doc.para(s, "API-key revoke → refusal: one operation revokes a key and presents it, which must be refused "
                    + "(the benchmark fails otherwise); `lookup_hit` of the same tier for comparison. ns/op ± " + Fmt.CI + ".");
            List<List<String>> rows = new ArrayList<>();
            for (MeasuredScheme k : keys) {
                MeasuredScheme hit = a.tier(k.param("store"));
                // The tier's lookup may come from a pass over a larger key set: say so rather than imply the same store.
                String hitSize = hit == null || Objects.equals(hit.param("size"), k.param("size")) ? ""
                        : " (" + (hit.param("size") == null ? "other" : hit.param("size")) + " keys)";
                rows.add(List.of(k.param("store"), k.param("size") == null ? "—" : k.param("size"), Fmt.pm(k.ns()),
                        hit == null ? "—" : Fmt.pm(hit.ns()) + hitSize));
            }
            s.blocks().add(new Doc.Table(List.of("store tier", "keys", "revoke → refusal", "lookup_hit"), rows));
        }
    }
}
