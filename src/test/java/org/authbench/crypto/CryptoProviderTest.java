package org.authbench.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every provider in a JVM of its own (installing one is for the JVM's life, and this test JVM must stay on the
 * JDK's providers): it loads here, is first once installed, serves every algorithm itself (P1363 ECDSA included),
 * and with it installed every adapter still accepts the valid pool and refuses every hostile token. The JDK's
 * provider debug output ({@code -Djava.security.debug=provider,engine=Signature,engine=Mac}) says which provider
 * each library's own JCA calls got: checked, not assumed. A provider that cannot load gives a reason, not an
 * exception. These JVMs run on linux-x86_64, the only ACCP classifier in the build; elsewhere ACCP's reason is
 * asserted instead.
 */
class CryptoProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What quick, standard, ci and platform measure: every provider must serve these itself. */
    private static final List<JwtAlgorithm> CORE = List.of(JwtAlgorithm.HS256, JwtAlgorithm.RS256, JwtAlgorithm.ES256);
    private static final Pattern FROM = Pattern.compile("(Signature|Mac)\\.(\\S+) .*algorithm from: (\\S+)");

    @TempDir
    Path tmp;

    record Probe(List<JsonNode> lines, String stderr) {
    }

    private Probe probe(String provider, String... jvmFlags) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of(jvmFlags));
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), ProviderProbe.class.getName(), provider));
        Path out = tmp.resolve(provider + ".out");
        Path err = tmp.resolve(provider + ".err");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(240, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("probe " + provider + " did not finish in 240 s");
        }
        String stderr = Files.readString(err);
        assertThat(p.exitValue()).as("probe exit; stderr tail: %s", tail(stderr)).isZero();
        List<JsonNode> lines = new ArrayList<>();
        for (String l : Files.readAllLines(out)) {
            lines.add(JSON.readTree(l));
        }
        return new Probe(lines, stderr);
    }

    private static boolean accpPlatform() {
        return System.getProperty("os.name").toLowerCase().startsWith("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(CryptoProvider.class)
    void installedFirstServesEveryAlgorithmAndEveryAdapterStillAcceptsAndRefuses(CryptoProvider provider)
            throws Exception {
        if (provider == CryptoProvider.ACCP && !accpPlatform()) {
            assertThat(provider.unavailableReason()).startsWith("ACCP cannot load here: ");
            return;
        }
        Probe r = probe(provider.name(), "-Djava.security.debug=provider,engine=Signature,engine=Mac");
        assertThat(r.lines().get(0).has("unavailable")).as("%s", r.lines().get(0)).isFalse();
        String expected = provider == CryptoProvider.DEFAULT ? null : provider.jcaName();
        JsonNode head = r.lines().get(0);
        if (expected == null) {
            assertThat(head.get("first").asText()).isEqualTo("SUN");
            assertThat(head.get("p1363").asText()).isEqualTo("SunEC");
        } else {
            assertThat(head.get("first").asText()).isEqualTo(expected);
            assertThat(head.get("p1363").asText()).as("SHA256withECDSAinP1363Format").isEqualTo(expected);
        }
        int adapters = 0;
        int pairs = 0;
        for (JsonNode l : r.lines()) {
            if (l.has("served")) {
                JwtAlgorithm alg = JwtAlgorithm.valueOf(l.get("alg").asText());
                if (!l.get("unsupported").isNull()) {
                    // Not served by the provider itself: its rows fail as "not supported by provider", with this reason.
                    assertThat(expected).as("DEFAULT serves everything").isNotNull();
                    assertThat(l.get("unsupported").asText()).startsWith(provider + " ");
                    assertThat(CORE).as("%s must serve the algorithms every profile measures", provider).doesNotContain(alg);
                    continue;
                }
                assertThat(l.get("served").get(alg.jcaName()).asText()).as(alg + " " + alg.jcaName())
                        .startsWith(expected == null ? "Sun" : expected + " ");
                for (JwtLibrary lib : JwtLibrary.values()) {
                    pairs += lib.supports(alg) ? 1 : 0;
                }
            } else if (l.has("library")) {
                adapters++;
                String what = provider + " " + l.get("library").asText() + " " + l.get("alg").asText();
                assertThat(l.get("accepted").asInt()).as(what + " valid pool accepted; " + l.path("validRefused"))
                        .isEqualTo(l.get("pool").asInt());
                assertThat(l.path("hostileAccepted")).as(what + " hostile tokens ACCEPTED").isEmpty();
                assertThat(l.path("hostileErrors")).as(what + " hostile tokens that threw instead of a refusal").isEmpty();
            }
        }
        assertThat(adapters).isEqualTo(pairs);
        // The library path: every Signature/Mac a library initialised while verifying came from the provider.
        String library = null;
        List<String> seen = new ArrayList<>();
        for (String line : r.stderr().split("\\R")) {
            if (line.startsWith("@@ ")) {
                library = line.equals("@@ end") ? null : line.substring(3);
                continue;
            }
            Matcher m = FROM.matcher(line);
            if (library != null && m.find()) {
                seen.add(library);
                String from = m.group(3);
                if (expected == null) {
                    assertThat(from).as(library + " " + m.group(1) + "." + m.group(2)).startsWith("Sun");
                } else {
                    assertThat(from).as(library + " " + m.group(1) + "." + m.group(2)).isEqualTo(expected);
                }
            }
        }
        // Every library × algorithm made at least one JCA call the debug output saw.
        assertThat(seen.stream().distinct().count()).isEqualTo(pairs);
    }

    @Test
    void aProviderThatCannotLoadGivesItsReasonNotAnException() throws Exception {
        assumeTrue(accpPlatform(), "ACCP's bundled library is for linux-x86_64 only");
        // ACCP told to skip its bundled native library and find one on java.library.path, where there is none.
        Probe r = probe("ACCP", "-Dcom.amazon.corretto.crypto.provider.useExternalLib=true");
        assertThat(r.lines()).hasSize(1);
        assertThat(r.lines().get(0).get("unavailable").asText()).startsWith("ACCP cannot load here: ").doesNotContain("\n");
    }

    @Test
    void theDefaultNeedsNothingAndNamesParse() {
        assertThat(CryptoProvider.DEFAULT.unavailableReason()).isNull();
        assertThat(CryptoProvider.DEFAULT.jcaName()).isNull();
        assertThat(CryptoProvider.parse("bc")).isEqualTo(CryptoProvider.BC);
        assertThat(CryptoProvider.parse("Accp")).isEqualTo(CryptoProvider.ACCP);
        assertThatThrownBy(() -> CryptoProvider.parse("sunpkcs11")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown provider 'sunpkcs11' (choose from default, bc, accp)");
    }

    @Test
    void theUnavailableMessageIsOneLineWithTheCause() {
        ProviderUnavailableException e = ProviderUnavailableException.of(CryptoProvider.ACCP,
                new IllegalStateException("load failed", new UnsatisfiedLinkError("no libamazonCorrettoCryptoProvider\n in path")));
        assertThat(e.getMessage()).isEqualTo("ACCP cannot load here: IllegalStateException: load failed: "
                + "UnsatisfiedLinkError: no libamazonCorrettoCryptoProvider in path");
    }

    private static String tail(String s) {
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
