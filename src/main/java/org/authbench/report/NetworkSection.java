package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.authbench.runfiles.Network;

/**
 * Remote stores across a network round trip: the injector's calibration (its own overhead from the 0 µs A/A, and
 * the round trip each setting achieved against its target), then each remote store's lookups, the Caffeine tier in
 * front of it and the Redis denylist at every setting, with the round trip as the {@link Axis}. Adds nothing to a
 * run without {@code rtt} rows or {@code network.json}.
 */
final class NetworkSection implements Section {

    static final String FLAG = "⚑ ";
    private static final List<String> METHOD_ORDER = List.of(Analysis.LOOKUP, "ApiKeyLookupBenchmark.lookup_miss",
            "ApiKeyLookupBenchmark.lookup_revoked", Analysis.CACHED_LOOKUP, Analysis.REV_KEY, Analysis.REV_ACCEPTED,
            Analysis.REV_REFUSED);

    @Override
    public void addTo(Doc doc, ReportInput in) {
        RoundTrips rt = new RoundTrips(in.analysis(), in.run().network());
        if (!rt.measured() && rt.network() == null) {
            return;
        }
        Doc.Section s = doc.section("network", "Remote stores across a network round trip");
        calibration(s, rt);
        lookups(s, rt);
    }

    private static void calibration(Doc.Section s, RoundTrips rt) {
        Network n = rt.network();
        if (n == null) {
            Doc.para(s, "This run has no network.json: the round trips its rows name were not calibrated, so every "
                    + "setting is flagged and no break-even is computed.");
            return;
        }
        Doc.para(s, "Round trips added by " + n.injector() + (n.injectorVersion().isBlank() ? "" : " " + n.injectorVersion())
                + (n.injectorWhy().isBlank() ? "" : " (" + n.injectorWhy() + ")") + ". Every run calibrates it: a "
                + "ping-sized request (Redis PING, PostgreSQL SELECT 1) timed directly and through the injector at each "
                + "setting; added = through − direct. The 0us setting is the A/A: the injector's own overhead. A setting "
                + "whose added p50 is more than " + Fmt.num(100 * RoundTrips.HOLD, 0) + "% from its target is flagged ("
                + FLAG.strip() + "): its rows are shown with the round trip achieved, never as the setting, and stay out "
                + "of the break-even fit.");
        List<String> overhead = new ArrayList<>();
        for (Network.Setting c : n.settings()) {
            if (c.targetMicros() == 0) {
                overhead.add(c.store() + " " + signed(c.addedP50Micros()) + " µs at p50, " + signed(c.addedP99Micros())
                        + " µs at p99");
            }
        }
        if (!overhead.isEmpty()) {
            Doc.para(s, "The injector's own overhead (0us through it against direct): " + String.join("; ", overhead)
                    + ".");
        }
        List<List<String>> rows = new ArrayList<>();
        for (Network.Setting c : n.settings()) {
            String flag = rt.flag(c.store(), c.rtt());
            rows.add(List.of(c.store(), c.rtt(), Fmt.num(c.targetMicros()), Fmt.num(c.proxyDelayMicros()),
                    Fmt.num(c.direct().p50Micros()) + " / " + Fmt.num(c.direct().p99Micros()),
                    Fmt.num(c.through().p50Micros()) + " / " + Fmt.num(c.through().p99Micros()),
                    Fmt.num(c.addedP50Micros()), Fmt.num(c.addedP99Micros()),
                    c.targetMicros() == 0 ? "A/A" : flag == null ? "held" : FLAG + flag,
                    String.valueOf(c.through().samples())));
        }
        s.blocks().add(new Doc.Table(List.of("store", "setting", "target µs", "proxy set to µs", "direct p50 / p99 µs",
                "through p50 / p99 µs", "added p50 µs", "added p99 µs", "held within " + Fmt.num(100 * RoundTrips.HOLD, 0)
                + "%", "samples"), rows));
        if (!n.skipped().isEmpty()) {
            List<String> b = new ArrayList<>();
            n.skipped().forEach((k, v) -> b.add("`" + k + "` not run: " + v));
            s.blocks().add(new Doc.Bullets(b));
        }
    }

