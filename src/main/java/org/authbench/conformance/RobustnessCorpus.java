package org.authbench.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import org.authbench.fixture.JwsSigner;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;

/**
 * Random and mutated tokens for the robustness run, generated on demand from (seed, index) so any case can be
 * rebuilt from its id and none is held in memory: bit flips and truncations of valid tokens, random text and
 * random base64url parts, and (1% of cases, each 64 KiB to 1 MiB) huge headers, deeply nested JSON and very
 * long strings. The deep and long kinds are also signed with the right key, so they reach claim parsing.
 *
 * <p>Each case says whether it must be refused. Mutants that a lenient base64url decoder (one that skips
 * characters outside the alphabet, padding and unused bits) maps back to the original bytes may go either
 * way, as Wycheproof's own JWS cases 372/373 do; so may signed tokens whose claims are valid. The Wycheproof
 * family, not this corpus, judges base64url strictness.
 */
final class RobustnessCorpus {

    enum Kind {
        BIT_FLIP, TRUNCATION, RANDOM_TEXT, RANDOM_PARTS, SPLICE,
        HUGE_HEADER, DEEP_HEADER, DEEP_PAYLOAD_SIGNED, NESTED_PAYLOAD_SIGNED, LONG_STRING_SIGNED
    }

    record FuzzCase(String id, Kind kind, JwtAlgorithm algorithm, String token, boolean mustReject) {
    }

    private static final JwtAlgorithm[] ALGS = HostileCorpus.ALGORITHMS.toArray(JwtAlgorithm[]::new);
    private static final int BIG_MIN = 64 * 1024;
    private static final int BIG_MAX = 1024 * 1024;
    private static final char[] B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();

    private final Map<JwtAlgorithm, JwtFixture> fixtures;
    private final long seed;

    RobustnessCorpus(Map<JwtAlgorithm, JwtFixture> fixtures, long seed) {
        this.fixtures = fixtures;
        this.seed = seed;
    }

