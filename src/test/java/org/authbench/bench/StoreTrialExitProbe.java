package org.authbench.bench;

import org.authbench.apikey.StoreKind;
import org.authbench.apikey.StoreOptions;
import org.authbench.fixture.ApiKeyFixture;

/**
 * A benchmark fork in miniature: opens a store tier the way a trial's setup does, says its namespace, then ends the
 * JVM without the trial's {@code @TearDown}, as a fork does when its benchmark throws or its run is stopped.
 * Arguments: the store tier, and {@code throw} (an uncaught error) or {@code teardown} (the normal path).
 */
public final class StoreTrialExitProbe {

    private StoreTrialExitProbe() {
    }

    public static void main(String[] args) {
        StoreKind kind = StoreKind.valueOf(args[0]);
        StoreOptions options = StoreOptions.defaults();
        var store = StoreTrial.open(kind, options, ApiKeyFixture.create(2_000, 64));
        System.out.println("namespace " + options.namespace());
        System.out.flush();
        if ("teardown".equals(args[1])) {
            StoreTrial.close(store);
            return;
        }
        throw new IllegalStateException("the benchmark failed mid-trial");
    }
}
