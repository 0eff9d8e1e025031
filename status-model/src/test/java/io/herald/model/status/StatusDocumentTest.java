package io.herald.model.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusDocumentTest {
    static final Page PAGE = new Page("herald", "Acme IT status", "https://status.example.org", "Europe/Paris",
            "2026-11-26T09:00:00Z");
    static final StatuspageV2.Component ACTIVESYNC = new StatuspageV2.Component("activesync", "ActiveSync",
            ComponentStatus.PARTIAL_OUTAGE, "2026-01-01T00:00:00Z", "2026-11-26T09:00:00Z", 2, "Phones", false,
            null, "email", "herald", false, false, null);

    static Incident incident(String scheduledFor, Boolean automatic) {
        Incident.Update update = new Incident.Update("7", "investigating", "Some phones cannot sync.", "42",
                "2026-11-26T09:00:00Z", "2026-11-26T09:00:00Z", "2026-11-26T09:00:00Z",
                List.of(new Incident.AffectedComponent("activesync", "ActiveSync", "operational", "partial_outage")),
                true, null, null);
        return new Incident("42", "ActiveSync: some users cannot connect", "investigating", "2026-11-26T09:00:00Z",
                "2026-11-26T09:00:00Z", null, null, "major", "https://status.example.org/incidents/42",
                "2026-11-26T09:00:00Z", "herald", List.of(update), List.of(ACTIVESYNC), scheduledFor,
                scheduledFor == null ? null : "2026-11-27T02:00:00Z", automatic, automatic == null ? null : false, null,
                scheduledFor == null ? null : 0);
    }

    @Test
    void shouldKeepTheNativeDocumentThroughItsJson() {
        StatusDocument.Component component = new StatusDocument.Component("activesync", "ActiveSync", "Phones",
                ComponentStatus.PARTIAL_OUTAGE, "Partial outage", "2026-11-26T09:00:00Z", "2026-11-26T09:00:00Z",
                "activesync-monitor", "HTTP 503", true);
        StatusDocument document = new StatusDocument(PAGE, new Indicator("major", "Partial System Outage"),
                List.of(new StatusDocument.Service("email", "Email", "Mail for everyone", ComponentStatus.PARTIAL_OUTAGE,
                        "Partial outage", List.of(component))),
                List.of(incident(null, true)), List.of(incident("2026-11-27T00:00:00Z", null)), "1764147600125-0");
        String json = HeraldJson.write(document);
        assertThat(HeraldJson.read(json, StatusDocument.class)).isEqualTo(document);
        assertThat(json).contains("\"last_event_id\":\"1764147600125-0\"", "\"status_words\":\"Partial outage\"",
                "\"time_zone\":\"Europe/Paris\"", "\"evaluated\":true");
    }

    @Test
    void shouldReadAStatusWordItDoesNotKnowAsNullOnlyWhenAskedToTolerateIt() {
        String json = "{\"services\":[{\"id\":\"email\",\"status\":\"melting\",\"components\":[{\"id\":\"smtp\","
                + "\"status\":\"operational\"},{\"id\":\"imap\",\"status\":\"on_fire\"}]}],"
                + "\"incidents\":[{\"id\":\"1\",\"components\":[{\"id\":\"imap\",\"status\":\"on_fire\"}]}]}";

        StatusDocument read = HeraldJson.readTolerant(json, StatusDocument.class);

        assertThat(read.services().get(0).status()).isNull();
        assertThat(read.services().get(0).components()).extracting(StatusDocument.Component::status)
                .containsExactly(ComponentStatus.OPERATIONAL, null);
        assertThat(read.incidents().get(0).components().get(0).status()).isNull();
        assertThatThrownBy(() -> HeraldJson.read(json, StatusDocument.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("melting");
    }

    @Test
    void shouldLeaveTheMaintenanceWindowOutOfAnIncidentAndTheNativeFieldsOutOfV2() {
        String incident = HeraldJson.write(incident(null, true));
        assertThat(incident).doesNotContain("scheduled_for", "scheduled_until").contains("\"automatic\":true");
        String v2 = HeraldJson.write(incident(null, true).forV2());
        assertThat(v2).doesNotContain("automatic", "taken_over");
        String maintenance = HeraldJson.write(incident("2026-11-27T00:00:00Z", null));
        assertThat(maintenance).contains("\"scheduled_for\":\"2026-11-27T00:00:00Z\"",
                "\"scheduled_until\":\"2026-11-27T02:00:00Z\"", "\"revision\":0").doesNotContain("automatic");
        assertThat(HeraldJson.write(incident("2026-11-27T00:00:00Z", null).forV2())).doesNotContain("revision");
        assertThat(incident).doesNotContain("revision", "cancelled_at");
        assertThat(incident).doesNotContain("\"maintenance\"");
        assertThat(maintenance).doesNotContain("\"maintenance\"");
        assertThat(HeraldJson.read(maintenance, Incident.class).isMaintenance()).isTrue();
        assertThat(HeraldJson.read(incident, Incident.class).isMaintenance()).isFalse();
    }

    @Test
    void shouldKeepTheV2SummaryThroughItsJsonInStatuspageFieldOrder() {
        StatuspageV2.Component group = new StatuspageV2.Component("email", "Email", ComponentStatus.PARTIAL_OUTAGE,
                "2026-01-01T00:00:00Z", "2026-11-26T09:00:00Z", 1, null, false, null, null, "herald", true, false,
                List.of("activesync"));
        StatuspageV2.Summary summary = new StatuspageV2.Summary(PAGE, List.of(group, ACTIVESYNC),
                List.of(incident(null, null).forV2()), List.of(), new Indicator("major", "Partial System Outage"));
        String json = HeraldJson.write(summary);
        assertThat(HeraldJson.read(json, StatuspageV2.Summary.class)).isEqualTo(summary);
        assertThat(json.indexOf("\"id\":\"activesync\",\"name\":\"ActiveSync\",\"status\":\"partial_outage\","
                + "\"created_at\"")).isPositive();
        assertThat(json).contains("\"components\":[\"activesync\"]");
    }
}
