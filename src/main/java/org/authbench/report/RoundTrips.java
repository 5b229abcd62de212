package org.authbench.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.authbench.runfiles.Network;
import org.authbench.runfiles.RunFileException;

/**
 * The run's round-trip settings ({@code rtt} parameter: {@code direct}, {@code 0us}, {@code 250us}, {@code 2ms}) and
 * what {@code network.json} says each achieved. A setting the injector did not hold within {@link #HOLD} of its
 * target at p50 is flagged: its rows are shown with the round trip actually achieved, never as the setting.
 */
final class RoundTrips {

    /** How far the added p50 may stray from the target before the setting is flagged. */
    static final double HOLD = 0.10;
    /** Benchmarks that take a round-trip setting, and which parameter names the remote store of each. */
    static final Map<String, String> STORE_PARAM = Map.of(Analysis.LOOKUP, "store",
            "ApiKeyLookupBenchmark.lookup_miss", "store", "ApiKeyLookupBenchmark.lookup_revoked", "store",
            Analysis.CACHED_LOOKUP, "backing", Analysis.REV_ACCEPTED, "denylist", Analysis.REV_REFUSED, "denylist",
            Analysis.REV_KEY, "store");
    private static final Pattern SETTING = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms)");

    private final Analysis a;
    private final Network net;
    private final List<MeasuredScheme> schemes;
    private final List<String> settings;

    RoundTrips(Analysis a, Network net) {
        this.a = a;
        this.net = net;
        schemes = a.primary().stream().filter(s -> STORE_PARAM.containsKey(s.method()) && store(s) != null).toList();
        Set<String> found = new LinkedHashSet<>();
        schemes.forEach(s -> found.add(Analysis.rtt(s.params())));
        List<String> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingDouble(RoundTrips::order));
        settings = List.copyOf(sorted);
    }

    /** Whether the run measured any row through an injected round trip (anything but direct). */
    boolean measured() {
        return settings.stream().anyMatch(x -> !x.equals(Analysis.DIRECT));
    }

    Network network() {
        return net;
    }

    Analysis analysis() {
        return a;
    }

    /** The settings the rows name, direct first, then by round trip. */
    List<String> settings() {
        return settings;
    }

    /**
     * Remote-store schemes (lookups, the Caffeine tier in front, denylists) at every setting and thread count; rows
     * without {@code rtt} count as direct, so a run whose direct rows carry no parameter still has them.
     */
    List<MeasuredScheme> schemes() {
        return schemes;
    }

    /** The remote store a scheme reaches. */
    static String store(MeasuredScheme s) {
        String p = STORE_PARAM.get(s.method());
        return p == null ? null : s.param(p);
    }

    /** The round trip a setting asks for, µs; throws for a label the run side never writes. */
    static double micros(String setting) {
        Matcher m = SETTING.matcher(setting.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new RunFileException("jmh-result.json: rtt parameter \"" + setting + "\" is not direct or <n>us|ms");
        }
        return Double.parseDouble(m.group(1)) * (m.group(2).equals("ms") ? 1000 : 1);
    }

    private static double order(String setting) {
        return setting.equals(Analysis.DIRECT) ? -1 : micros(setting);
    }

    /**
     * Why a store's setting does not count as its nominal round trip, or null when it does: direct is no injection; a
     * setting is flagged when {@code network.json} is missing, has no calibration for it, marks it not held, or its
     * added p50 is more than 10% from the target (the report checks the arithmetic itself).
     */
    String flag(String store, String setting) {
        if (setting.equals(Analysis.DIRECT)) {
            return null;
        }
        if (net == null) {
            return "not calibrated (no network.json)";
        }
        Network.Setting c = net.setting(store, setting);
        if (c == null) {
            return "not calibrated (network.json has no " + store + " " + setting + ")";
        }
        boolean off = c.targetMicros() > 0 && Math.abs(c.addedP50Micros() - c.targetMicros()) > HOLD * c.targetMicros();
        if (!c.held() || off) {
            return "not held: added " + Fmt.num(c.addedP50Micros()) + " µs at p50 for " + Fmt.num(c.targetMicros())
                    + " µs";
        }
        return null;
    }

    /** The round trip added at p50 (µs) as calibrated: 0 for direct, null when not calibrated. */
    Double achieved(String store, String setting) {
        if (setting.equals(Analysis.DIRECT)) {
            return 0.0;
        }
        Network.Setting c = net == null ? null : net.setting(store, setting);
        return c == null ? null : c.addedP50Micros();
    }

    /** The scheme of {@code method} for {@code store} at {@code setting} with these other parameters, or null. */
    MeasuredScheme at(String method, String store, String setting, int threads, Map<String, String> others) {
        for (MeasuredScheme s : schemes) {
            if (s.method().equals(method) && store.equals(store(s)) && Analysis.rtt(s.params()).equals(setting)
                    && s.threads() == threads && rest(s).equals(new TreeMap<>(others))) {
                return s;
            }
        }
        return null;
    }

    /** A scheme's parameters apart from the setting and the store. */
    static Map<String, String> rest(MeasuredScheme s) {
        Map<String, String> r = new TreeMap<>(s.params());
        r.remove(Analysis.RTT);
        r.remove(STORE_PARAM.get(s.method()));
        return r;
    }
}
