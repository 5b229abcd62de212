package org.authbench.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;
import org.authbench.runfiles.Network;

/**
 * A fleet on paper at 10k, 100k and 1M requests/s: client cores to verify JWTs or to look keys up, store cores and
 * nodes from the server CPU per lookup that {@code network.json} measured, and the lookups in flight at each round
 * trip by Little's law (in flight = rate × time per lookup). Every input is a row of the run (named beside it) or an
 * assumption printed in the table. Adds nothing to a run without round trips.
 */
final class FleetSection implements Section {

    static final List<Double> RATES = List.of(10_000.0, 100_000.0, 1_000_000.0);
    /** Cores per store node, an assumption the table prints: Redis executes commands on one thread. */
    static final Map<String, Integer> NODE_CORES = Map.of("REDIS", 1, "POSTGRES", 8);
    static final int DEFAULT_NODE_CORES = 8;
    /** Utilisation a store node is sized for, an assumption the table prints (headroom for bursts and failover). */
    static final double TARGET_UTILISATION = 0.5;

    @Override
    public void addTo(Doc doc, ReportInput in) {
        RoundTrips rt = new RoundTrips(in.analysis(), in.run().network());
        if (!rt.measured() && rt.network() == null) {
            return;
        }
        Analysis a = in.analysis();
        Decision d = new Decision(a, in.run().conformance());
        Network net = rt.network();
        Doc.Section s = doc.section("fleet", "A fleet on paper");
        Doc.para(s, "What " + String.join(", ", RATES.stream().map(r -> Fmt.num(r, 0)).toList()) + " requests/s "
                + "would need, authentication only. Client cores = rate × one thread's cost per request ÷ the scaling "
                + "efficiency measured at 2 threads (linear where not measured or above 100%). A lookup's client CPU is "
                + "not measured directly: it is estimated as the direct (loopback) lookup time minus the server's CPU per "
                + "lookup, which counts the loopback kernel work and any wait as client CPU, so it errs high. Store cores "
                + "= rate × server CPU per lookup (network.json); nodes = store cores ÷ (cores per node × target "
                + "utilisation), both assumptions, rounded up.");
        List<String> header = new ArrayList<>(List.of("what", "per request (source)"));
        RATES.forEach(r -> header.add(Fmt.num(r, 0) + " req/s"));
        List<List<String>> rows = new ArrayList<>();
        for (String alg : a.algorithms()) {
            MeasuredScheme v = d.verifier(alg);
            if (v == null) {
                continue;
            }
            Estimate eff = d.efficiency(v);
            Estimate per = Decision.atScaling(v.ns(), eff);
            List<String> r = new ArrayList<>(List.of("client cores: verify " + alg + " (" + v.param("library") + ")",
                    Fmt.pm(v.ns()) + " ns (" + source(v) + (eff == null ? ", scaling assumed linear" : ", scaling "
                    + Fmt.percent(eff)) + ")"));
            RATES.forEach(rate -> r.add(Fmt.pm(per.times(rate / 1e9))));
            rows.add(r);
        }
        for (String store : stores(rt)) {
            MeasuredScheme direct = a.tier(store);
            Network.StoreCost cost = net == null ? null : net.storeCost().get(store);
            if (direct != null) {
                Estimate client = cost == null ? null : direct.ns().minus(new Estimate(cost.cpuMicrosPerLookup() * 1000, 0));
                List<String> r = new ArrayList<>(List.of("client cores: " + store + " lookup (estimate)", client == null
                        ? "not estimated (no server CPU per lookup in network.json)"
                        : Fmt.pm(client) + " ns = direct lookup " + Fmt.pm(direct.ns()) + " ns (" + source(direct)
                        + ") − server CPU " + Fmt.num(cost.cpuMicrosPerLookup() * 1000) + " ns"));
                RATES.forEach(rate -> r.add(client == null ? "—" : Fmt.pm(client.times(rate / 1e9))));
                rows.add(r);
            }
            if (cost != null) {
                int node = NODE_CORES.getOrDefault(store, DEFAULT_NODE_CORES);
                List<String> r = new ArrayList<>(List.of("store cores: " + store, Fmt.num(cost.cpuMicrosPerLookup())
                        + " µs server CPU per lookup (network.json: " + cost.source() + ", " + Fmt.num(cost.lookups(), 0)
                        + " lookups)"));
                List<String> n = new ArrayList<>(List.of("store nodes: " + store, "assumed " + node + " core"
                        + (node == 1 ? "" : "s") + " per node" + (store.equals("REDIS") ? " (one command thread)" : "")
                        + " at " + Fmt.num(100 * TARGET_UTILISATION, 0) + "% utilisation"));
                for (double rate : RATES) {
                    double cores = rate * cost.cpuMicrosPerLookup() / 1e6;
                    r.add(Fmt.num(cores));
                    n.add(String.valueOf(Math.max(1, (long) Math.ceil(cores / (node * TARGET_UTILISATION)))));
                }
                rows.add(r);
                rows.add(n);
            }
        }
        s.blocks().add(new Doc.Table(header, rows));
        inFlight(s, rt);
    }

