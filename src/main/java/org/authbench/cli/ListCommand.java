package org.authbench.cli;

import java.util.concurrent.Callable;
import org.authbench.apikey.StoreKind;
import org.authbench.bench.Profile;
import org.authbench.jwt.JwtAlgorithm;
import org.authbench.jwt.JwtLibrary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Lists what can be measured: libraries, algorithms, stores, profiles, and the scheme names built from them. */
@Command(name = "list", description = "List libraries, algorithms, stores, profiles and scheme names.")
public final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        out.println("libraries:");
        for (JwtLibrary l : JwtLibrary.values()) {
            out.println("  " + l.cliName());
        }
        out.println("algorithms:");
        for (JwtAlgorithm a : JwtAlgorithm.values()) {
            out.println("  " + a.name());
        }
        out.println("stores:");
        for (StoreKind s : StoreKind.values()) {
            out.println("  " + s.cliName() + (s.needsServer() ? "  (needs a server)" : ""));
        }
        out.println("profiles:");
        for (Profile p : Profile.values()) {
            // The profile's own estimate (rows from the benchmark list × its timings, plus fork start-up).
            String what = p.description();
            String planned = "~" + duration(p.plannedSeconds());
            if (p.precision() > 0) {
                // Adaptive: every mean row runs the minimum of forks, rows short of the precision up to the cap.
                what += "; " + Profile.MIN_FORKS + "-" + Profile.MAX_FORKS + " forks per row until ±"
                        + Math.round(p.precision() * 100) + "%";
                double most = p.plannedSeconds(Profile.MAX_FORKS);
                if (p.budgetMinutes() > 0) {
                    // Forks beyond the minimum stop where the budget does.
                    what += " within " + Math.round(p.budgetMinutes()) + " min";
                    most = Math.max(p.plannedSeconds(), Math.min(most, 60 * p.budgetMinutes()));
                }
                String least = duration(p.plannedSeconds());
                planned = "~" + (least.equals(duration(most)) ? least : least.replace(" min", "") + "-" + duration(most));
            }
            out.printf("  %-10s %s (%s)%n", p.cliName(), what, planned);
        }
        out.println("schemes (for latency):");
        for (StoreKind s : StoreKind.values()) {
            out.println("  apikey:" + s.cliName());
        }
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                if (l.supports(a)) {
                    out.println("  jwt:" + l.cliName() + ":" + a.name());
                }
            }
        }
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                if (l.supports(a)) {
                    out.println("  jwt-cached:" + l.cliName() + ":" + a.name());
                }
            }
        }
        out.println("not supported (never run; `run` records them in the manifest):");
        for (JwtLibrary l : JwtLibrary.values()) {
            for (JwtAlgorithm a : JwtAlgorithm.values()) {
                if (!l.supports(a)) {
                    out.println("  " + l.cliName() + " " + a.name() + ": " + l.unsupportedReason(a));
                }
            }
        }
        out.flush();
        return Main.OK;
    }

    private static String duration(double seconds) {
        return seconds < 5400 ? Math.round(seconds / 60) + " min" : Math.round(seconds / 3600) + " h";
    }
}
