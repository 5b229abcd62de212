package org.authbench.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Provider;

/**
 * Amazon Corretto Crypto Provider, in its own class so that nothing touches ACCP (whose class initialiser loads
 * a native library) until {@link CryptoProvider#ACCP} is used. ACCP reports a failed load through
 * {@code getLoadingError()} rather than throwing, and can be loaded but unhealthy (a self-test failed): both make
 * it unavailable here, with ACCP's own reason.
 */
final class Corretto {

    private Corretto() {
    }

    static Provider provider() {
        AmazonCorrettoCryptoProvider p;
        try {
            p = AmazonCorrettoCryptoProvider.INSTANCE;
        } catch (LinkageError | RuntimeException e) {
            throw ProviderUnavailableException.of(CryptoProvider.ACCP, e);
        }
        Throwable error = p.getLoadingError();
        if (error != null) {
            throw ProviderUnavailableException.of(CryptoProvider.ACCP, error);
        }
        try {
            p.assertHealthy();
        } catch (RuntimeException e) {
            throw ProviderUnavailableException.of(CryptoProvider.ACCP, e);
        }
        return p;
    }
}
