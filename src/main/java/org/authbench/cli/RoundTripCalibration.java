package org.authbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.net.Calibration;
import org.authbench.net.DelayProxy;
import org.authbench.net.Rtt;
import org.authbench.runfiles.Network;
import org.authbench.runfiles.RunManifest;

/** The step of {@code run} between planning and the first benchmark that calibrates the round-trip injector. */
final class RoundTripCalibration {

    private RoundTripCalibration() {
    }

    /**
     * A run whose plan has an {@code rtt} other than {@code direct} calibrates the injector against each remote store
     * before its first benchmark and writes {@code network.json}; a setting the injector does not hold is named on the
     * terminal and in the manifest. Nothing happens for a run without a sweep.
     */
    static void calibrate(Path runDir, RunManifest manifest, RunPlan plan, PrintWriter term) throws IOException {
        List<Rtt> settings = new ArrayList<>();
        List<StoreKind> stores = new ArrayList<>();
        for (RunPlan.Job job : plan.jobs()) {
            for (String r : job.params().getOrDefault(Rtt.PARAM, new String[0])) {
                Rtt parsed = Rtt.parse(r);
                if (!parsed.direct() && !settings.contains(parsed)) {
                    settings.add(parsed);
                }
            }
            for (String dim : List.of("store", "backing", "denylist")) {
                for (String v : job.params().getOrDefault(dim, new String[0])) {
                    for (StoreKind k : List.of(StoreKind.REDIS, StoreKind.POSTGRES)) {
                        if (k.name().equalsIgnoreCase(v) && !stores.contains(k) && job.params().containsKey(Rtt.PARAM)) {
                            stores.add(k);
                        }
                    }
                }
            }
        }
        if (settings.isEmpty()) {
            return;
        }
        settings.sort(Comparator.comparingLong(Rtt::nanos));
        term.println("calibrating the round-trip injector (" + DelayProxy.INJECTOR + ") for " + stores.size() + " store(s) at "
                + settings.size() + " setting(s)");
        term.flush();
        Network network = Calibration.run(stores, settings, StoreOptions.defaults(), CALIBRATION_SAMPLES, COST_LOOKUPS, line -> {
            term.println(line);
            term.flush();
        });
        network.write(runDir);
        List<String> notHeld = network.settings().stream().filter(x -> !x.held())
                .map(x -> x.store() + " " + x.rtt()).toList();
        manifest.network(network.injector(), network.injectorVersion(), network.injectorWhy(), notHeld);
        network.skipped().forEach((what, why) -> manifest.storeSkipped("rtt " + what, why));
        manifest.write();
        if (!notHeld.isEmpty()) {
            term.println("WARNING: the injector did not hold " + String.join(", ", notHeld)
                    + " within 10% at p50; network.json flags them and their rows are not that round trip");
        }
        term.flush();
    }

    /** Ping-sized requests per store and setting, direct and through the injector. */
    static final int CALIBRATION_SAMPLES = 2000;

    /** Real lookups whose server CPU is read per store. */
    static final int COST_LOOKUPS = 20_000;
}
