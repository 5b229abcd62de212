package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Cli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class VerifyCommandTest {

    static final long NOW = 1_750_000_000L;
    static JwtFixture es;
    static JwtFixture hs;
    @TempDir
    static Path dir;
    static Path esJwk;
    static Path hsJwk;
    static Path validToken;

    @BeforeAll
    static void files() throws IOException {
        es = JwtFixture.fixed(JwtAlgorithm.ES256, 2, NOW, 11);
        hs = JwtFixture.fixed(JwtAlgorithm.HS256, 2, NOW, 11);
        esJwk = Files.writeString(dir.resolve("es.jwk"), JwkKeys.toJson(es.policy().key()));
        hsJwk = Files.writeString(dir.resolve("hs.jwk"), JwkKeys.toJson(hs.policy().key()));
        validToken = Files.writeString(dir.resolve("valid.jwt"), es.validTokens()[0] + "\n");
    }

    private static Cli.Result verify(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void acceptsAValidTokenWithExitZero() {
        Cli.Result r = verify("--library", "reference", "--alg", "ES256", "--jwk", esJwk.toString(), "--token",
                validToken.toString(), "--now", Long.toString(NOW), "--iss", JwtFixture.ISSUER, "--aud", JwtFixture.AUDIENCE);
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines().findFirst()).contains("accepted");
        assertThat(r.out()).contains("sub=user-0");
    }

    @Test
    void refusesAnExpiredTokenWithExitOneAndTheReason() throws IOException {
        Path t = Files.writeString(dir.resolve("expired.jwt"), es.hostile(Hostile.EXPIRED));
        Cli.Result r = verify("--library", "reference", "--alg", "ES256", "--jwk", esJwk.toString(), "--token",
                t.toString(), "--now", Long.toString(NOW));
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines().findFirst()).contains("rejected: expired");
    }

    @Test
    void theClockIsTheOneGivenByNow() {
        // The fixture's tokens expire a day after NOW: two days later the same token is refused.
        Cli.Result r = verify("--library", "reference", "--alg", "ES256", "--jwk", esJwk.toString(), "--token",
                validToken.toString(), "--now", Long.toString(NOW + 2 * 86_400));
        assertThat(r.out().lines().findFirst()).contains("rejected: expired");
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.jwt"), "  \n");
        Path badJwk = Files.writeString(dir.resolve("bad.jwk"), "{\"kty\":\"RSA\",\"n\":");
        Path ecNoCurve = Files.writeString(dir.resolve("nocrv.jwk"), "{\"kty\":\"EC\",\"x\":\"AA\",\"y\":\"AA\"}");
        String jwk = esJwk.toString();
        String tok = validToken.toString();
        List<List<String>> cases = List.of(
                List.of("--library", "nosuchlib", "--alg", "ES256", "--jwk", jwk, "--token", tok),
                List.of("--library", "reference", "--alg", "XS999", "--jwk", jwk, "--token", tok),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", dir.resolve("missing.jwk").toString(), "--token", tok),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", jwk, "--token", dir.resolve("missing.jwt").toString()),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", badJwk.toString(), "--token", tok),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", ecNoCurve.toString(), "--token", tok),
                List.of("--library", "reference", "--alg", "RS256", "--jwk", jwk, "--token", tok),
                List.of("--library", "reference", "--alg", "HS256", "--jwk", jwk, "--token", tok),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", hsJwk.toString(), "--token", tok),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", jwk, "--token", empty.toString()),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", jwk, "--token", tok, "--now", "yesterday"),
                List.of("--library", "reference", "--alg", "ES256", "--jwk", jwk));
        for (List<String> c : cases) {
            Cli.Result r = verify(c.toArray(String[]::new));
            assertThat(r.exit()).as("exit of %s", c).isEqualTo(2);
            assertThat(r.errLines()).as("stderr of %s", c).hasSize(1);
            assertThat(r.err()).as("stderr of %s", c).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void batchAnswersEveryLineInOrderAndSurvivesAMalformedOne() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode jwk = json.readTree(JwkKeys.toJson(es.policy().key()));
        String good = json.writeValueAsString(json.createObjectNode().put("id", "a").put("library", "reference")
                .put("alg", "ES256").put("token", es.validTokens()[1]).put("now", NOW).set("jwk", jwk));
        String forged = json.writeValueAsString(json.createObjectNode().put("id", "b").put("library", "reference")
                .put("alg", "ES256").put("token", es.hostile(Hostile.OTHER_KEY)).put("now", NOW).set("jwk", jwk));
        String unknownLib = json.writeValueAsString(json.createObjectNode().put("id", "d").put("library", "nope")
                .put("alg", "ES256").put("token", "x").set("jwk", jwk));
        Path batch = Files.writeString(dir.resolve("batch.jsonl"), good + "\n{not json\n" + forged + "\n" + unknownLib + "\n");
        Cli.Result r = Cli.run("verify", "--batch", batch.toString());
        assertThat(r.exit()).isZero();
        List<JsonNode> lines = r.out().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0).get("id").asText()).isEqualTo("a");
        assertThat(lines.get(0).get("result").asText()).isEqualTo("accepted");
        assertThat(lines.get(1).get("result").asText()).isEqualTo("error");
        assertThat(lines.get(2).get("id").asText()).isEqualTo("b");
        assertThat(lines.get(2).get("result").asText()).isEqualTo("rejected");
        assertThat(lines.get(2).get("reason").asText()).isEqualTo("bad_signature");
        assertThat(lines.get(3).get("result").asText()).isEqualTo("error");
        assertThat(lines.get(3).get("reason").asText()).contains("unknown library");
    }

    @Test
    void missingBatchFileIsOneLineExitTwo() {
        Cli.Result r = Cli.run("verify", "--batch", dir.resolve("nope.jsonl").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.errLines()).hasSize(1);
        assertThat(r.err()).contains("nope.jsonl");
    }

    /**
     * Each new algorithm from its JWK file (RSA for PS256, EC P-384, oct 512-bit, OKP Ed25519) through every
     * library that supports it: the valid token is accepted, a forged one refused.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(value = JwtAlgorithm.class, names = {"PS256", "ES384", "HS512", "EdDSA"})
    void verifiesEachNewAlgorithmFromItsJwkFile(JwtAlgorithm alg) throws IOException {
        JwtFixture f = JwtFixture.fixed(alg, 2, NOW, 11);
        String jwkJson = JwkKeys.toJson(f.policy().key());
        assertThat(new ObjectMapper().readTree(jwkJson).get("kty").asText()).isEqualTo(switch (alg) {
            case PS256 -> "RSA";
            case ES384 -> "EC";
            case HS512 -> "oct";
            default -> "OKP";
        });
        Path jwk = Files.writeString(dir.resolve(alg + ".jwk"), jwkJson);
        Path valid = Files.writeString(dir.resolve(alg + "-valid.jwt"), f.validTokens()[1]);
        Path forged = Files.writeString(dir.resolve(alg + "-forged.jwt"), f.hostile(Hostile.OTHER_KEY));
        for (JwtLibrary l : JwtLibrary.values()) {
            if (!l.supports(alg)) {
                continue;
            }
            Cli.Result ok = verify("--library", l.cliName(), "--alg", alg.name().toLowerCase(Locale.ROOT),
                    "--jwk", jwk.toString(), "--token", valid.toString(), "--now", Long.toString(NOW),
                    "--iss", JwtFixture.ISSUER, "--aud", JwtFixture.AUDIENCE);
            assertThat(ok.exit()).as("%s %s: %s %s", l, alg, ok.out(), ok.err()).isZero();
            assertThat(ok.out()).contains("sub=user-1");
            Cli.Result no = verify("--library", l.cliName(), "--alg", alg.name(), "--jwk", jwk.toString(), "--token",
                    forged.toString(), "--now", Long.toString(NOW));
            assertThat(no.exit()).as("%s %s", l, alg).isEqualTo(1);
            assertThat(no.out().lines().findFirst()).contains("rejected: bad_signature");
        }
    }

    @Test
    void anUnsupportedLibraryAndAlgorithmIsOneLineAndExitTwo() throws IOException {
        JwtFixture ed = JwtFixture.fixed(JwtAlgorithm.EdDSA, 2, NOW, 11);
        Path jwk = Files.writeString(dir.resolve("ed.jwk"), JwkKeys.toJson(ed.policy().key()));
        Path tok = Files.writeString(dir.resolve("ed.jwt"), ed.validTokens()[0]);
        for (String lib : List.of("auth0", "nimbus", "fusionauth")) {
            Cli.Result r = verify("--library", lib, "--alg", "eddsa", "--jwk", jwk.toString(), "--token", tok.toString());
            assertThat(r.exit()).as(lib).isEqualTo(2);
            assertThat(r.errLines()).as(lib).hasSize(1);
            assertThat(r.err()).as(lib).startsWith("authbench: " + lib + " does not support EdDSA: ")
                    .doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aKeyOnTheOtherCurveIsOneLineAndExitTwo() throws IOException {
        JwtFixture es384 = JwtFixture.fixed(JwtAlgorithm.ES384, 2, NOW, 11);
        Path p384 = Files.writeString(dir.resolve("p384.jwk"), JwkKeys.toJson(es384.policy().key()));
        Path okp = Files.writeString(dir.resolve("x448.jwk"), "{\"kty\":\"OKP\",\"crv\":\"X448\",\"x\":\"AA\"}");
        for (List<String> c : List.of(
                List.of("--library", "reference", "--alg", "ES256", "--jwk", p384.toString(), "--token", validToken.toString()),
                List.of("--library", "reference", "--alg", "EdDSA", "--jwk", okp.toString(), "--token", validToken.toString()),
                List.of("--library", "reference", "--alg", "EdDSA", "--jwk", esJwk.toString(), "--token", validToken.toString()))) {
            Cli.Result r = verify(c.toArray(String[]::new));
            assertThat(r.exit()).as("exit of %s", c).isEqualTo(2);
            assertThat(r.errLines()).as("stderr of %s", c).hasSize(1);
        }
    }

    @Test
    void batchReportsAnUnsupportedPairAsAnErrorLine() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JwtFixture ed = JwtFixture.fixed(JwtAlgorithm.EdDSA, 2, NOW, 11);
        JsonNode jwk = json.readTree(JwkKeys.toJson(ed.policy().key()));
        String line = json.writeValueAsString(json.createObjectNode().put("id", "e").put("library", "auth0")
                .put("alg", "EdDSA").put("token", ed.validTokens()[0]).put("now", NOW).set("jwk", jwk));
        String ok = json.writeValueAsString(json.createObjectNode().put("id", "f").put("library", "jose4j")
                .put("alg", "EdDSA").put("token", ed.validTokens()[0]).put("now", NOW).set("jwk", jwk));
        Path batch = Files.writeString(dir.resolve("ed.jsonl"), line + "\n" + ok + "\n");
        Cli.Result r = Cli.run("verify", "--batch", batch.toString());
        List<JsonNode> lines = r.out().lines().map(l -> {
            try {
                return json.readTree(l);
            } catch (IOException e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertThat(lines.get(0).get("result").asText()).isEqualTo("error");
        assertThat(lines.get(0).get("reason").asText()).startsWith("auth0 does not support EdDSA");
        assertThat(lines.get(1).get("result").asText()).isEqualTo("accepted");
    }
}
