package org.authbench.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.conformance.ConformanceReport.Finding;
import org.authbench.conformance.ConformanceReport.Robustness;
import org.authbench.conformance.ConformanceReport.Row;
import org.authbench.conformance.ConformanceReport.Tally;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.MessageApi;
import org.authbench.jwt.VerifierPolicy;

/**
 * Runs every candidate against every case family and the robustness corpus, and returns the matrix.
 * Tokens go through {@code candidate.factory().apply(policy).authenticate(token)}: the path the benchmarks
 * measure. Every verdict runs under a {@link Guard} with a per-case bound.
 *
 * <p>A library whose adapter constructor throws {@link UnsupportedOperationException} is "not available"
 * (its row says why); any other exception from building or calling an adapter is an error of that case.
 *
 * <p>Run it with {@code authbench conformance} (see {@code cli/ConformanceCommand}).
 */
public final class ConformanceRun {

    /** Default bound on a single verdict. Generous for a shared 2-core machine; a hang is far beyond it. */
    public static final Duration DEFAULT_BOUND = Duration.ofSeconds(5);
    /** Default number of robustness tokens (each goes through every library). */
    public static final int DEFAULT_FUZZ = 100_000;
    /** Cap on errors and false rejects listed per library and family (all are counted). */
    static final int LISTED_PER_FAMILY = 25;

    /**
     * @param vectors the external vectors folder ({@code rfc7515/}, {@code wycheproof/})
     * @param now the instant the hostile corpus and robustness tokens are issued at (fixed clock)
     */
    public record Options(Path vectors, List<Candidate> candidates, int fuzz, long seed, Duration bound, long now) {
    }

    private final Options options;
    private final Consumer<String> progress;
    private final List<Finding> falseAccepts = new ArrayList<>();
    private final List<Finding> falseRejects = new ArrayList<>();
    private final List<Finding> errors = new ArrayList<>();
    private final List<Finding> notes = new ArrayList<>();

