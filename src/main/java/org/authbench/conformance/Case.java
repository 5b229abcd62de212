package org.authbench.conformance;

import org.authbench.auth.Principal;
import org.authbench.jwt.VerifierPolicy;

/**
 * One conformance case: a compact token for {@code Authenticator.authenticate} under {@code policy}, or (the
 * raw-signature families) a message and signature for a library's signature API under {@code policy}'s
 * algorithm and key.
 *
 * @param policy the policy the verifier is built with, or null when the case is not applicable to any
 * @param claimSet whether the payload is a JSON object (a refused valid non-claim-set payload is "not applicable")
 * @param principal the principal an accepted token must yield, or null when not checked
 * @param notApplicable why no verifier under the common policy can take the case, or null
 */
public record Case(
        Family family,
        String id,
        String comment,
        VerifierPolicy policy,
        String token,
        byte[] message,
        byte[] signature,
        Expected expected,
        boolean claimSet,
        Principal principal,
        String notApplicable) {

    static Case token(Family family, String id, String comment, VerifierPolicy policy, String token,
            Expected expected, boolean claimSet, Principal principal) {
        return new Case(family, id, comment, policy, token, null, null, expected, claimSet, principal, null);
    }

    static Case message(Family family, String id, String comment, VerifierPolicy policy, byte[] message,
            byte[] signature, Expected expected) {
        return new Case(family, id, comment, policy, null, message, signature, expected, false, null, null);
    }

    static Case notApplicable(Family family, String id, String comment, Expected expected, String why) {
        return new Case(family, id, comment, null, null, null, null, expected, false, null, why);
    }
}
