package org.authbench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.authbench.conformance.Candidate;
import org.authbench.conformance.ConformanceReport;
import org.authbench.conformance.ConformanceRun;
import org.authbench.conformance.MarkdownReport;
import org.authbench.jwt.JwtLibrary;
import org.authbench.runfiles.AtomicWrite;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The conformance matrix: every JWT adapter against external vectors (Wycheproof, RFC 7515), the project's
 * hostile corpus from fresh random keys, and a robustness run of random and mutated tokens.
 *
 * <pre>
 * authbench conformance                                   # Markdown to standard output
 * authbench conformance --out results/conformance/conformance.json   # writes .json and the .md beside it
 * authbench conformance --library nimbus,reference --fuzz 10000 --seed 42
 * </pre>
 *
 * Exit 0 when no false accept and no robustness failure; 1 when there is one (the report lists it);
 * 2 when the vectors folder is missing or the input is bad.
 */
@Command(name = "conformance", description = "Which library accepts what: external vectors, hostile tokens, robustness.")
public final class ConformanceCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--vectors", paramLabel = "DIR", defaultValue = "vectors",
            description = "external vectors folder (default: ${DEFAULT-VALUE})")
    Path vectors;

    @Option(names = "--library", split = ",", paramLabel = "L",
            description = "libraries to run (default: all; the jdk row of raw signature primitives is always shown)")
    List<String> libraries;

    @Option(names = "--format", paramLabel = "md|json", description = "output format (default: from --out's extension, else md)")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "write the report here (never overwritten), and the other format beside it")
    Path out;

    @Option(names = "--fuzz", paramLabel = "N", defaultValue = "" + ConformanceRun.DEFAULT_FUZZ,
            description = "robustness tokens, each through every library (default: ${DEFAULT-VALUE})")
    int fuzz;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the hostile corpus and robustness tokens (default: random)")
    Long seed;

    @Option(names = "--timeout-ms", paramLabel = "MS", description = "bound on any single verdict (default: 5000)")
    Long timeoutMs;

    @Override
    public Integer call() throws IOException {
        String fmt = format(format, out);
        if (fuzz < 0) {
            throw new UsageException("--fuzz must not be negative, was " + fuzz);
        }
        Duration bound = timeoutMs == null ? ConformanceRun.DEFAULT_BOUND : Duration.ofMillis(timeoutMs);
        if (bound.isNegative() || bound.isZero()) {
            throw new UsageException("--timeout-ms must be positive, was " + timeoutMs);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JwtLibrary l : libraries == null ? List.of(JwtLibrary.values()) : libraries.stream().map(JwtLibrary::parse).toList()) {
            candidates.add(Candidate.of(l));
        }
        candidates.add(Candidate.jdk());
        Path dir = vectors.toAbsolutePath().normalize();
        Path missing = ConformanceRun.missingFile(dir);
        if (missing != null) {
            throw new UsageException("vectors not found: looked for " + missing + " (pass --vectors DIR)");
        }
        List<Path> targets = out == null ? List.of() : List.of(out, sibling(out, fmt));
        for (Path t : targets) {
            if (Files.exists(t)) {
                throw new UsageException("refusing to overwrite " + t + " (choose a new --out)");
            }
        }
        long s = seed != null ? seed : new SecureRandom().nextLong();
        PrintWriter err = spec.commandLine().getErr();
        ConformanceReport report = ConformanceRun.run(new ConformanceRun.Options(dir, candidates, fuzz, s, bound,
                Instant.now().getEpochSecond()), line -> {
                    err.println("conformance: " + line);
                    err.flush();
                });
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(render(report, fmt));
            o.flush();
        } else {
            AtomicWrite.write(out, render(report, fmt));
            String other = "json".equals(fmt) ? "md" : "json";
            AtomicWrite.write(sibling(out, fmt), render(report, other));
            err.println("conformance: wrote " + out + " and " + sibling(out, fmt));
            err.flush();
        }
        return report.clean() ? Main.OK : Main.NEGATIVE;
    }

    /** The report in {@code md} or {@code json}. */
    public static String render(ConformanceReport report, String format) throws IOException {
        if ("json".equals(format)) {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report) + "\n";
        }
        return MarkdownReport.render(report);
    }

    private static String format(String requested, Path out) {
        if (requested == null) {
            return out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".json") ? "json" : "md";
        }
        String f = requested.toLowerCase(Locale.ROOT);
        if (!f.equals("md") && !f.equals("json")) {
            throw new UsageException("unknown format '" + requested + "' (choose from md, json)");
        }
        return f;
    }

    /** {@code conformance.json} → {@code conformance.md} and back: the other format beside the report. */
    private static Path sibling(Path file, String format) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = dot > 0 ? name.substring(0, dot) : name;
        return file.resolveSibling(base + ("json".equals(format) ? ".md" : ".json"));
    }
}
