package org.authbench.crypto;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** BouncyCastle's provider, in its own class so that nothing touches BC until {@link CryptoProvider#BC} is used. */
final class BouncyCastle {

    private static Provider instance;

    private BouncyCastle() {
    }

    static synchronized Provider provider() {
        if (instance == null) {
            try {
                instance = new BouncyCastleProvider();
            } catch (LinkageError | RuntimeException e) {
                throw ProviderUnavailableException.of(CryptoProvider.BC, e);
            }
        }
        return instance;
    }
}