    private ConformanceRun(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** The files a run reads, relative to the vectors folder. */
    private static List<String> requiredFiles() {
        List<String> files = new ArrayList<>(WycheproofVectors.FILES);
        files.add(Rfc7515Vectors.FILE);
        return files;
    }

    /** The first required vectors file that is missing, or null when all are there. */
    public static Path missingFile(Path vectors) {
        for (String f : requiredFiles()) {
            Path p = vectors.resolve(f);
            if (!Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    public static ConformanceReport run(Options options, Consumer<String> progress) throws IOException {
        return new ConformanceRun(options, progress).execute();
    }

    private ConformanceReport execute() throws IOException {
        Path v = options.vectors();
        Map<JwtAlgorithm, JwtFixture> fixtures = HostileCorpus.fixtures(options.seed(), options.now());
        Map<Family, List<Case>> families = new LinkedHashMap<>();
        families.put(Family.WYCHEPROOF_JWS, WycheproofVectors.jws(v.resolve(WycheproofVectors.JWS)));
        families.put(Family.RFC7515, Rfc7515Vectors.load(v.resolve(Rfc7515Vectors.FILE)));
        families.put(Family.HOSTILE, HostileCorpus.cases(fixtures));
        families.put(Family.WYCHEPROOF_ECDSA_P1363,
                WycheproofVectors.signatures(v.resolve(WycheproofVectors.ECDSA_P1363), Family.WYCHEPROOF_ECDSA_P1363));
        families.put(Family.WYCHEPROOF_RSA_PKCS1,
                WycheproofVectors.signatures(v.resolve(WycheproofVectors.RSA_PKCS1), Family.WYCHEPROOF_RSA_PKCS1));
        families.put(Family.WYCHEPROOF_ECDSA_DER,
                WycheproofVectors.signatures(v.resolve(WycheproofVectors.ECDSA_DER), Family.WYCHEPROOF_ECDSA_DER));

        List<Row> rows = new ArrayList<>();
        try (Guard guard = new Guard(options.bound())) {
            for (Candidate c : options.candidates()) {
                String unavailable = unavailable(c, fixtures);
                if (unavailable != null) {
                    progress.accept(c.name() + ": " + unavailable + " (the raw-signature families still run)");
                }
                Map<String, Tally> tallies = new LinkedHashMap<>();
                for (Map.Entry<Family, List<Case>> f : families.entrySet()) {
                    // The raw-signature families use the library itself, not its adapter: they run either way.
                    if (unavailable == null || !f.getKey().throughAuthenticator()) {
                        progress.accept(c.name() + ": " + f.getKey().label() + " (" + f.getValue().size() + " cases)");
                        tallies.put(f.getKey().label(), family(guard, c, f.getKey(), f.getValue()));
                    }
                }
                rows.add(new Row(c.name(), c.version(), unavailable, tallies, null));
            }
            rows = robustness(guard, rows, fixtures);
        }
        return new ConformanceReport(ConformanceReport.FORMAT_VERSION, Instant.now().toString(), options.seed(),
                options.fuzz(), options.bound().toMillis(),
                Arrays.stream(Family.values()).map(Family::label).toList(),
                rows, falseAccepts, falseRejects, errors, notes);
    }

    /** Why a candidate cannot run at all (its adapter is not written yet), or null. */
    private static String unavailable(Candidate c, Map<JwtAlgorithm, JwtFixture> fixtures) {
        if (c.factory() == null) {
            return null;
        }
        try {
            c.factory().apply(fixtures.get(JwtAlgorithm.HS256).policy());
            return null;
        } catch (UnsupportedOperationException e) {
            return "adapter not available: " + e.getMessage();
        } catch (RuntimeException e) {
            return null; // a real adapter that fails for this policy: its cases will show the errors
        }
    }

    private Tally family(Guard guard, Candidate c, Family family, List<Case> cases) {
        String cannotTake = family.throughAuthenticator()
                ? (c.factory() == null ? "not a JWT verifier: only the raw-signature families apply" : null)
                : (c.messageApi() == null ? "no signature API wired" : c.messageApi().cannotTake());
        int correct = 0, fa = 0, fr = 0, na = 0, err = 0, acceptable = 0, acceptableAccepted = 0;
        int listedFr = 0, listedErr = 0;
        Map<VerifierPolicy, Object> built = new HashMap<>();
        for (Case k : cases) {
            if (k.notApplicable() != null || cannotTake != null) {
                na++;
                continue;
            }
            Verdict verdict = verdict(guard, c, k, built);
            switch (classify(k, verdict)) {
                case CORRECT -> {
                    correct++;
                    if (k.expected() == Expected.EITHER_REPORTED) {
                        notes.add(finding(c, k, (verdict.accepted() ? "accepted" : "rejected: " + verdict.detail())
                                + " (the vectors contradict themselves or a strict decoder here: either counts as correct)"));
                    }
                }
                case FALSE_ACCEPT -> {
                    fa++;
                    falseAccepts.add(finding(c, k, "accepted; expected refusal"));
                }
                case FALSE_REJECT -> {
                    fr++;
                    if (listedFr++ < LISTED_PER_FAMILY) {
                        falseRejects.add(finding(c, k, "rejected: " + verdict.detail()));
                    }
                }
                case NOT_APPLICABLE -> na++;
                case ACCEPTABLE -> {
                    acceptable++;
                    acceptableAccepted += verdict.accepted() ? 1 : 0;
                }
                case ERROR -> {
                    err++;
                    if (listedErr++ < LISTED_PER_FAMILY) {
                        errors.add(finding(c, k, verdict.kind() + ": " + verdict.detail()));
                    }
                }
            }
        }
        return new Tally(cases.size(), correct, fa, fr, na, err, acceptable, acceptableAccepted, cannotTake);
    }

    private static Verdict verdict(Guard guard, Candidate c, Case k, Map<VerifierPolicy, Object> built) {
        Object v = built.computeIfAbsent(k.policy(), p -> build(c, k.family(), p));
        if (v instanceof Throwable t) {
            return new Verdict(Verdict.Kind.ERROR, "cannot build verifier: " + Guard.describe(t), null, 0);
        }
        if (v instanceof Authenticator a) {
            return guard.run(() -> a.authenticate(k.token()));
        }
        MessageApi.MessageVerifier m = (MessageApi.MessageVerifier) v;
        return guard.run(() -> {
            if (!m.verify(k.message(), k.signature())) {
                throw new Rejected(Rejected.Reason.BAD_SIGNATURE, "signature API returned false");
            }
            return new Principal(null, null);
        });
    }

    /** The adapter or signature verifier for a policy, or the exception building it threw. */
    private static Object build(Candidate c, Family family, VerifierPolicy p) {
        try {
            return family.throughAuthenticator() ? c.factory().apply(p)
                    : c.messageApi().verifier(p.algorithm(), p.publicKey());
        } catch (Exception | LinkageError e) {
            return e;
        }
    }

    enum Outcome { CORRECT, FALSE_ACCEPT, FALSE_REJECT, NOT_APPLICABLE, ACCEPTABLE, ERROR }

    static Outcome classify(Case k, Verdict v) {
        if (v.failed()) {
            return Outcome.ERROR;
        }
        return switch (k.expected()) {
            case ACCEPT -> {
                if (v.accepted()) {
                    yield k.principal() == null || k.principal().equals(v.principal()) ? Outcome.CORRECT : Outcome.ERROR;
                }
                // A JWT library may refuse a payload that is not a claim set even for the signature layer
                // (auth0 has no JWS-only API and says "unsupported"); a signature verdict is never excused.
                boolean payloadRefused = "malformed".equals(v.detail()) || "unsupported".equals(v.detail())
                        || "other".equals(v.detail());
                yield k.family() == Family.WYCHEPROOF_JWS && !k.claimSet() && payloadRefused
                        ? Outcome.NOT_APPLICABLE : Outcome.FALSE_REJECT;
            }
            case REJECT -> v.accepted() ? Outcome.FALSE_ACCEPT : Outcome.CORRECT;
            case EITHER -> Outcome.ACCEPTABLE;
            case EITHER_REPORTED -> Outcome.CORRECT;
        };
    }

    private static Finding finding(Candidate c, Case k, String detail) {
        return new Finding(c.name(), c.version(), k.family().label(), k.id(), k.comment(), detail);
    }

    /** Every robustness token through every available adapter, one token at a time across libraries. */
    private List<Row> robustness(Guard guard, List<Row> rows, Map<JwtAlgorithm, JwtFixture> fixtures) {
        List<Fuzzed> runnable = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Candidate c = options.candidates().get(i);
            if (rows.get(i).unavailable() == null && c.factory() != null) {
                Map<JwtAlgorithm, Object> adapters = new EnumMap<>(JwtAlgorithm.class);
                fixtures.forEach((alg, f) -> adapters.put(alg, build(c, Family.HOSTILE, f.policy())));
                runnable.add(new Fuzzed(i, c, adapters));
            }
        }
        RobustnessCorpus corpus = new RobustnessCorpus(fixtures, options.seed());
        int step = Math.max(1, options.fuzz() / 10);
        for (int i = 0; i < options.fuzz(); i++) {
            if (i % step == 0) {
                progress.accept("robustness: " + i + " / " + options.fuzz());
            }
            RobustnessCorpus.FuzzCase fc = corpus.get(i);
            for (Fuzzed f : runnable) {
                Object a = f.adapters.get(fc.algorithm());
                Verdict v = a instanceof Authenticator auth ? guard.run(() -> auth.authenticate(fc.token()))
                        : new Verdict(Verdict.Kind.ERROR, "cannot build verifier: " + Guard.describe((Throwable) a), null, 0);
                f.add(fc, v);
            }
        }
        List<Row> out = new ArrayList<>(rows);
        for (Fuzzed f : runnable) {
            Row r = rows.get(f.row);
            out.set(f.row, new Row(r.library(), r.version(), r.unavailable(), r.families(), f.result(options.fuzz())));
        }
        return out;
    }

    /** One library's robustness tallies; false accepts and the first errors go to the run's lists. */
    private final class Fuzzed {
        final int row;
        final Candidate candidate;
        final Map<JwtAlgorithm, Object> adapters;
        final Histogram headerSized = new Histogram(3);
        int accepted, rejected, falseAccepted, failed, timedOut, listed;
        long rejectNanos, slowest, slowestSmall;
        String slowestCase, slowestSmallCase;

        Fuzzed(int row, Candidate candidate, Map<JwtAlgorithm, Object> adapters) {
            this.row = row;
            this.candidate = candidate;
            this.adapters = adapters;
        }

        void add(RobustnessCorpus.FuzzCase fc, Verdict v) {
            String where = fc.id() + " (" + fc.kind() + ", " + fc.algorithm() + ", " + fc.token().length() + " chars)";
            switch (v.kind()) {
                case ACCEPTED -> {
                    if (fc.mustReject()) {
                        falseAccepted++;
                        falseAccepts.add(new Finding(candidate.name(), candidate.version(), "robustness", fc.id(),
                                fc.kind() + " " + fc.algorithm(), "accepted a mutant that must be refused"));
                    } else {
                        accepted++;
                    }
                }
                case REJECTED -> {
                    rejected++;
                    rejectNanos += v.nanos();
                    if (v.nanos() > slowest) {
                        slowest = v.nanos();
                        slowestCase = where;
                    }
                    if (fc.token().length() <= Robustness.HEADER_SIZED) {
                        headerSized.recordValue(Math.max(1, v.nanos()));
                        if (v.nanos() > slowestSmall) {
                            slowestSmall = v.nanos();
                            slowestSmallCase = where;
                        }
                    }
                }
                case ERROR, TIMEOUT -> {
                    if (v.kind() == Verdict.Kind.ERROR) {
                        failed++;
                    } else {
                        timedOut++;
                    }
                    if (listed++ < LISTED_PER_FAMILY) {
                        errors.add(new Finding(candidate.name(), candidate.version(), "robustness", fc.id(), where,
                                v.kind() + ": " + v.detail()));
                    }
                }
            }
        }

        Robustness result(int cases) {
            return new Robustness(cases, accepted, rejected, falseAccepted, failed, timedOut, slowest / 1e6,
                    slowestCase, slowestSmall / 1e6, slowestSmallCase, rejected == 0 ? 0 : rejectNanos / 1e3 / rejected,
                    headerSized.getValueAtPercentile(50) / 1e3, headerSized.getValueAtPercentile(99) / 1e3);
        }
    }
}
