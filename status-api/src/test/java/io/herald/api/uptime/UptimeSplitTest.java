package io.herald.api.uptime;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ComponentStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UptimeSplitTest {

    /** Expected amounts as "date status seconds" separated by ';'; windows as "from/to" separated by ' '. */
    @ParameterizedTest(name = "{0}: {1} .. {2} {3} [{4}] -> {5}")
    @CsvSource(delimiter = '|', textBlock = """
            Europe/Paris     | 2026-11-26T10:00:00Z | 2026-11-26T12:00:00Z | partial_outage | '' | 2026-11-26 partial_outage 7200
            Europe/Paris     | 2026-11-26T22:30:00Z | 2026-11-26T23:30:00Z | major_outage | '' | 2026-11-26 major_outage 1800; 2026-11-27 major_outage 1800
            UTC              | 2026-11-26T22:30:00Z | 2026-11-26T23:30:00Z | major_outage | '' | 2026-11-26 major_outage 3600
            America/New_York | 2026-11-26T04:00:00Z | 2026-11-26T06:00:00Z | operational | '' | 2026-11-25 operational 3600; 2026-11-26 operational 3600
            Asia/Kolkata     | 2026-11-26T18:00:00Z | 2026-11-26T19:00:00Z | degraded_performance | '' | 2026-11-26 degraded_performance 1800; 2026-11-27 degraded_performance 1800
            Europe/Paris     | 2026-03-28T23:00:00Z | 2026-03-29T22:00:00Z | operational | '' | 2026-03-29 operational 82800
            Europe/Paris     | 2026-10-24T22:00:00Z | 2026-10-25T23:00:00Z | operational | '' | 2026-10-25 operational 90000
            Europe/Paris     | 2026-03-28T22:00:00Z | 2026-03-30T00:00:00Z | partial_outage | '' | 2026-03-28 partial_outage 3600; 2026-03-29 partial_outage 82800; 2026-03-30 partial_outage 7200
            Europe/Paris     | 2026-11-25T12:00:00Z | 2026-11-28T12:00:00Z | operational | '' | 2026-11-25 operational 39600; 2026-11-26 operational 86400; 2026-11-27 operational 86400; 2026-11-28 operational 46800
            Europe/Paris     | 2026-11-26T10:00:00Z | 2026-11-26T12:00:00Z | partial_outage | 2026-11-26T10:30:00Z/2026-11-26T11:00:00Z | 2026-11-26 partial_outage 5400; 2026-11-26 under_maintenance 1800
            Europe/Paris     | 2026-11-26T22:00:00Z | 2026-11-27T01:00:00Z | major_outage | 2026-11-26T20:00:00Z/2026-11-27T00:00:00Z | 2026-11-26 under_maintenance 3600; 2026-11-27 major_outage 3600; 2026-11-27 under_maintenance 3600
            Europe/Paris     | 2026-11-26T10:00:00Z | 2026-11-26T12:00:00Z | operational | 2026-11-26T09:00:00Z/2026-11-26T13:00:00Z | 2026-11-26 under_maintenance 7200
            Europe/Paris     | 2026-11-26T10:00:00Z | 2026-11-26T12:00:00Z | operational | 2026-11-26T10:00:00Z/2026-11-26T10:30:00Z 2026-11-26T10:15:00Z/2026-11-26T11:00:00Z | 2026-11-26 operational 3600; 2026-11-26 under_maintenance 3600
            Europe/Paris     | 2026-11-26T10:00:00Z | 2026-11-26T10:00:00Z | major_outage | '' | ''
            Europe/Paris     | 2026-11-26T12:00:00Z | 2026-11-26T10:00:00Z | major_outage | '' | ''
            """)
    void shouldSplitAnIntervalIntoLocalDaysAndMaintenance(String zone, String from, String to, String status,
            String windows, String expected) {
        List<UptimeSplit.Window> maintenance = new ArrayList<>();
        if (windows != null && !windows.isBlank()) {
            for (String window : windows.trim().split(" ")) {
                String[] bounds = window.split("/");
                maintenance.add(new UptimeSplit.Window(Instant.parse(bounds[0]), Instant.parse(bounds[1])));
            }
        }

        List<UptimeSplit.DayAmount> amounts = UptimeSplit.split(Instant.parse(from), Instant.parse(to),
                ComponentStatus.fromWire(status), ZoneId.of(zone), maintenance);

        String actual = amounts.stream()
                .map(a -> a.day() + " " + a.status().wire() + " " + a.millis() / 1000)
                .sorted()
                .collect(Collectors.joining("; "));
        assertThat(actual).isEqualTo(expected == null ? "" : expected.trim());
    }
}
