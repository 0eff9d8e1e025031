package io.herald.model.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ComponentStatus;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PageIndicatorTest {

    /** Components as "status" or "status!" (critical), separated by spaces. */
    @ParameterizedTest(name = "[{0}] -> {1}, {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ''                                                  | none     | All Systems Operational
            operational operational                             | none     | All Systems Operational
            operational! operational                            | none     | All Systems Operational
            under_maintenance operational                       | none     | Service Under Maintenance
            under_maintenance under_maintenance                 | none     | Service Under Maintenance
            degraded_performance operational                    | minor    | Partially Degraded Service
            degraded_performance under_maintenance              | minor    | Partially Degraded Service
            partial_outage operational                          | major    | Partial System Outage
            partial_outage degraded_performance                 | major    | Partial System Outage
            partial_outage! operational                         | major    | Partial System Outage
            major_outage operational                            | major    | Partial System Outage
            major_outage partial_outage degraded_performance    | major    | Partial System Outage
            major_outage operational!                           | major    | Partial System Outage
            major_outage! operational                           | critical | Major System Outage
            major_outage! major_outage                          | critical | Major System Outage
            major_outage major_outage                           | critical | Major System Outage
            major_outage                                        | critical | Major System Outage
            major_outage under_maintenance                      | major    | Partial System Outage
            """)
    void shouldBlendComponentsIntoThePageStatus(String components, String indicator, String description) {
        Indicator status = PageIndicator.of(parse(components));

        assertThat(status.indicator()).isEqualTo(indicator);
        assertThat(status.description()).isEqualTo(description);
    }

    /** Components as above, then the open incidents' impacts separated by spaces. */
    @ParameterizedTest(name = "[{0}] incidents [{1}] -> {2}, {3}")
    @CsvSource(delimiter = '|', textBlock = """
            operational                    | ''             | none     | All Systems Operational
            operational                    | none           | none     | All Systems Operational
            operational                    | minor          | minor    | Partially Degraded Service
            operational                    | major          | major    | Partial System Outage
            operational                    | critical       | critical | Major System Outage
            operational                    | minor critical | critical | Major System Outage
            under_maintenance              | minor          | minor    | Partially Degraded Service
            degraded_performance           | minor          | minor    | Partially Degraded Service
            degraded_performance           | major          | major    | Partial System Outage
            partial_outage                 | minor          | major    | Partial System Outage
            partial_outage                 | major          | major    | Partial System Outage
            partial_outage                 | critical       | critical | Major System Outage
            major_outage!                  | major          | critical | Major System Outage
            major_outage operational       | none           | major    | Partial System Outage
            """)
    void shouldLetTheHighestOpenIncidentImpactRaiseThePageStatus(String components, String impacts,
            String indicator, String description) {
        List<String> open = impacts == null || impacts.isBlank() ? List.of() : List.of(impacts.trim().split("\\s+"));

        Indicator status = PageIndicator.of(parse(components), open);

        assertThat(status.indicator()).isEqualTo(indicator);
        assertThat(status.description()).isEqualTo(description);
    }

    private static List<PageIndicator.Input> parse(String components) {
        if (components == null || components.isBlank()) {
            return List.of();
        }
        return Arrays.stream(components.trim().split("\\s+"))
                .map(c -> new PageIndicator.Input(ComponentStatus.fromWire(c.replace("!", "")), c.endsWith("!")))
                .toList();
    }
}
