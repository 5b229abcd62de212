package org.authbench.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RttTest {

    @Test
    void spellingsParseToTheirNanosAndCanonicalLabel() {
        assertThat(Rtt.parse("direct")).isEqualTo(Rtt.DIRECT);
        assertThat(Rtt.parse("direct").direct()).isTrue();
        assertThat(Rtt.parse("0")).isEqualTo(new Rtt("0us", 0));
        assertThat(Rtt.parse("0us").direct()).isFalse();
        assertThat(Rtt.parse("250us")).isEqualTo(new Rtt("250us", 250_000));
        assertThat(Rtt.parse("1000us")).isEqualTo(new Rtt("1ms", 1_000_000));
        assertThat(Rtt.parse("1.5ms")).isEqualTo(new Rtt("1500us", 1_500_000));
        assertThat(Rtt.parse(" 2MS ")).isEqualTo(new Rtt("2ms", 2_000_000));
        assertThat(Rtt.parseList("0us,100us,250us,500us,1ms,2ms").stream().map(Rtt::label).toList())
                .isEqualTo(Rtt.DEFAULT_SWEEP);
    }

    @Test
    void impossibleSettingsAreRefusedWithOneLineNamingTheProblem() {
        for (var c : List.of(List.of("-1ms", "negative"), List.of("11000ms", "above 10s"), List.of("5us", "below 10us"),
                List.of("fast", "not 'direct' or a duration"), List.of("1s", "not 'direct' or a duration"),
                List.of("0.0005us", "whole number of nanoseconds"), List.of("", "not 'direct'"))) {
            assertThatThrownBy(() -> Rtt.parse(c.get(0))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(c.get(1)).hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> Rtt.parseList("1ms,1000us")).hasMessageContaining("given twice");
        assertThat(Rtt.parse("10000ms").nanos()).isEqualTo(Rtt.MAX_NANOS);
    }

    @Test
    void remoteUrlsAreReadAndRerouted() {
        assertThat(Remote.ofRedisUrl("redis://127.0.0.1:6380/2")).isEqualTo(new Remote("127.0.0.1", 6380));
        assertThat(Remote.ofRedisUrl("redis://cache.internal")).isEqualTo(new Remote("cache.internal", 6379));
        assertThat(Remote.redisUrlVia("redis://:pw@db:6379/2", 40001)).isEqualTo("redis://:pw@127.0.0.1:40001/2");
        assertThat(Remote.ofPostgresUrl("jdbc:postgresql://127.0.0.1:5433/postgres?ssl=false"))
                .isEqualTo(new Remote("127.0.0.1", 5433));
        assertThat(Remote.ofPostgresUrl("jdbc:postgresql://pg/app")).isEqualTo(new Remote("pg", 5432));
        assertThat(Remote.postgresUrlVia("jdbc:postgresql://pg:5432/app?ssl=false", 40002))
                .isEqualTo("jdbc:postgresql://127.0.0.1:40002/app?ssl=false");
        assertThat(new Remote("localhost", 1).loopback()).isTrue();
        assertThat(new Remote("pg", 1).loopback()).isFalse();
        assertThatThrownBy(() -> Remote.ofPostgresUrl("jdbc:mysql://x/y")).hasMessageContaining("not jdbc:postgresql");
    }
}
