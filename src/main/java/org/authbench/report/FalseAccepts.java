package org.authbench.report;

import java.util.Set;
import org.authbench.runfiles.Conformance;

/**
 * False accepts split by code path. The benchmarked path is the adapter each benchmark times
 * ({@code authenticate(token)}): the JWS, RFC 7515 and hostile families and the robustness corpus. The
 * raw-signature families go through a library's own signature API instead, which the adapter may never call (a
 * DER-encoded ECDSA signature that vert.x's raw API accepts is refused by its JWT adapter), so they are counted
 * apart and never charged to a benchmarked row.
 */
final class FalseAccepts {

    /** Families run through a library's raw signature API (the conformance module's {@code Family} labels). */
    static final Set<String> RAW_API_FAMILIES = Set.of("wycheproof-ecdsa-p1363", "wycheproof-rsa-pkcs1",
            "wycheproof-ecdsa-der");

    private FalseAccepts() {
    }

    /** False accepts on the benchmarked path, or null when the library was not checked. */
    static Integer benchmarked(Conformance c, String library) {
        Conformance.Library l = find(c, library);
        if (l == null) {
            return null;
        }
        int n = l.robustness() == null ? 0 : l.robustness().falseAccepts();
        for (var e : l.families().entrySet()) {
            if (e.getValue() != null && !RAW_API_FAMILIES.contains(e.getKey())) {
                n += e.getValue().falseAccepts();
            }
        }
        return n;
    }

    /** False accepts through the library's raw signature API, or null when the library was not checked. */
    static Integer rawApi(Conformance c, String library) {
        Conformance.Library l = find(c, library);
        if (l == null) {
            return null;
        }
        int n = 0;
        for (var e : l.families().entrySet()) {
            if (e.getValue() != null && RAW_API_FAMILIES.contains(e.getKey())) {
                n += e.getValue().falseAccepts();
            }
        }
        return n;
    }

    /** A table cell: "0", "⚠ 9", or "not checked". */
    static String cell(Integer n) {
        return n == null ? "not checked" : n == 0 ? "0" : "⚠ " + n;
    }

    private static Conformance.Library find(Conformance c, String library) {
        if (c == null || library == null) {
            return null;
        }
        return c.libraries().stream().filter(l -> l.library().equalsIgnoreCase(library)).findFirst().orElse(null);
    }
}
