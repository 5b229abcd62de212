package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.authbench.apikey.redis.Redis;
import org.authbench.support.ClassGraph;
import org.junit.jupiter.api.Test;

/**
 * {@code apikey} reaches each store's folder through {@link StoreKind}; no class of a store folder may lead back to
 * it (stores read {@link TierSettings}, not {@link StoreOptions}, whose cache backing is a {@code StoreKind}).
 */
class NoCycleTest {

    @Test
    void noClassCycleSpansApikeyAndItsSubpackages() throws IOException {
        ClassGraph g = ClassGraph.of("org.authbench.apikey", StoreKind.class);
        assertThat(g.references("org/authbench/apikey/StoreKind")).as("the graph is read").contains("org/authbench/apikey/redis/Redis");
        assertThat(g.references("org/authbench/apikey/redis/Redis")).doesNotContain("org/authbench/apikey/StoreKind");
        assertThat(g.cyclesAcrossPackages()).isEmpty();
    }

    /** The check can fail: a class of a store folder that refers back to the enum makes a cycle. */
    @Test
    void aReferenceBackToTheEnumIsACycle() throws IOException {
        ClassGraph g = ClassGraph.of("org.authbench.apikey", Redis.class);
        assertThat(g.withEdge("org/authbench/apikey/redis/Redis", "org/authbench/apikey/StoreKind").cyclesAcrossPackages())
                .singleElement().satisfies(c -> assertThat(c).contains("org/authbench/apikey/StoreKind", "org/authbench/apikey/redis/Redis"));
    }
}
