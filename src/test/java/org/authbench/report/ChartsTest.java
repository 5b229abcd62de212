package org.authbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One colour per library and store wherever it is named; labels JMH names shortened for charts. */
class ChartsTest {

    @Test
    void aLibraryKeepsItsColourHoweverASeriesNamesIt() {
        assertThat(ChartStyle.colour("jwt:nimbus:HS256 @ 257,176/s")).isEqualTo(ChartStyle.colour("NIMBUS"))
                .isEqualTo(ChartStyle.colour("NIMBUS [JDK 21.0.5]"));
        assertThat(ChartStyle.colour("apikey:hashed @ 1/s")).isEqualTo(ChartStyle.colour("HASHED"));
        assertThat(ChartStyle.colour("something else")).isEqualTo(ChartStyle.BLUE);
        Set<Color> seen = new HashSet<>();
        for (String n : List.of("REFERENCE", "JJWT", "NIMBUS", "AUTH0", "JOSE4J", "FUSIONAUTH", "VERTX", "PLAIN", "HASHED",
                "CAFFEINE", "H2", "REDIS", "POSTGRES")) {
            assertThat(seen.add(ChartStyle.colour(n))).as(n + " has a colour of its own").isTrue();
        }
    }

    @Test
    void chartLabelsDropTheBenchmarkClassAndParameterNames() {
        assertThat(Charts.chartLabel("RejectBenchmark.reject kind=EXPIRED library=NIMBUS")).isEqualTo("reject EXPIRED NIMBUS");
        assertThat(Charts.chartLabel("HS256 JJWT ×2")).isEqualTo("HS256 JJWT ×2");
        assertThat(Charts.nines(1000)).isEqualTo("99.9%");
    }

    @Test
    void linesOfOneLibraryDifferByAlgorithm() {
        assertThat(ChartStyle.stroke("jwt:vertx:HS256").getDashArray()).isNull();
        assertThat(ChartStyle.stroke("jwt:vertx:ES256").getDashArray()).isNotNull()
                .isNotEqualTo(ChartStyle.stroke("jwt:vertx:RS256").getDashArray());
    }
}
