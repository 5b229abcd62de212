package org.authbench.jwt;

import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;

/** The one shape check adapters do themselves: a compact JWS has exactly three dot-separated parts. */
public final class CompactJws {

    private CompactJws() {
    }

    /** Positions of the two dots, or a {@code MALFORMED} refusal when there are not exactly two. */
    public static int[] dots(String token) throws Rejected {
        int dot1 = token.indexOf('.');
        int dot2 = dot1 < 0 ? -1 : token.indexOf('.', dot1 + 1);
        if (dot2 < 0 || token.indexOf('.', dot2 + 1) >= 0) {
            throw new Rejected(Reason.MALFORMED, "not a compact JWS (needs exactly three parts)");
        }
        return new int[] {dot1, dot2};
    }
}
