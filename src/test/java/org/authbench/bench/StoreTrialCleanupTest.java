package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

    private static boolean leftOver(StoreKind kind, String namespace) throws SQLException, IOException {
        return Servers.namespaceExists(kind, StoreOptions.defaults().withNamespace(namespace));
    }
}
