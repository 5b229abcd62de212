package org.authbench.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.authbench.auth.Principal;
import org.authbench.cli.ConformanceCommand;
import org.authbench.conformance.ConformanceReport.Row;
import org.authbench.conformance.ConformanceReport.Tally;
import org.authbench.jwt.JwtLibrary;
import org.authbench.support.Vectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The conformance run as part of the test suite: reference must be perfect on every applicable case, a
 * deliberately broken verifier that accepts everything must show up as false accepts (so these tests can
 * fail), and the full matrix over every available library must account for every case it counts.
 * Hostile corpus and robustness tokens come from a fresh random seed each run; the seed is in every message.
 */
class ConformanceRunTest {

    /** Robustness tokens per library here; the command's default is 100,000. */
    static final int FUZZ = 400;

    static Path vectors;
    static long seed;
    static ConformanceReport report;

    /** Accepts every token and every signature: what a verifier that checks nothing looks like. */
    static final Candidate ACCEPTS_EVERYTHING = new Candidate("accepts-everything", "test-only",
            policy -> token -> new Principal(null, null), null);

    @BeforeAll
    static void runReferenceAndBroken() throws IOException {
        vectors = Vectors.require("wycheproof/json_web_signature_test.json").getParent().getParent();
        seed = new SecureRandom().nextLong();
        report = ConformanceRun.run(new ConformanceRun.Options(vectors,
                List.of(Candidate.of(JwtLibrary.REFERENCE), ACCEPTS_EVERYTHING), FUZZ, seed,
                ConformanceRun.DEFAULT_BOUND, Instant.now().getEpochSecond()), line -> { });
    }

    @Test
    void referenceHasNoFalseAcceptNoFalseRejectNoErrorOnApplicableCases() {
        Row reference = report.row("reference");
        assertThat(reference.unavailable()).isNull();
        for (Map.Entry<String, Tally> e : reference.families().entrySet()) {
            Tally t = e.getValue();
            assertThat(t.falseAccepts()).as("seed %d: reference false accepts in %s: %s", seed, e.getKey(),
                    report.falseAccepts()).isZero();
            assertThat(t.falseRejects()).as("seed %d: reference false rejects in %s: %s", seed, e.getKey(),
                    report.falseRejects()).isZero();
            assertThat(t.errors()).as("seed %d: reference errors in %s: %s", seed, e.getKey(), report.errors()).isZero();
        }
        assertThat(reference.families().get("wycheproof-jws").correct()).as("applicable Wycheproof JWS cases").isGreaterThan(300);
        assertThat(reference.families().get("rfc7515").correct()).isEqualTo(15);
        assertThat(reference.families().get("hostile").notApplicable()).isZero();
        assertThat(reference.robustness().clean()).as("seed %d: %s", seed, reference.robustness()).isTrue();
        assertThat(reference.robustness().rejected()).isGreaterThan(FUZZ / 2);
    }

    @Test
    void aVerifierThatAcceptsEverythingIsListedCaseByCase() {
        Row broken = report.row("accepts-everything");
        for (Family f : Family.values()) {
            Tally t = broken.families().get(f.label());
            if (f.throughAuthenticator()) {
                assertThat(t.falseAccepts()).as("%s must show false accepts", f).isPositive();
            } else {
                assertThat(t.cannotTake()).as("no signature API wired for %s", f).isNotNull();
            }
        }
        List<String> hostileIds = new ArrayList<>();
        report.falseAccepts().stream().filter(x -> x.library().equals("accepts-everything") && x.family().equals("hostile"))
                .forEach(x -> hostileIds.add(x.caseId()));
        assertThat(hostileIds).contains("HS256:ALG_NONE", "ES256:ECDSA_ZERO_SIGNATURE", "RS256:ALG_CONFUSION");
        assertThat(report.falseAccepts()).allSatisfy(x -> assertThat(x.version()).isNotBlank());
        assertThat(broken.robustness().falseAccepts()).isPositive();
        assertThat(report.clean()).isFalse();
        assertListingMatchesCounts(report);
    }

    @Test
    void markdownAndJsonCarryEveryFalseAccept() throws IOException {
        String md = ConformanceCommand.render(report, "md");
        assertThat(md).contains("| accepts-everything ⚠ |", "HS256:ALG_NONE", "tc16");
        JsonNode json = new ObjectMapper().readTree(ConformanceCommand.render(report, "json"));
        assertThat(json.get("falseAccepts")).hasSize(report.falseAccepts().size());
        assertThat(json.get("seed").asLong()).isEqualTo(seed);
        assertThat(json.at("/libraries/0/families/rfc7515/correct").asInt()).isEqualTo(15);
    }

    /** The whole matrix over every library (an adapter not written yet shows as not available). */
    @Test
    void everyAvailableLibraryIsRunAndEveryFalseAcceptIsListed() throws IOException {
        List<Candidate> all = new ArrayList<>();
        for (JwtLibrary l : JwtLibrary.values()) {
            all.add(Candidate.of(l));
        }
        all.add(Candidate.jdk());
        ConformanceReport full = ConformanceRun.run(new ConformanceRun.Options(vectors, all, FUZZ / 4, seed,
                ConformanceRun.DEFAULT_BOUND, Instant.now().getEpochSecond()), line -> { });
        System.out.println(MarkdownReport.render(full));
        assertThat(full.libraries()).hasSize(all.size());
        assertListingMatchesCounts(full);
        Row jdk = full.row("jdk");
        assertThat(jdk.families().get("wycheproof-ecdsa-der").falseAccepts())
                .as("a DER signature must never pass the JDK's P1363 verifier").isZero();
    }

    static void assertListingMatchesCounts(ConformanceReport r) {
        for (Row row : r.libraries()) {
            for (Map.Entry<String, Tally> e : row.families().entrySet()) {
                Tally t = e.getValue();
                assertThat(t.correct() + t.falseAccepts() + t.falseRejects() + t.notApplicable() + t.errors()
                        + t.acceptable()).as("%s %s adds up", row.library(), e.getKey()).isEqualTo(t.cases());
                long listed = r.falseAccepts().stream()
                        .filter(x -> x.library().equals(row.library()) && x.family().equals(e.getKey())).count();
                assertThat(listed).as("%s %s false accepts listed", row.library(), e.getKey()).isEqualTo(t.falseAccepts());
            }
            if (row.robustness() != null) {
                long listed = r.falseAccepts().stream()
                        .filter(x -> x.library().equals(row.library()) && x.family().equals("robustness")).count();
                assertThat(listed).isEqualTo(row.robustness().falseAccepts());
            }
        }
    }
}
