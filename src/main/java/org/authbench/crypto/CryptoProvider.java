package org.authbench.crypto;

import java.security.Provider;
import java.security.Security;
import java.util.Locale;

/**
 * The JCA provider a benchmark fork runs on; each constant loads its provider and {@link #install}s it at JCA
 * position 1 of the current JVM, so every {@code Signature}, {@code Mac}, {@code KeyFactory} and
 * {@code MessageDigest} lookup that does not name a provider (all the libraries under test, the reference
 * verifier, the floors) gets it first. The JMH {@code @Param} of {@code VerifyBenchmark} and
 * {@code CryptoFloorBenchmark} ({@code -p provider=BC}); rows read {@code NIMBUS}/{@code ES256}/{@code BC}.
 *
 * <p>Nothing loads when the enum does: provider classes are touched only in {@link #unavailableReason} and
 * {@link #install}, so a provider that cannot load here (another OS or CPU, a missing native library) makes only
 * its own rows unavailable, with the reason. A JVM holds one provider at a time; each JMH fork is a fresh JVM.
 */
public enum CryptoProvider {
    /** The JDK's own providers (SunJCE, SunRsaSign, SunEC), nothing installed. */
    DEFAULT {
        @Override
        Provider load() {
            return null;
        }
    },
    /** BouncyCastle ({@code bcprov-jdk18on}), pure Java. */
    BC {
        @Override
        Provider load() {
            return BouncyCastle.provider();
        }
    },
    /** Amazon Corretto Crypto Provider: AWS-LC through JNI; its native library ships in the jar (linux-x86_64 only here). */
    ACCP {
        @Override
        Provider load() {
            return Corretto.provider();
        }
    };

    /**
     * The provider, loaded and checked but not installed; null for {@link #DEFAULT}. Throws
     * {@link ProviderUnavailableException} when it cannot work in this JVM.
     */
    abstract Provider load();

    /**
     * Null when this provider can be installed in this JVM; otherwise one line saying why not (e.g. "ACCP cannot
     * load here: no native library for Linux aarch64"). Loads the provider's classes (and ACCP's native library)
     * but installs nothing, so the calling JVM's providers stay as they were.
     */
    public String unavailableReason() {
        try {
            load();
            return null;
        } catch (ProviderUnavailableException e) {
            return e.getMessage();
        }
    }

    /**
     * Installs this provider at JCA position 1 (nothing for {@link #DEFAULT}) and returns what is now first, or
     * null for {@link #DEFAULT}. Idempotent; refuses to stack a second provider on one already installed, since
     * the JVM would then measure a mixture.
     */
    public Provider install() {
        synchronized (CryptoProvider.class) {
            return installHere();
        }
    }

    private Provider installHere() {
        Provider p = load();
        Provider first = Security.getProviders()[0];
        if (p == null) {
            if (INSTALLED != null) {
                throw new IllegalStateException("provider " + INSTALLED + " is already installed in this JVM; DEFAULT needs a fresh one");
            }
            return null;
        }
        if (INSTALLED != null && INSTALLED != this) {
            throw new IllegalStateException("provider " + INSTALLED + " is already installed in this JVM; " + this
                    + " needs a fresh one");
        }
        if (!first.getName().equals(p.getName())) {
            Security.removeProvider(p.getName()); // a provider listed lower (e.g. by java.security) moves to the top
            if (Security.insertProviderAt(p, 1) != 1) {
                throw new ProviderUnavailableException(this + ": the JVM refused to install " + p.getName() + " at position 1");
            }
        }
        INSTALLED = this;
        return Security.getProviders()[0];
    }

    /** The JCA name of this provider ({@code BC}, {@code AmazonCorrettoCryptoProvider}); null for {@link #DEFAULT}. */
    public String jcaName() {
        return switch (this) {
            case DEFAULT -> null;
            case BC -> "BC";
            case ACCP -> "AmazonCorrettoCryptoProvider";
        };
    }

    /** The constant installed in this JVM by {@link #install}, if any. */
    private static CryptoProvider INSTALLED;

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code bc}, {@code BC}; throws {@link IllegalArgumentException} naming the choices. */
    public static CryptoProvider parse(String name) {
        for (CryptoProvider p : values()) {
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        StringBuilder choices = new StringBuilder();
        for (CryptoProvider p : values()) {
            choices.append(choices.length() == 0 ? "" : ", ").append(p.cliName());
        }
        throw new IllegalArgumentException("unknown provider '" + name + "' (choose from " + choices + ")");
    }
}
