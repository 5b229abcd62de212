package org.authbench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.authbench.jwt.JwtLibrary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The other versions the build copies beside the classes are found, complete and really loaded: a child JVM with an
 * other version's jars first on its classpath loads that version of the library and of everything that moves with it
 * (vert.x core, netty), and its verification trial passes; a fork that names a version it does not load fails its trial.
 */
class LibraryVersionsTest {

    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private record Out(int exit, String text) {
    }

    private static Out probe(List<Path> first, String property, String... args) throws IOException, InterruptedException {
        List<String> cp = new ArrayList<>();
        first.forEach(p -> cp.add(p.toString()));
        cp.add(System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(JAVA.toString(), "-cp", String.join(File.pathSeparator, cp)));
        if (property != null) {
            cmd.add("-D" + LibraryVersions.PROPERTY + "=" + property);
        }
        cmd.add(VersionProbe.class.getName());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Out(p.exitValue(), text);
    }

    @Test
    void theBuildCopiesAnotherVertxAndJjwtAndNoneOfTheReferenceVerifier() {
        List<LibraryVersions.Alternate> vertx = LibraryVersions.built(JwtLibrary.VERTX, LibraryVersions.root());
        assertThat(vertx).isNotEmpty();
        assertThat(vertx.get(0).coordinates()).isEqualTo("io.vertx:vertx-auth-jwt");
        assertThat(vertx.get(0).version()).isNotEqualTo(LibraryVersions.loaded(JwtLibrary.VERTX));
        assertThat(vertx.get(0).jars()).extracting(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith("vertx-auth-jwt-")).anyMatch(n -> n.startsWith("vertx-core-"))
                .anyMatch(n -> n.startsWith("netty-buffer-"));
        assertThat(LibraryVersions.built(JwtLibrary.JJWT, LibraryVersions.root())).isNotEmpty();
        // vert.x's public path and its JOSE layer are one artifact: one folder serves both.
        assertThat(LibraryVersions.built(JwtLibrary.VERTX_JOSE, LibraryVersions.root())).isEqualTo(vertx);
        assertThat(LibraryVersions.built(JwtLibrary.REFERENCE, LibraryVersions.root())).isEmpty();
    }

    @Test
    void aFolderWithoutJarsIsNotAVersion(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("vertx-auth-jwt/9.9.9"));
        Files.writeString(root.resolve("vertx-auth-jwt/9.9.9/README"), "no jars");
        assertThat(LibraryVersions.built(JwtLibrary.VERTX, root)).isEmpty();
    }

    @Test
    void anotherVertxFirstOnTheClasspathIsLoadedWholeAndVerifies() throws Exception {
        LibraryVersions.Alternate v = LibraryVersions.built(JwtLibrary.VERTX, LibraryVersions.root()).get(0);
        Out out = probe(v.jars(), v.property(), "VERTX", "ES256", "io.vertx.ext.auth.jwt.JWTAuth", "io.vertx.core.Vertx",
                "io.netty.buffer.ByteBuf");
        assertThat(out.exit()).as(out.text()).isZero();
        assertThat(out.text()).contains("loaded " + v.version(), "trial ok");
        Path dir = v.jars().get(0).getParent();
        assertThat(out.text().lines().filter(l -> l.startsWith("class "))).hasSize(3)
                .allMatch(l -> l.contains(dir.toString()), "every class comes from " + dir);
    }

    @Test
    void anotherJjwtFirstOnTheClasspathVerifies() throws Exception {
        LibraryVersions.Alternate v = LibraryVersions.built(JwtLibrary.JJWT, LibraryVersions.root()).get(0);
        Out out = probe(v.jars(), v.property(), "JJWT", "RS256", "io.jsonwebtoken.Jwts");
        assertThat(out.exit()).as(out.text()).isZero();
        assertThat(out.text()).contains("loaded " + v.version(), "trial ok");
    }

    @Test
    void aForkNamingAVersionItDoesNotLoadFailsItsTrial() throws Exception {
        LibraryVersions.Alternate v = LibraryVersions.built(JwtLibrary.VERTX, LibraryVersions.root()).get(0);
        Out out = probe(List.of(), v.property(), "VERTX", "HS256");
        assertThat(out.exit()).isNotZero();
        assertThat(out.text()).contains("this fork was started for " + v.property() + " but loads version "
                + LibraryVersions.loaded(JwtLibrary.VERTX)).doesNotContain("trial ok");
    }
}
