package org.authbench.report;

import java.util.Map;
import org.authbench.runfiles.Estimate;
import org.authbench.runfiles.JmhRow;

/**
 * One benchmark method, one parameter set, one thread count, one JVM; one row per mode measured. {@code name}
 * is what a reader knows it by; {@code jvm} is null when the run holds one JVM, else its label.
 */
record MeasuredScheme(String method, Map<String, String> params, int threads, Map<String, JmhRow> byMode, String name,
        String jvm) {

    /** The name, plus the JVM when the run holds several. */
    String label() {
        return jvm == null ? name : name + " [" + jvm + "]";
    }

    /** ns/op in {@code mode} when this scheme was measured in it, else its usual cost (a ratio then refuses the pair). */
    Estimate nsIn(String mode) {
        JmhRow same = byMode.get(mode);
        return same != null ? same.nsPerOp() : ns();
    }

    JmhRow cost() {
        for (String m : Analysis.MODE_ORDER) {
            if (byMode.containsKey(m)) {
                return byMode.get(m);
            }
        }
        return byMode.values().iterator().next();
    }

    Estimate ns() {
        return cost().nsPerOp();
    }

    /** Throughput of one thread (or all threads): measured when a Throughput row exists, else derived. */
    Estimate ops() {
        JmhRow t = byMode.get("thrpt");
        return t != null ? t.opsPerSecond() : cost().opsPerSecond();
    }

    boolean opsDerived() {
        return !byMode.containsKey("thrpt");
    }

    JmhRow sample() {
        return byMode.get("sample");
    }

    Estimate bytes() {
        for (String m : Analysis.MODE_ORDER) {
            JmhRow r = byMode.get(m);
            if (r != null && r.bytesPerOp() != null) {
                return r.bytesPerOp();
            }
        }
        return null;
    }

    String param(String name) {
        return params.get(name);
    }

    String provider() {
        return Analysis.provider(params);
    }
}
