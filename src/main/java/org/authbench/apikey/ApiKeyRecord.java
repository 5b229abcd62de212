package org.authbench.apikey;

/**
 * What a store keeps per key: never the key itself (except the deliberately naive {@code plain} tier),
 * only its SHA-256, the owner and the key's state.
 *
 * @param id            stable key id, returned as the principal's credential id
 * @param owner         returned as the principal's subject
 * @param sha256        SHA-256 of the presented key string
 * @param status        active or revoked
 * @param expiresAt     epoch second after which the key is refused; {@link Long#MAX_VALUE} for never
 */
public record ApiKeyRecord(String id, String owner, byte[] sha256, Status status, long expiresAt) {

    public enum Status { ACTIVE, REVOKED }

    public ApiKeyRecord withStatus(Status newStatus) {
        return new ApiKeyRecord(id, owner, sha256, newStatus, expiresAt);
    }
}
