package org.authbench.net;

import java.util.LinkedHashMap;
import java.util.Map;
import org.authbench.apikey.StoreKind;
import org.authbench.runfiles.Network;

/**
 * The delay each store's proxy is set to for each round-trip setting, as the run's calibration found it
 * ({@link Network.Setting#proxyDelayMicros}): the forks get it in a system property ({@link #PROPERTY}, e.g.
 * {@code REDIS@500us=401230;POSTGRES@500us=388770}, ns) so their proxies add what the calibration measured, not
 * the nominal delay plus the injector's own lateness. A fork without it (plain JMH) uses the nominal delay.
 */
public final class ProxyDelays {

    /** Fork system property: {@code STORE@rtt=nanos} entries separated by {@code ;}. */
    public static final String PROPERTY = "authbench.proxyDelays";

    private ProxyDelays() {
    }

    /** The property's value for {@code network}'s calibrated settings; empty when there are none. */
    public static String property(Network network) {
        StringBuilder b = new StringBuilder();
        for (Network.Setting s : network.settings()) {
            if (s.targetMicros() > 0) {
                b.append(b.length() == 0 ? "" : ";").append(s.store()).append('@').append(s.rtt()).append('=')
                        .append(Math.round(s.proxyDelayMicros() * 1000));
            }
        }
        return b.toString();
    }

    /** The round-trip delay, ns, this fork's proxy to {@code store} uses at {@code rtt}. */
    public static long forFork(StoreKind store, Rtt rtt) {
        return parse(System.getProperty(PROPERTY, "")).getOrDefault(store.name() + "@" + rtt.label(), rtt.nanos());
    }

    static Map<String, Long> parse(String property) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String entry : property.split(";")) {
            int eq = entry.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(entry.substring(0, eq).strip(),
                            Long.parseLong(entry.substring(eq + 1).strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(PROPERTY + ": '" + entry + "' is not STORE@rtt=nanos");
                }
            }
        }
        return out;
    }
}
