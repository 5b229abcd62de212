package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Namespaces are spliced into DDL and key patterns: only the suite's own shape is accepted. */
class StoreOptionsTest {

    @Test
    void freshNamespacesAreDistinctAndRecognisable() {
        String a = StoreOptions.defaults().namespace();
        String b = StoreOptions.defaults().namespace();
        assertThat(a).isNotEqualTo(b).startsWith(StoreOptions.NAMESPACE_PREFIX).matches(StoreOptions.NAMESPACE);
    }

    @Test
    void refusesNamespacesOutsideTheSuitesShape() {
        StoreOptions ok = StoreOptions.defaults();
        for (String bad : new String[] {"public", "authbench_x; DROP SCHEMA public CASCADE", "authbench_*", "AUTHBENCH_X",
                "authbench_"}) {
            assertThatThrownBy(() -> ok.withNamespace(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theCacheCannotBackItselfAndNeedsAPositiveRatio() {
        StoreOptions ok = StoreOptions.defaults();
        assertThatThrownBy(() -> ok.withCache(1.0, StoreKind.CAFFEINE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withCache(0.0, StoreKind.H2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ok.withCache(1.5, StoreKind.H2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> StoreKind.CAFFEINE.open(ok.withCache(1.0, StoreKind.HASHED)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot back the caffeine tier");
    }
}
