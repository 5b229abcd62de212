package org.authbench.runfiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run-file model: what the writer records reads back typed; raw data per fork survives; old runs still read. */
class RunFilesTest {

    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(RunFilesTest.class.getResource(name).toURI());
    }

    @Test
    void manifestWrittenByTheRunReadsBackTyped() throws IOException {
        RunManifest w = RunManifest.start(tmp, "quick", Map.of("commit", "abcdef0123", "shortCommit", "abcdef0",
                "dirty", true), new String[] {"run", "--profile", "quick"}, new RunManifest.HostFacts(Map.of("version",
                "17"), Map.of("availableProcessors", 3), Map.of("logicalCores", 8), Map.of("HS256", Map.of("algorithm",
                "HmacSHA256", "provider", "SunJCE")), Map.of("com.nimbusds:nimbus-jose-jwt", "10.0")), 20);
        w.notSupported("AUTH0 EdDSA", "no EdDSA");
        w.storeRan("HASHED");
        w.storeSkipped("REDIS", "no server on 127.0.0.1:6379");
        w.providerSkipped("ACCP", "not on this platform");
        w.recordStoreCatalogue(List.of(new Manifest.StoreTier("HASHED", "hashed map", false),
                new Manifest.StoreTier("REDIS", "Redis", true)));
        w.rowFailed("pass 1", "boom");
        w.forkJvms(List.of("/opt/jdk-21/bin/java"));
        w.conformanceChecked(0, true, 7);
        assertThat(w.running()).isTrue();
        assertThat(w.failedRowCount()).isEqualTo(1);
        w.end("interrupted");
        assertThat(w.running()).isFalse();
        w.write();

        Manifest m = Manifest.read(tmp);
        assertThat(m.profile()).isEqualTo("quick");
        assertThat(m.status()).isEqualTo("interrupted");
        assertThat(m.finished()).isFalse();
        assertThat(m.endedAt()).isNotNull();
        assertThat(m.commit()).isEqualTo("abcdef0123");
        assertThat(m.shortCommit()).isEqualTo("abcdef0");
        assertThat(m.dirty()).isTrue();
        assertThat(m.slowdownPercent()).isEqualTo(20);
        assertThat(m.selftest()).isEqualTo("{\"slowdownPercent\":20}");
        assertThat(m.failedRows()).isEqualTo(1);
        assertThat(m.notSupported()).containsExactly(Map.entry("AUTH0 EdDSA", "no EdDSA"));
        assertThat(m.storesRan()).containsExactly("HASHED");
        assertThat(m.storesSkipped()).containsEntry("REDIS", "no server on 127.0.0.1:6379");
        assertThat(m.providersSkipped()).containsEntry("ACCP", "not on this platform");
        assertThat(m.jca()).containsExactly(new Manifest.JcaEntry("HS256", "HmacSHA256", "SunJCE"));
        assertThat(m.libraries()).containsEntry("com.nimbusds:nimbus-jose-jwt", "10.0");
        assertThat(m.cores()).isEqualTo(8);
        assertThat(m.storeCatalogue()).extracting(Manifest.StoreTier::label).containsExactly("hashed map", "Redis");
        assertThat(m.facts()).contains(new Manifest.Fact("forkJvms", "/opt/jdk-21/bin/java"),
                new Manifest.Fact("conformance.clean", "true"), new Manifest.Fact("conformance.seed", "7"));
        assertThat(m.facts()).extracting(Manifest.Fact::key).contains("profile", "git.commit", "selftest.slowdownPercent")
                .doesNotContain("libraries", "storeCatalogue").noneMatch(k -> k.startsWith("jca"));
    }

    @Test
    void providerRecordsAreCountedPerIdenticalFork() throws IOException {
        RunManifest w = RunManifest.start(tmp, "quick", Map.of(), new String[0], new RunManifest.HostFacts(Map.of(),
                Map.of(), Map.of(), Map.of(), Map.of()), null);
        for (int i = 0; i < 3; i++) {
            w.providerChecked(Json.MAPPER.createObjectNode().put("benchmark", "VerifyBenchmark").put("library", "NIMBUS")
                    .put("alg", "ES256").put("provider", "BC").put("status", "ok").put("jdkVersion", "17"));
        }
        w.write();
        Manifest m = Manifest.read(tmp);
        assertThat(m.providersChecked()).hasSize(1);
        assertThat(m.providersChecked().get(0).forks()).isEqualTo(3);
        assertThat(m.providersChecked().get(0).ok()).isTrue();
        assertThat(m.selftest()).isNull();
        assertThat(m.slowdownPercent()).isZero();
    }

    @Test
    void formatOneManifestsWithoutACatalogueGetTheOneTableOfDefaults() throws Exception {
        Manifest m = Manifest.read(resource("/report/standard-run"));
        assertThat(m.storeCatalogue()).isSameAs(FormatOne.STORE_CATALOGUE);
        assertThat(FormatOne.STORE_CATALOGUE).filteredOn(Manifest.StoreTier::database)
                .extracting(Manifest.StoreTier::store).containsExactly("H2", "REDIS", "POSTGRES");
        assertThat(Manifest.read(tmp)).as("no manifest").isNull();
    }

    @Test
    void newerOrForeignManifestsAreRefusedInOneLine() throws IOException {
        Files.writeString(tmp.resolve(RunFiles.MANIFEST), "{\"formatVersion\": 99}");
        assertThatThrownBy(() -> Manifest.read(tmp)).isInstanceOf(RunFileException.class)
                .hasMessageContaining("has formatVersion 99; this authbench reads up to 1");
        Files.writeString(tmp.resolve(RunFiles.MANIFEST), "[1]");
        assertThatThrownBy(() -> Manifest.read(tmp)).hasMessageContaining("not an authbench file");
    }

    @Test
    void rowsKeepRawDataPerForkAndSampleHistogramsPerIteration() throws Exception {
        List<JmhRow> rows = JmhResults.read(resource("/regress/base.json"));
        JmhRow avgt = rows.get(0);
        assertThat(avgt.method()).isEqualTo("VerifyBenchmark.verify_valid");
        assertThat(avgt.primary().rawData()).hasSize(3).allSatisfy(f -> assertThat(f).hasSize(5));
        assertThat(avgt.primary().rawHistograms()).isEmpty();
        assertThat(avgt.secondary().get(JmhRow.ALLOCATION).rawData()).hasSize(3);
        JmhRow sample = rows.stream().filter(r -> r.mode().equals("sample")).findFirst().orElseThrow();
        assertThat(sample.primary().rawData()).isEmpty();
        assertThat(sample.primary().rawHistograms()).hasSize(3).allSatisfy(f -> assertThat(f).hasSize(5)
                .allSatisfy(iteration -> assertThat(iteration).isNotEmpty().hasDimensions(iteration.length, 2)));
    }

    @Test
    void jmhNanStringsAreNumbersAndOtherTextIsRefused() throws IOException {
        Path file = tmp.resolve(RunFiles.RESULT);
        String row = "[{\"benchmark\": \"a.B.c\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1, \"scoreError\": "
                + "\"NaN\", \"scoreUnit\": \"ns/op\", \"rawData\": [[1, %s]]}}]";
        Files.writeString(file, row.formatted("\"NaN\""));
        JmhRow r = JmhResults.read(file).get(0);
        assertThat(r.error()).isNaN();
        assertThat(r.primary().rawData().get(0)[1]).isNaN();
        Files.writeString(file, row.formatted("\"fast\""));
        assertThatThrownBy(() -> JmhResults.read(file)).isInstanceOf(RunFileException.class)
                .hasMessageContaining("raw value \"fast\" is not a number");
    }
}
