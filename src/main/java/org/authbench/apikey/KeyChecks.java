package org.authbench.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.auth.Rejected.Reason;

/**
 * The steps every store tier shares, so every tier does the same work around its own lookup:
 * checksum pre-check, SHA-256 of the presented key, and the verdict on a found record.
 */
public final class KeyChecks {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    private KeyChecks() {
    }

    /** Refuses a key whose checksum does not match, before any lookup. */
    public static void requireChecksum(String presented) throws Rejected {
        if (!ApiKeyFormat.checksumValid(presented)) {
            throw new Rejected(Reason.BAD_CHECKSUM, "not an API key (checksum mismatch)");
        }
    }

    /**
     * The checksum pre-check, then SHA-256 of the presented key (per-thread digest), both over one copy of
     * its bytes: what every hashed tier does before its lookup.
     */
    public static byte[] checkedSha256(String presented) throws Rejected {
        byte[] bytes = presented.getBytes(StandardCharsets.ISO_8859_1);
        if (!ApiKeyFormat.checksumValid(bytes)) {
            throw new Rejected(Reason.BAD_CHECKSUM, "not an API key (checksum mismatch)");
        }
        return SHA256.get().digest(bytes);
    }

    /** SHA-256 of a key, with a per-thread digest (fixtures and seeding). */
    public static byte[] sha256(String presented) {
        return SHA256.get().digest(presented.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The verdict on a looked-up record: absent → unknown; hash differs (constant-time) → unknown;
     * revoked → revoked; expired → expired; else the principal.
     */
    public static Principal verdict(ApiKeyRecord record, byte[] presentedHash) throws Rejected {
        if (record == null || !MessageDigest.isEqual(record.sha256(), presentedHash)) {
            throw new Rejected(Reason.UNKNOWN_KEY, "no such API key");
        }
        if (record.status() == ApiKeyRecord.Status.REVOKED) {
            throw new Rejected(Reason.REVOKED, "API key revoked");
        }
        requireUnexpired(record);
        return new Principal(record.owner(), record.id());
    }

    /**
     * Refuses an expired record. A key that never expires ({@link Long#MAX_VALUE}) reads no clock: at ~22 ns a
     * clock read is a sixth of an in-memory lookup, and no correct answer depends on it.
     */
    public static void requireUnexpired(ApiKeyRecord record) throws Rejected {
        long expiresAt = record.expiresAt();
        if (expiresAt != Long.MAX_VALUE && System.currentTimeMillis() / 1000 >= expiresAt) {
            throw new Rejected(Reason.KEY_EXPIRED, "API key expired");
        }
    }
}
