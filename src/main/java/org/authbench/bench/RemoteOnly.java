package org.authbench.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.net.Route;
import org.authbench.net.Rtt;
import org.authbench.revocation.DenylistKind;

/**
 * A round trip ({@code rtt} other than {@code direct}) applies only to stores across a network: REDIS and POSTGRES,
 * a cache backed by one of them, the REDIS denylist. This splits a run's grid so in-process tiers run at
 * {@code direct} only and are never forked at another {@code rtt} (as {@link SupportedPairs} does for library ×
 * algorithm), and names what it left out.
 */
public final class RemoteOnly {

    /** The parameter naming where a benchmark's lookups go, in the order they are looked for. */
    private static final List<String> DIMENSIONS = List.of("store", "backing", "denylist");

    private RemoteOnly() {
    }

    /** Splits {@code grid}; {@code notApplicable} gets {@code "store plain at rtt 100us,..."} → why for what was left out. */
    public static List<SupportedPairs.Grid> split(SupportedPairs.Grid grid, Map<String, String> notApplicable) {
        List<String> unchanged = new ArrayList<>();
        Map<String, List<String>> byDimension = new LinkedHashMap<>();
        for (String name : grid.benchmarks()) {
            String[] rtts = SupportedPairs.values(name, Rtt.PARAM, grid.params());
            String dim = dimension(name, grid.params());
            if (rtts == null || dim == null || Arrays.stream(rtts).allMatch(Rtt.DIRECT_LABEL::equals)) {
                unchanged.add(name);
            } else {
                byDimension.computeIfAbsent(dim, k -> new ArrayList<>()).add(name);
            }
        }
        List<SupportedPairs.Grid> out = new ArrayList<>();
        if (!unchanged.isEmpty()) {
            out.add(new SupportedPairs.Grid(unchanged, grid.params()));
        }
        byDimension.forEach((dim, names) -> {
            String[] values = SupportedPairs.values(names.get(0), dim, grid.params());
            String[] rtts = SupportedPairs.values(names.get(0), Rtt.PARAM, grid.params());
            List<String> remote = new ArrayList<>();
            List<String> local = new ArrayList<>();
            for (String v : values) {
                (remote(dim, v) ? remote : local).add(v);
            }
            if (!remote.isEmpty()) {
                Map<String, String[]> p = new LinkedHashMap<>(grid.params());
                p.put(dim, remote.toArray(String[]::new));
                out.add(new SupportedPairs.Grid(names, p));
            }
            boolean direct = Arrays.asList(rtts).contains(Rtt.DIRECT_LABEL);
            if (!local.isEmpty() && direct) {
                Map<String, String[]> p = new LinkedHashMap<>(grid.params());
                p.put(dim, local.toArray(String[]::new));
                p.put(Rtt.PARAM, new String[] {Rtt.DIRECT_LABEL});
                out.add(new SupportedPairs.Grid(names, p));
            }
            String others = String.join(",", Arrays.stream(rtts).filter(r -> !r.equals(Rtt.DIRECT_LABEL)).toList());
            for (String v : local) {
                notApplicable.put(dim + " " + v.toLowerCase(Locale.ROOT) + " at rtt " + others,
                        "in process: no network hop to delay (runs at rtt direct only)");
            }
        });
        return out;
    }

    /** Parameter combinations of {@code dimension} × {@code rtt} that run: remote values at every rtt, the rest at direct. */
    static int combos(String[] dimensionValues, String[] rtts) {
        int remote = (int) Arrays.stream(dimensionValues).filter(v -> DIMENSIONS.stream().anyMatch(d -> remote(d, v))).count();
        int local = dimensionValues.length - remote;
        return remote * rtts.length + (Arrays.asList(rtts).contains(Rtt.DIRECT_LABEL) ? local : 0);
    }

    /** The dimension parameter {@code name} declares beside {@code rtt}, or null. */
    static String dimension(String name, Map<String, String[]> params) {
        for (String d : DIMENSIONS) {
            if (SupportedPairs.values(name, d, params) != null) {
                return d;
            }
        }
        return null;
    }

    /** Whether {@code value} of {@code dimension} is a store across a network. */
    static boolean remote(String dimension, String value) {
        try {
            if (dimension.equals("denylist")) {
                return DenylistKind.valueOf(value) == DenylistKind.REDIS;
            }
            StoreKind k = StoreKind.valueOf(value);
            return Route.remote(k, StoreOptions.defaults()) != null && k != StoreKind.CAFFEINE;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
