package io.herald.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The records written to Redis by ingest-worker and read by status-api and status-web keep their JSON. */
class ContractJsonTest {
    static final Instant AT = Instant.parse("2026-11-26T09:00:00.125Z");

    @Test
    void shouldKeepAStatusChangeThroughItsJson() {
        StatusChange first = new StatusChange("activesync", null, ComponentStatus.PARTIAL_OUTAGE, AT,
                "activesync-monitor", "HTTP 503 for some users");
        StatusChange recovery = new StatusChange("activesync", ComponentStatus.PARTIAL_OUTAGE,
                ComponentStatus.OPERATIONAL, AT, "", "");
        for (StatusChange change : new StatusChange[] {first, recovery}) {
            assertThat(HeraldJson.read(HeraldJson.write(change), StatusChange.class)).isEqualTo(change);
        }
        assertThat(HeraldJson.write(first)).isEqualTo("{\"component\":\"activesync\",\"from\":null,"
                + "\"to\":\"partial_outage\",\"at\":\"2026-11-26T09:00:00.125Z\",\"cause\":\"activesync-monitor\","
                + "\"detail\":\"HTTP 503 for some users\"}");
    }

    @Test
    void shouldKeepAStaleStateAndARefreshThroughTheirJsonAndLeaveFreshOnesAsBefore() {
        StatusChange refresh = new StatusChange("activesync", ComponentStatus.MAJOR_OUTAGE,
                ComponentStatus.MAJOR_OUTAGE, AT, "activesync-monitor", "down", true,
                "no recent data from activesync-monitor since 09:00 UTC");
        assertThat(refresh.isRefresh()).isTrue();
        assertThat(HeraldJson.read(HeraldJson.write(refresh), StatusChange.class)).isEqualTo(refresh);
        assertThat(HeraldJson.write(refresh)).endsWith(",\"stale\":true,"
                + "\"stale_detail\":\"no recent data from activesync-monitor since 09:00 UTC\"}");
        ComponentState stale = new ComponentState("activesync", ComponentStatus.DEGRADED_PERFORMANCE, AT,
                "activesync-monitor", "", true, "no recent data from activesync-monitor since 09:00 UTC");
        assertThat(HeraldJson.read(HeraldJson.write(stale), ComponentState.class)).isEqualTo(stale);
        assertThat(HeraldJson.write(new ComponentState("email", ComponentStatus.OPERATIONAL, AT, "", "")))
                .doesNotContain("stale");
        assertThat(new StatusChange("email", null, ComponentStatus.OPERATIONAL, AT, "", "").isRefresh()).isFalse();
    }

    @Test
    void shouldKeepAComponentStateThroughItsJson() {
        for (ComponentStatus status : ComponentStatus.values()) {
            ComponentState state = new ComponentState("email", status, AT, "smtp", "slow");
            String json = HeraldJson.write(state);
            assertThat(json).contains("\"status\":\"" + status.wire() + "\"");
            assertThat(HeraldJson.read(json, ComponentState.class)).isEqualTo(state);
        }
    }

    @Test
    void shouldKeepALiveNoticeThroughItsJsonWithTheStreamIdFirst() {
        LiveNotice notice = new LiveNotice("1764147600125-3", new StatusChange("owa", ComponentStatus.OPERATIONAL,
                ComponentStatus.MAJOR_OUTAGE, AT, "owa-http", "timeout"));
        String json = notice.encode();
        assertThat(json).startsWith("{\"id\":\"1764147600125-3\",\"change\":{\"component\":\"owa\"");
        assertThat(LiveNotice.decode(json)).isEqualTo(notice);
        assertThat(HeraldJson.read(json, LiveNotice.class)).isEqualTo(notice);
    }

    @Test
    void shouldReadANoticeWithFieldsAddedByALaterVersion() {
        String later = "{\"id\":\"5-0\",\"page\":\"staff\",\"change\":{\"component\":\"owa\",\"from\":\"operational\","
                + "\"to\":\"degraded_performance\",\"at\":\"2026-11-26T09:00:00Z\",\"cause\":\"c\",\"detail\":\"d\","
                + "\"why\":\"upstream\"}}";
        assertThat(LiveNotice.decode(later).change().to()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
    }

    @Test
    void shouldRefuseANoticeThatIsNotJson() {
        assertThatThrownBy(() -> LiveNotice.decode("{\"id\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LiveNotice");
    }
}
