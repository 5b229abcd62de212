package org.authbench.conformance;

import org.authbench.jwt.MessageApi;

/**
 * The case families of the conformance matrix. Most go through the same path the benchmarks measure
 * ({@code JwtLibrary.create(policy).authenticate(token)}); the raw-signature families cannot, because their
 * vectors sign an arbitrary message rather than a JWS signing input, so they use each library's own
 * JWS signature API on that message where it has one (see {@link MessageApi}).
 */
public enum Family {
    /** Wycheproof {@code json_web_signature_test.json}: compact JWS, signature layer only (jwsOnly policy). */
    WYCHEPROOF_JWS("wycheproof-jws", true),
    /** RFC 7515 Appendix A.1-A.3 with a fixed clock, and tampered versions of each. */
    RFC7515("rfc7515", true),
    /** The project's hostile corpus (fixture/Hostile) and valid pool, from keys of a fresh random seed. */
    HOSTILE("hostile", true),
    /** Wycheproof P1363 ECDSA P-256/SHA-256 signatures over raw messages, through the library's ES256 signature API. */
    WYCHEPROOF_ECDSA_P1363("wycheproof-ecdsa-p1363", false),
    /** Wycheproof RSASSA-PKCS1-v1_5 2048/SHA-256 signatures over raw messages, through the library's RS256 API. */
    WYCHEPROOF_RSA_PKCS1("wycheproof-rsa-pkcs1", false),
    /** Wycheproof DER-encoded ECDSA signatures: JWS ES256 is fixed-width r || s, so none may pass, valid or not. */
    WYCHEPROOF_ECDSA_DER("wycheproof-ecdsa-der", false);

    private final String label;
    private final boolean throughAuthenticator;

    Family(String label, boolean throughAuthenticator) {
        this.label = label;
        this.throughAuthenticator = throughAuthenticator;
    }

    public String label() {
        return label;
    }

    /** True when cases go through {@code Authenticator.authenticate}; false for the library's signature API. */
    public boolean throughAuthenticator() {
        return throughAuthenticator;
    }
}