    FuzzCase get(int index) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + index);
        JwtAlgorithm alg = ALGS[index % ALGS.length];
        JwtFixture f = fixtures.get(alg);
        String valid = f.validTokens()[r.nextInt(f.poolSize())];
        int roll = r.nextInt(1000);
        Kind kind = roll < 300 ? Kind.BIT_FLIP
                : roll < 500 ? Kind.TRUNCATION
                : roll < 650 ? Kind.RANDOM_TEXT
                : roll < 800 ? Kind.RANDOM_PARTS
                : roll < 990 ? Kind.SPLICE
                : Kind.values()[Kind.HUGE_HEADER.ordinal() + r.nextInt(5)];
        String id = "fuzz-" + index;
        return switch (kind) {
            case BIT_FLIP -> mutant(id, kind, alg, valid, bitFlips(valid, r));
            case TRUNCATION -> mutant(id, kind, alg, valid, valid.substring(0, r.nextInt(valid.length())));
            case RANDOM_TEXT -> new FuzzCase(id, kind, alg, randomText(r, r.nextInt(512)), true);
            case RANDOM_PARTS -> new FuzzCase(id, kind, alg, randomParts(r), true);
            case SPLICE -> mutant(id, kind, alg, valid, splice(valid, alg, r));
            case HUGE_HEADER -> {
                String[] p = valid.split("\\.");
                String header = "{\"alg\":\"" + alg + "\",\"typ\":\"JWT\",\"x\":\"" + "A".repeat(big(r)) + "\"}";
                yield new FuzzCase(id, kind, alg, JwsSigner.b64(header) + "." + p[1] + "." + p[2], true);
            }
            case DEEP_HEADER -> {
                String[] p = valid.split("\\.");
                String header = "{\"alg\":\"" + alg + "\",\"x\":" + nested(big(r) / 2) + "}";
                yield new FuzzCase(id, kind, alg, JwsSigner.b64(header) + "." + p[1] + "." + p[2], true);
            }
            case DEEP_PAYLOAD_SIGNED -> {
                // The whole payload is an array nested a few hundred thousand deep: signed, so it reaches claim parsing.
                String payload = nested(big(r) / 2);
                yield new FuzzCase(id, kind, alg, sign(f, payload), true);
            }
            case NESTED_PAYLOAD_SIGNED -> {
                String payload = claims(f, "\"x\":" + nested(big(r) / 2));
                yield new FuzzCase(id, kind, alg, sign(f, payload), false);
            }
            case LONG_STRING_SIGNED -> {
                String payload = claims(f, "\"sub\":\"" + "u".repeat(big(r)) + "\"");
                yield new FuzzCase(id, kind, alg, sign(f, payload), false);
            }
        };
    }

    /** A mutant must be refused unless a lenient decoder reads exactly the original bytes from it. */
    private static FuzzCase mutant(String id, Kind kind, JwtAlgorithm alg, String original, String token) {
        return new FuzzCase(id, kind, alg, token, !sameBytes(original, token));
    }

    private static boolean sameBytes(String a, String b) {
        String[] pa = a.split("\\.", -1);
        String[] pb = b.split("\\.", -1);
        if (pa.length != pb.length) {
            return false;
        }
        for (int i = 0; i < pa.length; i++) {
            if (!Arrays.equals(lenient(pa[i]), lenient(pb[i]))) {
                return false;
            }
        }
        return true;
    }

    /** What the most lenient decoder reads: alphabet characters only, unused trailing bits dropped. */
    private static byte[] lenient(String part) {
        String kept = part.replaceAll("[^A-Za-z0-9_-]", "");
        if (kept.length() % 4 == 1) {
            kept = kept.substring(0, kept.length() - 1);
        }
        return Base64.getUrlDecoder().decode(kept);
    }

    private static String bitFlips(String token, Random r) {
        byte[] b = token.getBytes(StandardCharsets.ISO_8859_1);
        int flips = 1 + r.nextInt(4);
        for (int i = 0; i < flips; i++) {
            b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
        }
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    private static String randomText(Random r, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int pick = r.nextInt(10);
            sb.append(pick < 6 ? B64[r.nextInt(B64.length)] : pick < 8 ? '.' : (char) r.nextInt(0x3000));
        }
        return sb.toString();
    }

    private static String randomParts(Random r) {
        int parts = 1 + r.nextInt(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            byte[] b = new byte[r.nextInt(300)];
            r.nextBytes(b);
            if (i > 0) {
                sb.append('.');
            }
            // Half the time a JSON-looking header, so parsers get past the first byte.
            sb.append(i == 0 && r.nextBoolean() ? JwsSigner.b64("{\"alg\":\"" + ALGS[r.nextInt(ALGS.length)]
                    + "\",\"" + new String(b, StandardCharsets.ISO_8859_1) + "\":1}") : JwsSigner.b64(b));
        }
        return sb.toString();
    }

    /** Parts of a valid token reordered, duplicated, swapped for another algorithm's, or with junk inserted. */
    private String splice(String valid, JwtAlgorithm own, Random r) {
        String[] p = valid.split("\\.");
        // Parts from another algorithm's fixture: never the same bytes as this token's own parts.
        JwtAlgorithm otherAlg = ALGS[(HostileCorpus.ALGORITHMS.indexOf(own) + 1 + r.nextInt(ALGS.length - 1)) % ALGS.length];
        String[] other = fixtures.get(otherAlg).validTokens()[0].split("\\.");
        return switch (r.nextInt(6)) {
            case 0 -> p[1] + "." + p[0] + "." + p[2];
            case 1 -> p[0] + "." + p[1] + "." + p[2] + "." + p[2];
            case 2 -> other[0] + "." + p[1] + "." + p[2];
            case 3 -> p[0] + "." + p[1] + "." + other[2];
            case 4 -> p[0] + "." + p[1] + "=." + p[2] + "==";
            default -> {
                int at = r.nextInt(valid.length() + 1);
                yield valid.substring(0, at) + randomText(r, 1 + r.nextInt(8)) + valid.substring(at);
            }
        };
    }

    private static int big(Random r) {
        return BIG_MIN + r.nextInt(BIG_MAX - BIG_MIN);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static String claims(JwtFixture f, String extra) {
        long now = f.now();
        return "{\"iss\":\"" + JwtFixture.ISSUER + "\",\"aud\":\"" + JwtFixture.AUDIENCE + "\",\"exp\":"
                + (now + 3600) + ",\"jti\":\"fuzz\"," + extra + "}";
    }

    private static String sign(JwtFixture f, String payload) {
        return JwsSigner.sign("{\"alg\":\"" + f.algorithm() + "\",\"typ\":\"JWT\"}", payload,
                f.algorithm().jcaName(), f.keys().signingKey());
    }
}
