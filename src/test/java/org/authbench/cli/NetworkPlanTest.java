package org.authbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.authbench.bench.Profile;
import org.authbench.regress.RunReader;
import org.authbench.regress.RunSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.authbench.support.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rtt sweep in plans: remote stores at every setting, in-process tiers at direct only; bad input; the gate. */
class NetworkPlanTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Map<String, String[]> params(String... nameValues) {
        Map<String, String[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.put(nameValues[i], nameValues[i + 1].split(","));
        }
        return m;
    }

    @Test
    void inProcessTiersRunAtDirectOnlyAndAreNamedAsNotApplicable() {
        RunPlan plan = RunPlan.of(Profile.STORES, null, "ApiKeyLookupBenchmark.lookup_hit$",
                params("store", "PLAIN,REDIS,POSTGRES", "rtt", "direct,0us,1ms"), List.of(1), List.of());
        assertThat(plan.jobs()).hasSize(2);
        RunPlan.Job local = plan.jobs().stream().filter(j -> Arrays.asList(j.params().get("store")).contains("PLAIN"))
                .findFirst().orElseThrow();
        assertThat(local.params().get("rtt")).containsExactly("direct");
        assertThat(local.rows()).isEqualTo(1);
        RunPlan.Job remote = plan.jobs().stream().filter(j -> j != local).findFirst().orElseThrow();
        assertThat(remote.params().get("store")).containsExactly("REDIS", "POSTGRES");
        assertThat(remote.rows()).isEqualTo(6);
        assertThat(RunPlan.cells(remote)).hasSize(6);
        assertThat(plan.notSupported()).containsKey("store plain at rtt 0us,1ms");
    }

    @Test
    void theNetworkProfileFitsHalfAnHourAndPutsOnlyTheReferenceBehindItsDenylist() {
        assertThat(Profile.NETWORK.plannedSeconds()).isLessThanOrEqualTo(30 * 60);
        Map<String, String[]> p = new LinkedHashMap<>();
        Profile.NETWORK.params().forEach((k, v) -> p.put(k, v.toArray(String[]::new)));
        RunPlan plan = RunPlan.of(Profile.NETWORK, null, null, p, null, List.of(), Set.of());
        RunPlan.Job denylist = plan.jobs().stream().filter(j -> j.benchmarks().stream().anyMatch(b -> b.contains("Denylist")))
                .findFirst().orElseThrow();
        assertThat(denylist.params().get("library")).containsExactly("REFERENCE");
        RunPlan.Job verify = plan.jobs().stream().filter(j -> j.benchmarks().stream().anyMatch(b -> b.endsWith("verify_valid")))
                .findFirst().orElseThrow();
        assertThat(verify.params().get("library")).contains("REFERENCE", "AUTH0", "FUSIONAUTH", "VERTX_JOSE", "NIMBUS");
        int lookups = plan.jobs().stream().filter(j -> j.benchmarks().stream().anyMatch(b -> b.contains("ApiKeyLookup")))
                .mapToInt(RunPlan.Job::rows).sum();
        assertThat(lookups).as("3 paths x 2 stores x 7 settings x 2 thread counts").isEqualTo(84);
    }

    @Test
    void badRoundTripsAreOneLineAndExitTwo() {
        for (String bad : List.of("-1ms", "20000ms", "3us", "fast", "1ms,1ms")) {
            Cli.Result r = Cli.run("run", "--profile", "stores", "--rtt", bad, "--no-report", "--no-conformance");
            assertThat(r.exit()).as(bad).isEqualTo(2);
            assertThat(r.err().strip()).as(bad).startsWith("authbench: --rtt: rtt").doesNotContain("\n").doesNotContain("Exception");
        }
        Cli.Result viaParam = Cli.run("run", "--profile", "stores", "--param", "rtt=-5us", "--no-report");
        assertThat(viaParam.exit()).isEqualTo(2);
        assertThat(viaParam.err().strip()).contains("negative").doesNotContain("\n");
    }

    @Test
    void theGateMatchesBaselineRowsWithoutRttToRowsAtDirect(@TempDir Path dir) throws Exception {
        // A baseline recorded before the rtt parameter existed has no rtt on its lookup rows; today's rows say direct.
        Path recorded = Path.of("results/baseline/ci");
        Path base = dir.resolve("base");
        Path head = dir.resolve("head");
        ArrayNode rows = (ArrayNode) MAPPER.readTree(recorded.resolve("jmh-result.json").toFile());
        rows.forEach(r -> ((ObjectNode) r.get("params")).remove("rtt"));
        write(recorded, base, rows);
        rows.forEach(r -> ((ObjectNode) r.get("params")).put("rtt", "direct"));
        write(recorded, head, rows);
        RunSet b = RunReader.read("base", base);
        RunSet h = RunReader.read("head", head);
        assertThat(h.rows().keySet()).hasSize(rows.size()).isEqualTo(b.rows().keySet());
    }

    private static void write(Path recorded, Path side, ArrayNode rows) throws Exception {
        Files.createDirectories(side);
        Files.copy(recorded.resolve("manifest.json"), side.resolve("manifest.json"));
        Files.write(side.resolve("jmh-result.json"), MAPPER.writeValueAsBytes(rows));
    }
}
