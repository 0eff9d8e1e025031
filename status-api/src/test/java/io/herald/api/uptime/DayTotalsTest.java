package io.herald.api.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DayTotalsTest {

    /** Seconds in operational, degraded, partial, major, maintenance -> uptime % and worst status. */
    @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5} {6}")
    @CsvSource(delimiter = '|', textBlock = """
            86400 | 0     | 0     | 0     | 0     | 100.0  | operational
            0     | 86400 | 0     | 0     | 0     | 100.0  | degraded_performance
            43200 | 0     | 43200 | 0     | 0     | 50.0   | partial_outage
            43200 | 0     | 0     | 43200 | 0     | 50.0   | major_outage
            39600 | 0     | 46800 | 0     | 0     | 45.833 | partial_outage
            82800 | 0     | 0     | 0     | 3600  | 100.0  | under_maintenance
            0     | 0     | 0     | 3600  | 82800 | 0.0    | major_outage
            86399 | 0     | 1     | 0     | 0     | 99.999 | partial_outage
            0     | 0     | 0     | 0     | 86400 |        | under_maintenance
            0     | 0     | 0     | 0     | 0     |        |
            """)
    void shouldComputeUptimeFromTimeNotInOutageOverTimeObservedOutsideMaintenance(long operational, long degraded,
            long partial, long major, long maintenance, Double percent, String worst) {
        DayTotals totals = new DayTotals(operational * 1000, degraded * 1000, partial * 1000, major * 1000,
                maintenance * 1000);

        assertThat(totals.uptimePercent()).isEqualTo(percent);
        assertThat(totals.worst() == null ? null : totals.worst().wire()).isEqualTo(worst);
    }
}
