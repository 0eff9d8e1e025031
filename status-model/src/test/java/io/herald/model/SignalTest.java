package io.herald.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalTest {

    @Test
    void shouldSurviveTheStreamFieldsRoundTripWithAndWithoutLocation() {
        Instant at = Instant.parse("2026-11-26T09:00:00Z");
        Signal probe = new Signal("c:1", "probe", "c", CheckOutcome.DOWN, 120L, "HTTP 503", at, "paris");
        Signal hook = new Signal("h:1", "alertmanager", "c", CheckOutcome.UP, null, "", at);
        assertThat(Signal.fromFields(probe.toFields())).isEqualTo(probe);
        assertThat(Signal.fromFields(hook.toFields())).isEqualTo(hook);
        assertThat(hook.toFields()).doesNotContainKeys("location", "latency_ms");
    }

    @Test
    void shouldNameAMissingField() {
        Map<String, String> fields = new HashMap<>(new Signal("c:1", "probe", "c", CheckOutcome.UP, 5L, "",
                Instant.now()).toFields());
        fields.remove("check");
        assertThatThrownBy(() -> Signal.fromFields(fields)).hasMessageContaining("'check'");
    }
}
