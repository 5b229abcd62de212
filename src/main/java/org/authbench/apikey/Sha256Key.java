package org.authbench.apikey;

import java.security.MessageDigest;
import java.util.Arrays;

/**
 * A SHA-256 digest as a hash-map key. Equality here only finds the candidate record; the record's stored
 * hash is then compared with {@link MessageDigest#isEqual} (constant time) before the key is accepted.
 */
public final class Sha256Key {

    private final byte[] digest;
    private final int hash;

    public Sha256Key(byte[] digest) {
        this.digest = digest;
        // The digest is uniformly distributed: its first four bytes are as good a hash as any.
        this.hash = (digest[0] & 0xFF) << 24 | (digest[1] & 0xFF) << 16 | (digest[2] & 0xFF) << 8 | (digest[3] & 0xFF);
    }

    public byte[] digest() {
        return digest;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sha256Key k && Arrays.equals(digest, k.digest);
    }
}
