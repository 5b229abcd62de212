package org.authbench.crypto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.Security;
import java.security.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import org.authbench.auth.Authenticator;
import org.authbench.auth.Principal;
import org.authbench.auth.Rejected;
import org.authbench.fixture.Hostile;
import org.authbench.fixture.JwtFixture;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;

/**
 * Run in a child JVM by {@link CryptoProviderTest} (a provider, once installed, stays for the JVM's life): installs
 * the provider named by {@code args[0]} the way a benchmark fork does (fixtures first, then the provider, then the
 * keys in its form) and prints JSON lines: what is first and what serves each algorithm, then per library and
 * algorithm how many pool tokens it accepted as the right principal and which hostile kinds it accepted or threw
 * on (for the pairs a benchmark would run: supported by the library and served by the provider itself). Findings
 * are printed, never thrown, so the test can name them. Before each library it writes
 * {@code @@ LIBRARY ALG} to standard error, so the JDK's provider debug lines that follow belong to it.
 */
public final class ProviderProbe {

    static final long NOW = 1_750_000_000L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProviderProbe() {
    }

    public static void main(String[] args) throws Exception {
        CryptoProvider provider = CryptoProvider.parse(args[0]);
        String why = provider.unavailableReason();
        if (why != null) {
            print(JSON.createObjectNode().put("unavailable", why));
            return;
        }
        Map<JwtAlgorithm, JwtFixture> built = new LinkedHashMap<>();
        Map<JwtAlgorithm, Map<Hostile, String>> hostiles = new LinkedHashMap<>();
        for (JwtAlgorithm a : JwtAlgorithm.values()) {
            built.put(a, JwtFixture.fixed(a, 8, NOW, 42));
            hostiles.put(a, built.get(a).hostileTokens());
        }
        provider.install();
        print(JSON.createObjectNode().put("first", Security.getProviders()[0].getName())
                .put("p1363", Signature.getInstance("SHA256withECDSAinP1363Format").getProvider().getName()));
        for (JwtAlgorithm a : JwtAlgorithm.values()) {
            JwtFixture f = built.get(a).inFirstProviderForm();
            String unsupported = JcaCheck.unsupportedReason(provider, a, f.keys().verificationKey());
            print(JSON.createObjectNode().put("alg", a.name()).put("unsupported", unsupported)
                    .set("served", JSON.valueToTree(JcaCheck.served(a, f.keys().verificationKey()))));
            for (JwtLibrary l : JwtLibrary.values()) {
                if (unsupported != null || !l.supports(a)) {
                    continue; // a benchmark row of either kind never runs
                }
                System.err.println("@@ " + l + " " + a);
                ObjectNode out = JSON.createObjectNode().put("library", l.name()).put("alg", a.name());
                Authenticator v = l.create(f.policy());
                int accepted = 0;
                String[] pool = f.validTokens();
                for (int i = 0; i < pool.length; i++) {
                    try {
                        Principal p = v.authenticate(pool[i]);
                        accepted += p.equals(f.principal(i)) ? 1 : 0;
                    } catch (Rejected | RuntimeException e) {
                        out.withArray("validRefused").add(i + ": " + e);
                    }
                }
                out.put("accepted", accepted).put("pool", pool.length);
                for (Map.Entry<Hostile, String> h : hostiles.get(a).entrySet()) {
                    try {
                        v.authenticate(h.getValue());
                        out.withArray("hostileAccepted").add(h.getKey().name());
                    } catch (Rejected expected) {
                        // refused, as it must be
                    } catch (RuntimeException e) {
                        out.withArray("hostileErrors").add(h.getKey().name() + ": " + e);
                    }
                }
                System.err.println("@@ end");
                print(out);
            }
        }
    }

    private static void print(ObjectNode n) throws Exception {
        System.out.println(JSON.writeValueAsString(n));
    }
}