    private static void lookups(Doc.Section s, RoundTrips rt) {
        if (!rt.measured()) {
            return;
        }
        List<String> settings = rt.settings();
        Analysis a = rt.analysis();
        Axis axis = new Axis(settings, x -> Analysis.rtt(x.params()),
                x -> x.method() + "|" + RoundTrips.store(x) + "|" + RoundTrips.rest(x) + "|" + x.threads(),
                rt.schemes()::contains, order());
        Map<String, List<Axis.Set>> byStore = new LinkedHashMap<>();
        for (Axis.Set set : axis.across(a.all())) {
            byStore.computeIfAbsent(RoundTrips.store(set.any()), k -> new ArrayList<>()).add(set);
        }
        Doc.para(s, "Cost per operation (one thread's mean time, ns/op ± " + Fmt.CI + ") at each round-trip setting; "
                + "direct is the loopback connection without the injector. The time includes waiting on the network and "
                + "the server. " + FLAG.strip() + " marks a setting the injector did not hold; the cell then names the "
                + "round trip it achieved.");
        for (Map.Entry<String, List<Axis.Set>> e : byStore.entrySet()) {
            String store = e.getKey();
            AxisTable t = AxisTable.of(axis, e.getValue(), -1, null, List.of("store", "operation", "threads"),
                    x -> List.of(store, operation(x), String.valueOf(x.threads())), Charts::shortLabel);
            List<String> header = new ArrayList<>(t.header());
            for (int j = 0; j < settings.size(); j++) {
                int col = 4 + j;
                header.set(col, settings.get(j) + " ns/op");
            }
            List<List<String>> rows = new ArrayList<>();
            for (List<String> r : t.rows()) {
                List<String> cells = new ArrayList<>(r);
                for (int j = 0; j < settings.size(); j++) {
                    int col = 4 + j;
                    String flag = rt.flag(store, settings.get(j));
                    if (flag != null && !Doc.Table.empty(cells.get(col))) {
                        Double got = rt.achieved(store, settings.get(j));
                        cells.set(col, FLAG + cells.get(col) + (got == null ? " (not calibrated)"
                                : " (at " + Fmt.num(got) + " µs achieved)"));
                    }
                }
                rows.add(cells);
            }
            s.blocks().add(new Doc.Table(header, rows));
        }
    }

    /**
     * Lookups (hit, miss, revoked), then the Caffeine tier, then the denylist; by parameters, then threads (stores keep
     * the order the run measured them in).
     */
    private static Comparator<Axis.Set> order() {
        return Comparator.comparingInt((Axis.Set x) -> METHOD_ORDER.indexOf(x.any().method()))
                .thenComparing(x -> RoundTrips.rest(x.any()).toString())
                .thenComparingInt(x -> x.any().threads());
    }

    /** What a reader calls the operation: "lookup hit", "Caffeine in front, 90% hits", "JWT HS256 + denylist". */
    static String operation(MeasuredScheme s) {
        return switch (s.method()) {
            case Analysis.LOOKUP -> "lookup hit";
            case "ApiKeyLookupBenchmark.lookup_miss" -> "lookup miss";
            case "ApiKeyLookupBenchmark.lookup_revoked" -> "lookup revoked";
            case Analysis.CACHED_LOOKUP -> "Caffeine in front, " + hits(s.param("cacheHitRatio")) + " hits";
            case Analysis.REV_KEY -> "revoke, then refuse";
            case Analysis.REV_ACCEPTED -> "JWT " + s.param("alg") + " " + s.param("library") + " + denylist";
            case Analysis.REV_REFUSED -> "JWT " + s.param("alg") + " " + s.param("library") + " refused by denylist";
            default -> s.method();
        };
    }

    private static String hits(String ratio) {
        try {
            return Fmt.plain(100 * Double.parseDouble(ratio)) + "%";
        } catch (NumberFormatException | NullPointerException e) {
            return String.valueOf(ratio);
        }
    }

    /** {@code +12.3} or {@code −4.5}: an added time that can come out negative when the direct tail was the worse one. */
    private static String signed(double micros) {
        return (micros < 0 ? "−" : "+") + Fmt.num(Math.abs(micros));
    }
}
