package org.authbench.jwt;

import java.security.Key;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Rejected.Reason;

/**
 * Everything the suite knows about one JWT library, kept in the library's own folder ({@code jwt/<lib>/}) and
 * reached only through its {@link JwtLibrary} constant. Every method is abstract and {@link Facts} takes every
 * fact in its constructor, so a library that lacks a part (no message-level verifier, no {@code alg: none}
 * mapping) does not compile.
 */
public interface LibraryModule {

    /**
     * @param coordinates   Maven coordinates ({@code group:artifact}) whose versions a run records, the library's own
     *                      first; empty for code of this project
     * @param unsupported   the algorithms the pinned version cannot verify through its production path, each with
     *                      why (empty when it verifies them all); the library's own test shows each gap in the library
     * @param algNoneReason the reason its verifier gives for an {@code alg: none} token under a pinned algorithm:
     *                      {@link Reason#ALGORITHM_NOT_ALLOWED} unless the library reports that refusal otherwise
     */
    record Facts(List<String> coordinates, Map<JwtAlgorithm, String> unsupported, Reason algNoneReason) {
    }

    Facts facts();

    /** The adapter enforcing {@code policy}; called only for algorithms absent from {@link Facts#unsupported()}. */
    Authenticator verifier(VerifierPolicy policy);

    /** The signer for {@code algorithm} with the HMAC secret or private key; only for supported algorithms. */
    TokenIssuer issuer(JwtAlgorithm algorithm, Key signingKey);

    /** Its JWS signature primitive applied to arbitrary messages (conformance), or {@link MessageApi#none}. */
    MessageApi messageApi();

    /**
     * The {@link JwtLibrary} name of the library this one is built on when the suite measures that one too (a framework
     * over its JOSE library), so a report can show what the layer on top costs; null for a library that stands alone.
     * A name, not the constant: a module never reaches back into the enum.
     */
    default String buildsOn() {
        return null;
    }
}
