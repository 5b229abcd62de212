package org.authbench.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.authbench.env.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every tier's facts: versions a run can record, a label and the database flag the report's claims read.
 * The existing tiers' labels and database flags are pinned on purpose: they reach committed reports through the run
 * manifest, so changing one is a visible decision, not a side effect. A new tier needs no edit here.
 */
class StoreKindTest {

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void itsCoordinatesResolveToAVersionOnTheClassPath(StoreKind kind) {
        for (String c : kind.coordinates()) {
            assertThat(Environment.tracked()).contains(c);
            String[] ga = c.split(":");
            assertThat(Environment.version(ga[0], ga[1])).as(c).matches("[0-9][0-9A-Za-z.+-]*");
        }
        assertThat(kind.coordinates().isEmpty()).as("only the in-process maps need no client library")
                .isEqualTo(kind == StoreKind.PLAIN || kind == StoreKind.HASHED);
    }

    @Test
    void labelsAreDistinctAndAServerMeansADatabase() {
        Set<String> labels = new HashSet<>();
        for (StoreKind k : StoreKind.values()) {
            assertThat(labels.add(k.label())).as("label of %s is unique", k).isTrue();
            if (k.needsServer()) {
                assertThat(k.database()).as(k.name()).isTrue();
            }
        }
    }

    @Test
    void theLabelsAndDatabaseTiersTheReportsShow() {
        assertThat(StoreKind.HASHED.label()).isEqualTo("in-process");
        assertThat(StoreKind.PLAIN.label()).isEqualTo("in-process (plain map)");
        assertThat(StoreKind.CAFFEINE.label()).isEqualTo("cache");
        assertThat(StoreKind.H2.label()).isEqualTo("embedded SQL");
        assertThat(StoreKind.REDIS.label()).isEqualTo("Redis");
        assertThat(StoreKind.POSTGRES.label()).isEqualTo("PostgreSQL");
        for (StoreKind k : new StoreKind[] {StoreKind.H2, StoreKind.REDIS, StoreKind.POSTGRES}) {
            assertThat(k.database()).as(k.name()).isTrue();
        }
        for (StoreKind k : new StoreKind[] {StoreKind.PLAIN, StoreKind.HASHED, StoreKind.CAFFEINE}) {
            assertThat(k.database()).as(k.name()).isFalse();
        }
    }
}
