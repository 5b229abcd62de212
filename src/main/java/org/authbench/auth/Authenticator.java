package org.authbench.auth;

/**
 * The one function the suite measures: a credential string in, a principal out, or a refusal.
 *
 * <p>API-key stores and JWT verifiers both implement it, so "API key versus JWT" is a row comparison in
 * one table. Implementations are built once, outside measurement, and must be thread-safe: benchmarks
 * call {@link #authenticate} from several threads.
 */
@FunctionalInterface
public interface Authenticator {

    /**
     * @param credential an API key or a compact JWS, exactly as presented
     * @return the principal the credential belongs to, never null
     * @throws Rejected if the credential is refused for any reason
     */
    Principal authenticate(String credential) throws Rejected;
}
