package org.authbench.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.Key;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.jwt.JwkKeys;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import org.authbench.jwt.UnsupportedAlgorithmException;
import org.authbench.jwt.VerifierPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Verifies one token, or a batch, with any adapter under the common policy.
 *
 * <pre>
 * authbench verify --library nimbus --alg ES256 --jwk key.json --token token.txt --now 1300819000
 * authbench verify --batch cases.jsonl      # JSON Lines in, JSON Lines out, one JVM for thousands of cases
 * </pre>
 *
 * First output line: {@code accepted} or {@code rejected: <reason>}. Exit 0 accepted, 1 rejected, 2 bad input
 * (including a library × algorithm pair the library does not support: "auth0 does not support EdDSA: ...").
 */
@Command(name = "verify", description = "Verify a JWT with one library under the common policy (or a JSON Lines batch).")
public final class VerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    static final class Mode {
        @ArgGroup(exclusive = false)
        Single single;

        @Option(names = "--batch", paramLabel = "FILE|-", description = "JSON Lines of cases; '-' reads standard input")
        String batch;
    }

    /** The {@code --library} choices, from the enum: a new library appears in the help by itself. */
    static final class Libraries implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(JwtLibrary.values()).map(JwtLibrary::cliName).iterator();
        }
    }

    static final class Algorithms implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Stream.of(JwtAlgorithm.values()).map(JwtAlgorithm::name).iterator();
        }
    }

    static final class Single {
        @Option(names = "--library", required = true, completionCandidates = Libraries.class, description = "${COMPLETION-CANDIDATES}")
        String library;

        @Option(names = "--alg", required = true, completionCandidates = Algorithms.class, description = "${COMPLETION-CANDIDATES}")
        String alg;

        @Option(names = "--jwk", required = true, paramLabel = "FILE", description = "public RSA, EC (P-256/P-384) or OKP (Ed25519) JWK, or oct secret")
        Path jwk;

        @Option(names = "--token", required = true, paramLabel = "FILE|-", description = "compact JWS; '-' reads standard input")
        String token;

        @Option(names = "--now", paramLabel = "EPOCH_S", description = "fix the clock (all libraries)")
        Long now;

        @Option(names = "--iss", description = "required issuer")
        String iss;

        @Option(names = "--aud", description = "required audience")
        String aud;

        @Option(names = "--jws-only", description = "check the signature layer alone (pinned alg, key, signature; no claims)")
        boolean jwsOnly;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (mode.batch != null) {
            return batch(out);
        }
        Single s = mode.single;
        JwtLibrary library = JwtLibrary.parse(s.library);
        JwtAlgorithm alg = JwtAlgorithm.parse(s.alg);
        library.requireSupport(alg); // before reading any file: no key or token makes an unsupported pair work
        Key key = JwkKeys.parse(readText(s.jwk.toString(), "JWK file"));
        String token = readText(s.token, "token file").strip();
        if (token.isEmpty()) {
            throw new UsageException("token file is empty: " + s.token);
        }
        Authenticator verifier = library.create(policy(alg, key, s.now, s.iss, s.aud, s.jwsOnly));
        try {
            Principal p = verifier.authenticate(token);
            out.println("accepted");
            out.println("principal: sub=" + p.subject() + " jti=" + p.credentialId());
            out.flush();
            return Main.OK;
        } catch (Rejected e) {
            out.println("rejected: " + e.code());
            out.println("detail: " + e.getMessage());
            out.flush();
            return Main.NEGATIVE;
        }
    }

    static VerifierPolicy policy(JwtAlgorithm alg, Key key, Long now, String iss, String aud, boolean jwsOnly) {
        VerifierPolicy p = VerifierPolicy.of(alg, key, iss, aud).withJwsOnly(jwsOnly);
        return now == null ? p : p.withClock(Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC));
    }

    private int batch(PrintWriter out) throws IOException {
        Map<String, Authenticator> verifiers = new HashMap<>();
        try (BufferedReader in = reader(mode.batch)) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                out.println(JSON.writeValueAsString(batchCase(line, lineNo, verifiers)));
            }
        }
        out.flush();
        return Main.OK;
    }

    /** One case: accepted / rejected with its reason, or error (bad case or an exception other than a refusal). */
    private static ObjectNode batchCase(String line, int lineNo, Map<String, Authenticator> verifiers) {
        ObjectNode result = JSON.createObjectNode();
        JsonNode c;
        try {
            c = JSON.readTree(line);
        } catch (IOException e) {
            result.put("id", "line " + lineNo);
            return error(result, "malformed JSON on line " + lineNo);
        }
        result.set("id", c.has("id") ? c.get("id") : JSON.getNodeFactory().textNode("line " + lineNo));
        result.put("library", c.path("library").asText(null));
        try {
            JwtLibrary library = JwtLibrary.parse(required(c, "library"));
            JwtAlgorithm alg = JwtAlgorithm.parse(required(c, "alg"));
            JsonNode jwk = c.get("jwk");
            String token = required(c, "token");
            Long now = c.hasNonNull("now") ? c.get("now").asLong() : null;
            String iss = c.hasNonNull("iss") ? c.get("iss").asText() : null;
            String aud = c.hasNonNull("aud") ? c.get("aud").asText() : null;
            boolean jwsOnly = c.path("jwsOnly").asBoolean(false);
            String cacheKey = library + "|" + alg + "|" + jwk + "|" + now + "|" + iss + "|" + aud + "|" + jwsOnly;
            Authenticator v = verifiers.get(cacheKey);
            if (v == null) {
                v = library.create(policy(alg, JwkKeys.parse(jwk), now, iss, aud, jwsOnly));
                verifiers.put(cacheKey, v);
            }
            try {
                Principal p = v.authenticate(token);
                result.put("result", "accepted");
                result.putNull("reason");
                result.put("sub", p.subject());
            } catch (Rejected e) {
                result.put("result", "rejected");
                result.put("reason", e.code());
            }
            return result;
        } catch (IllegalArgumentException | UsageException | UnsupportedAlgorithmException e) {
            return error(result, e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            // Not a refusal: the library threw something its adapter does not map. Reported, never hidden.
            return error(result, "exception: " + e);
        }
    }

    private static ObjectNode error(ObjectNode result, String reason) {
        result.put("result", "error");
        result.put("reason", reason);
        return result;
    }

    private static String required(JsonNode c, String field) {
        JsonNode v = c.get(field);
        if (v == null || !v.isTextual()) {
            throw new UsageException("case lacks \"" + field + "\"");
        }
        return v.asText();
    }

    private static BufferedReader reader(String file) throws IOException {
        if ("-".equals(file)) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("batch file not found: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read batch file " + file + ": " + e.getMessage());
        }
    }

    static String readText(String file, String what) {
        try {
            if ("-".equals(file)) {
                return new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(what + " not found: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
