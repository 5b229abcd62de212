package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.authbench.apikey.Servers;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store trial whose fork ends without its {@code @TearDown} (JMH skips it when a benchmark throws; a stopped run
 * ends its forks) still leaves nothing on the server: the fork's shutdown hook removes the namespace. The normal
 * path, {@code @TearDown} through {@link StoreTrial#close}, removes it too and leaves no hook behind.
 */
class StoreTrialCleanupTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"REDIS", "POSTGRES"})
    void aForkThatEndsWithoutItsTearDownStillRemovesItsNamespace(StoreKind kind) throws Exception {
        Servers.require(kind, StoreOptions.defaults());
        for (String ending : new String[] {"throw", "teardown"}) {
            Process p = new ProcessBuilder(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                    StoreTrialExitProbe.class.getName(), kind.name(), ending).redirectErrorStream(true).start();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
            String printed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.exitValue()).as(printed).isEqualTo("throw".equals(ending) ? 1 : 0);
            String namespace = printed.lines().filter(l -> l.startsWith("namespace ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no namespace printed: " + printed)).substring(10);
            assertThat(leftOver(kind, namespace)).as(kind + " after a fork that ended by " + ending).isFalse();
        }
    }

    /**
     * Behind the delay proxy the store is removed through the proxy before the proxy closes, on every ending: the
     * normal teardown, a benchmark that throws, and a fork stopped by SIGTERM (a stopped run, Ctrl-C).
     */
    @ParameterizedTest
    @EnumSource(value = StoreKind.class, names = {"REDIS", "POSTGRES"})
    void aForkBehindTheDelayProxyCleansUpOnEveryEndingIncludingSigterm(StoreKind kind) throws Exception {
        Servers.require(kind, StoreOptions.defaults());
        for (String ending : new String[] {"teardown", "throw", "wait"}) {
            Process p = new ProcessBuilder(JAVA.toString(), "-cp", System.getProperty("java.class.path"),
                    StoreTrialExitProbe.class.getName(), kind.name(), ending, "1ms").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            StringBuilder printed = new StringBuilder();
            String namespace = null;
            for (String line; (line = out.readLine()) != null; ) {
                printed.append(line).append('\n');
                if (line.startsWith("namespace ")) {
                    namespace = line.substring(10);
                }
                if (line.startsWith("proxies ")) {
                    assertThat(line).as(printed.toString()).isEqualTo("proxies 1");
                    break;
                }
            }
            assertThat(namespace).as("namespace printed: " + printed).isNotNull();
            if (ending.equals("wait")) {
                p.destroy(); // SIGTERM
            }
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("probe finished").isTrue();
            assertThat(p.exitValue()).as(printed.toString()).isEqualTo(switch (ending) {
                case "teardown" -> 0;
                case "throw" -> 1;
                default -> 143; // 128 + SIGTERM
            });
            assertThat(leftOver(kind, namespace)).as(kind + " behind the proxy after a fork that ended by " + ending).isFalse();
        }
    }

    private static boolean leftOver(StoreKind kind, String namespace) throws SQLException, IOException {
        return Servers.namespaceExists(kind, StoreOptions.defaults().withNamespace(namespace));
    }
}
