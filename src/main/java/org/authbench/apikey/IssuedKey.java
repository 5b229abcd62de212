package org.authbench.apikey;

/** A key as handed to its client ({@code key}) together with what the server stores about it. */
public record IssuedKey(String key, ApiKeyRecord record) {
}