    /** Little's law per store and setting: in flight = rate × one lookup's time at that round trip. */
    private static void inFlight(Doc.Section s, RoundTrips rt) {
        if (!rt.measured()) {
            return;
        }
        List<String> header = new ArrayList<>(List.of("store", "round trip", "lookup ns ± CI (1 thread)"));
        RATES.forEach(r -> header.add("in flight at " + Fmt.num(r, 0) + " req/s"));
        List<List<String>> rows = new ArrayList<>();
        for (String store : stores(rt)) {
            for (String setting : rt.settings()) {
                MeasuredScheme l = rt.at(Analysis.LOOKUP, store, setting, 1, Map.of());
                if (l == null) {
                    l = rt.at(Analysis.LOOKUP, store, setting, 1, restOfAny(rt, store));
                }
                if (l == null) {
                    continue;
                }
                String flag = rt.flag(store, setting);
                Double got = rt.achieved(store, setting);
                String label = setting + (got == null || setting.equals(Analysis.DIRECT) ? ""
                        : " (" + Fmt.num(got) + " µs achieved)");
                Estimate ns = l.ns();
                List<String> r = new ArrayList<>(List.of(store, flag == null ? label : NetworkSection.FLAG + label
                        + ", not held", Fmt.pm(ns)));
                RATES.forEach(rate -> r.add(Fmt.pm(ns.times(rate / 1e9))));
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        Doc.para(s, "Lookups in flight by Little's law: rate × the time one lookup takes at each round trip (its row in "
                + "this run). Each is a thread blocked or a pooled connection held, across all gateways: a pool smaller "
                + "than this queues requests. " + NetworkSection.FLAG.strip() + " marks a round trip the injector did "
                + "not hold, shown with what it achieved.");
        s.blocks().add(new Doc.Table(header, rows));
    }

    /** Remote stores of the run: those with rows at a setting, then those network.json measured. */
    private static List<String> stores(RoundTrips rt) {
        Set<String> out = new LinkedHashSet<>();
        rt.schemes().stream().filter(x -> x.method().equals(Analysis.LOOKUP)).forEach(x -> out.add(RoundTrips.store(x)));
        if (rt.network() != null) {
            out.addAll(rt.network().storeCost().keySet());
        }
        return List.copyOf(out);
    }

    /** The other parameters of any lookup_hit row of {@code store} (size, pool), so the match finds it. */
    private static Map<String, String> restOfAny(RoundTrips rt, String store) {
        return rt.schemes().stream().filter(x -> x.method().equals(Analysis.LOOKUP) && store.equals(RoundTrips.store(x)))
                .findFirst().map(RoundTrips::rest).orElse(Map.of());
    }

    /** Where a figure comes from: "ApiKeyLookupBenchmark.lookup_hit, AverageTime, 1 thread". */
    private static String source(MeasuredScheme s) {
        JmhRow r = s.cost();
        return r.method() + ", " + JmhRow.modeName(r.mode()) + ", " + s.threads() + " thread" + (s.threads() == 1 ? "" : "s");
    }
}
