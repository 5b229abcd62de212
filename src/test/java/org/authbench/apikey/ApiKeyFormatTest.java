package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyFormatTest {

    @Test
    void generatedKeysHaveTheDocumentedShapeAndPassTheirChecksum() {
        Random rnd = new Random(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String key = ApiKeyFormat.generate("abk", rnd);
            assertThat(key).matches("abk_[0-9A-Za-z]{" + (ApiKeyFormat.BODY_CHARS + ApiKeyFormat.CHECKSUM_CHARS) + "}");
            assertThat(ApiKeyFormat.checksumValid(key)).as(key).isTrue();
            seen.add(key);
        }
        assertThat(seen).hasSize(2000);
    }

    @Test
    void bodyCarriesAtLeast160Bits() {
        assertThat(ApiKeyFormat.BODY_CHARS * (Math.log(62) / Math.log(2))).isGreaterThanOrEqualTo(160.0);
    }

    @Test
    void everySingleCharacterChangeIsCaughtByTheChecksum() {
        String key = ApiKeyFormat.generate("abk", new Random(7));
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        for (int pos = key.indexOf('_') + 1; pos < key.length(); pos++) {
            for (char c : alphabet.toCharArray()) {
                if (c == key.charAt(pos)) {
                    continue;
                }
                String typo = key.substring(0, pos) + c + key.substring(pos + 1);
                assertThat(ApiKeyFormat.checksumValid(typo)).as(typo).isFalse();
            }
        }
        assertThat(ApiKeyFormat.checksumValid(ApiKeyFormat.withBadChecksum(key))).isFalse();
    }

    @Test
    void garbageIsRefusedWithoutException() {
        for (String s : new String[] {"", "_", "abk_", "abk", "abk_!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
                "abk_" + "é".repeat(33), "abk_" + "\u2603".repeat(33), "x".repeat(100_000),
                "eyJhbGciOiJIUzI1NiJ9.e30.sig"}) {
            assertThat(ApiKeyFormat.checksumValid(s)).as(s.length() > 40 ? s.substring(0, 40) : s).isFalse();
        }
    }

    @Test
    void aCharacterBeyondLatin1InAValidKeyBreaksIt() {
        String key = ApiKeyFormat.generate("abk", new Random(3));
        for (int i = 0; i < key.length(); i++) {
            // U+0130 and U+2603 both become '?' as Latin-1: never a digit, never the underscore.
            String broken = key.substring(0, i) + (i % 2 == 0 ? '\u0130' : '\u2603') + key.substring(i + 1);
            assertThat(ApiKeyFormat.checksumValid(broken)).as(broken).isFalse();
        }
    }
}
