package io.herald.web.view;

import static io.herald.model.ComponentStatus.DEGRADED_PERFORMANCE;
import static io.herald.model.ComponentStatus.MAJOR_OUTAGE;
import static io.herald.model.ComponentStatus.OPERATIONAL;
import static io.herald.model.ComponentStatus.PARTIAL_OUTAGE;
import static io.herald.model.ComponentStatus.UNDER_MAINTENANCE;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ComponentStatus;
import io.herald.web.view.BannerText.Affected;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BannerTextTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(List.of(), "All Systems Operational"),
                Arguments.of(services("Email", OPERATIONAL, "ActiveSync", OPERATIONAL), "All Systems Operational"),
                Arguments.of(services("Email", OPERATIONAL, "ActiveSync", PARTIAL_OUTAGE), "Partial outage: ActiveSync"),
                Arguments.of(services("Email", DEGRADED_PERFORMANCE, "ActiveSync", PARTIAL_OUTAGE),
                        "Partial outage: ActiveSync; Degraded performance: Email"),
                Arguments.of(services("Email", MAJOR_OUTAGE, "Calendar", MAJOR_OUTAGE, "ActiveSync", OPERATIONAL),
                        "Major outage: Email, Calendar"),
                Arguments.of(services("Email", UNDER_MAINTENANCE), "Under maintenance: Email"),
                Arguments.of(services("Web", UNDER_MAINTENANCE, "Email", DEGRADED_PERFORMANCE, "VPN", MAJOR_OUTAGE,
                        "Chat", PARTIAL_OUTAGE, "Calendar", DEGRADED_PERFORMANCE),
                        "Major outage: VPN; Partial outage: Chat; Degraded performance: Email, Calendar; "
                                + "Under maintenance: Web"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("table")
    void shouldNameAffectedServicesWorstFirst(List<Affected> services, String expected) {
        assertThat(BannerText.of(services)).isEqualTo(expected);
    }

    private static List<Affected> services(Object... nameStatusPairs) {
        List<Affected> list = new ArrayList<>();
        for (int i = 0; i < nameStatusPairs.length; i += 2) {
            list.add(new Affected((String) nameStatusPairs[i], (ComponentStatus) nameStatusPairs[i + 1]));
        }
        return list;
    }
}
