package org.authbench.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.authbench.apikey.StoreKind;
import org.authbench.crypto.CryptoProvider;
import org.authbench.revocation.DenylistKind;

/**
 * The JMH parameter values a run uses, after dropping what this machine cannot run: JCA providers that
 * cannot load in this JVM, store tiers and denylists whose server is unreachable. Each is skipped with its
 * reason and the rest of the run goes on; unknown names, or nothing left to run, are bad input.
 *
 * @param params           parameter name → values, narrowed to what can run
 * @param storesRan        {@code "store plain"}, {@code "denylist redis"}, ... that run
 * @param storesSkipped    the same kind of name → why it cannot run here
 * @param providersRan     JCA provider names the rows use
 * @param providersSkipped provider name → why it cannot load here
 */
record RunChoices(Map<String, String[]> params, List<String> storesRan, Map<String, String> storesSkipped,
        List<String> providersRan, Map<String, String> providersSkipped) {

    /** Narrows {@code params} (the profile's values overridden by {@code --param}) in place and says what was dropped. */
    static RunChoices choose(Map<String, String[]> params) {
        Map<String, String> providersSkipped = chooseProviders(params);
        List<String> storesRan = new ArrayList<>();
        Map<String, String> storesSkipped = new LinkedHashMap<>();
        Map<String, String> storeReasons = new LinkedHashMap<>();
        for (StoreKind k : StoreKind.values()) {
            storeReasons.put(k.name(), k.unavailableReason());
        }
        Map<String, String> denylistReasons = new LinkedHashMap<>();
        for (DenylistKind k : DenylistKind.values()) {
            denylistReasons.put(k.name(), k.unavailableReason());
        }
        skipUnavailable("store", storeReasons, params, storesRan, storesSkipped);
        skipUnavailable("denylist", denylistReasons, params, storesRan, storesSkipped);
        List<String> providersRan = List.of(params.getOrDefault("provider", new String[] {CryptoProvider.DEFAULT.name()}));
        return new RunChoices(params, storesRan, storesSkipped, providersRan, providersSkipped);
    }

    /**
     * The JCA providers asked for ({@code --param provider=...} or the profile's): unknown names are bad input; one
     * that cannot load in this JVM is dropped from the parameter and returned with why ({@code ACCP cannot load here:
     * ...}). Without the parameter the benchmarks' own default (DEFAULT only) applies and nothing is checked.
     */
    private static Map<String, String> chooseProviders(Map<String, String[]> params) {
        Map<String, String> skipped = new LinkedHashMap<>();
        String[] requested = params.get("provider");
        if (requested == null) {
            return skipped;
        }
        List<String> runnable = new ArrayList<>();
        for (String name : requested) {
            CryptoProvider p;
            try {
                p = CryptoProvider.parse(name.strip());
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
            String why = p.unavailableReason();
            if (why == null) {
                runnable.add(p.name());
            } else {
                skipped.put(p.name(), why);
            }
        }
        if (runnable.isEmpty()) {
            throw new UsageException("no requested provider can run here: " + String.join("; ", skipped.values()));
        }
        params.put("provider", runnable.toArray(String[]::new));
        return skipped;
    }

    /** Drops the values of {@code param} whose {@code reasons} entry is not null, when requested or by default. */
    private static void skipUnavailable(String param, Map<String, String> reasons, Map<String, String[]> params,
            List<String> ran, Map<String, String> skipped) {
        List<String> requested = params.containsKey(param) ? List.of(params.get(param)) : null;
        List<String> runnable = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Map.Entry<String, String> e : reasons.entrySet()) {
            String name = e.getKey();
            if (requested != null && requested.stream().noneMatch(name::equalsIgnoreCase)) {
                continue;
            }
            String what = param + " " + name.toLowerCase(Locale.ROOT);
            if (e.getValue() == null) {
                runnable.add(name);
                ran.add(what);
            } else {
                skipped.put(what, e.getValue());
                why.add(e.getValue());
            }
        }
        if (requested != null || runnable.size() < reasons.size()) {
            if (runnable.isEmpty()) {
                throw new UsageException("no requested " + param + " can run here" + (why.isEmpty() ? "" : ": "
                        + String.join("; ", why)));
            }
            params.put(param, runnable.toArray(String[]::new));
        }
    }
}
