package org.authbench.bench;

import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.fixture.ApiKeyFixture;

/**
 * A benchmark fork in miniature: opens a store tier the way a trial's setup does, says its namespace, then ends the
 * JVM without the trial's {@code @TearDown}, as a fork does when its benchmark throws or its run is stopped.
 * Arguments: the store tier; {@code throw} (an uncaught error), {@code teardown} (the normal path) or {@code wait}
 * (until the JVM is stopped, e.g. by SIGTERM); optionally an {@code rtt} (default {@code direct}).
 */
public final class StoreTrialExitProbe {

    private StoreTrialExitProbe() {
    }

    /** Ends with {@code System.exit}, as JMH's forked VM does whatever happened (the proxy's reactor thread is not a daemon). */
    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable t) {
            t.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws InterruptedException {
        StoreKind kind = StoreKind.valueOf(args[0]);
        StoreOptions options = StoreOptions.defaults();
        String rtt = args.length > 2 ? args[2] : "direct";
        var store = StoreTrial.open(kind, options, ApiKeyFixture.create(2_000, 64), rtt);
        System.out.println("namespace " + options.namespace());
        System.out.println("proxies " + StoreTrial.openProxies());
        System.out.flush();
        if ("teardown".equals(args[1])) {
            StoreTrial.close(store);
            return;
        }
        if ("wait".equals(args[1])) {
            Thread.sleep(120_000);
            return;
        }
        throw new IllegalStateException("the benchmark failed mid-trial");
    }
}
