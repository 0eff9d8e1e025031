package io.herald.web.view;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.incident;
import static io.herald.web.support.StatusDocs.maintenance;
import static io.herald.web.support.StatusDocs.update;
import static io.herald.web.view.ApplyStatusChangeTest.NONE_CRITICAL;
import static io.herald.web.view.ApplyStatusChangeTest.page;
import static io.herald.web.view.ApplyStatusChangeTest.updated;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.HeraldJson;
import io.herald.model.status.Incident;
import io.herald.model.status.Indicator;
import io.herald.model.status.StatusDocument;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplyPageEventTest {

    static Map<String, Object> open(String id, String impact, String createdAt) {
        return incident(id, "Incident " + id, "investigating", impact, createdAt, null,
                List.of(affected("imap", "IMAP", "operational")), update("investigating", "Looking", createdAt));
    }

    static StatusDocument withIncidents(List<Map<String, Object>> incidents, List<Map<String, Object>> maintenances) {
        return page(incidents, maintenances, "operational", "operational", "operational");
    }

    static Applied event(StatusDocument doc, String type, String id, Map<String, Object> body) {
        return ApplyPageEvent.apply(doc, type, id, HeraldJson.write(body), NONE_CRITICAL);
    }

    @Test
    void shouldKeepThePausedMarkerOfTheDocumentThroughAnIncident() {
        StatusDocument held = withIncidents(List.of(), List.of());
        StatusDocument.Live paused = new StatusDocument.Live(true, "2025-11-26T12:02:00Z", "paused");
        StatusDocument doc = new StatusDocument(held.page(), held.status(), held.services(), held.incidents(),
                held.maintenances(), held.lastEventId(), paused);

        assertThat(updated(event(doc, "incident", "inc-12-1.5-0", open("12", "major", "2025-11-26T09:30:00Z")))
                .live()).isEqualTo(paused);
    }

    @Test
    void shouldListANewIncidentNewestFirstAndLetItsImpactRaiseTheIndicator() {
        StatusDocument doc = withIncidents(List.of(open("7", "minor", "2025-11-26T08:00:00Z")), List.of());
        Map<String, Object> newer = open("12", "major", "2025-11-26T09:30:00Z");
        newer.put("updated_at", "2025-11-26T09:31:00Z");

        StatusDocument applied = updated(event(doc, "incident", "inc-12-1.5-0", newer));

        assertThat(applied.incidents()).extracting(Incident::id).containsExactly("12", "7");
        assertThat(applied.status()).isEqualTo(new Indicator("major", "Partial System Outage"));
        assertThat(applied.page().updatedAt()).isEqualTo("2025-11-26T10:31:00.000+01:00");
        assertThat(applied.lastEventId()).as("an incident is not a change").isEqualTo("5-0");
        assertThat(applied.services()).isEqualTo(doc.services());
    }

    @Test
    void shouldReplaceAnIncidentByItsNewStateAndDropItOnceResolved() {
        StatusDocument doc = withIncidents(List.of(open("7", "minor", "2025-11-26T08:00:00Z")), List.of());
        Map<String, Object> identified = open("7", "major", "2025-11-26T08:00:00Z");
        identified.put("status", "identified");
        identified.put("updated_at", "2025-11-26T09:00:00Z");
        StatusDocument applied = updated(event(doc, "incident", "inc-7-2.5-0", identified));
        assertThat(applied.incidents()).singleElement().satisfies(i -> assertThat(i.status()).isEqualTo("identified"));
        assertThat(applied.status().indicator()).isEqualTo("major");

        Map<String, Object> resolved = open("7", "major", "2025-11-26T08:00:00Z");
        resolved.put("status", "resolved");
        resolved.put("updated_at", "2025-11-26T09:10:00Z");
        resolved.put("resolved_at", "2025-11-26T09:10:00Z");
        StatusDocument after = updated(event(applied, "incident", "inc-7-3.5-0", resolved));
        assertThat(after.incidents()).isEmpty();
        assertThat(after.status()).isEqualTo(new Indicator("none", "All Systems Operational"));
    }

    @Test
    void shouldHoldAnOlderStateOfAnIncidentItHas() {
        Map<String, Object> held = open("7", "minor", "2025-11-26T08:00:00Z");
        held.put("updated_at", "2025-11-26T09:00:00Z");
        StatusDocument doc = withIncidents(List.of(held), List.of());
        assertThat(event(doc, "incident", "inc-7-1.5-0", open("7", "minor", "2025-11-26T08:00:00Z")))
                .isInstanceOf(Applied.Held.class);
    }

    /** The change named in the event id, against the document's last change 5-0. */
    @ParameterizedTest(name = "{0} -> read again: {1}")
    @CsvSource({
            "inc-7-1.5-0,   false",
            "inc-7-1.4-3,   false",
            "inc-7-1.0-0,   false",
            "inc-7-1,       false",
            "inc-7-1.5-1,   true",
            "inc-7-1.6-0,   true",
            "mnt-7-1.5-0,   true",
            "inc-8-1.5-0,   true",
            "5-0,           true",
            "inc-7,         true"})
    void shouldReadAgainWhenTheEventFollowsAChangeThePageDoesNotHave(String eventId, boolean readAgain) {
        Applied applied = event(withIncidents(List.of(), List.of()), "incident", eventId,
                open("7", "minor", "2025-11-26T08:00:00Z"));
        assertThat(applied).isInstanceOf(readAgain ? Applied.ReadAgain.class : Applied.Updated.class);
    }

    @Test
    void shouldReadAgainForAnEventThatIsNotAWholeIncident() {
        StatusDocument doc = withIncidents(List.of(), List.of());
        assertThat(ApplyPageEvent.apply(doc, "incident", "inc-9-1.5-0", "{\"id\":\"9\",\"name\":\"Intranet is slow\"}",
                NONE_CRITICAL)).isInstanceOf(Applied.ReadAgain.class);
        assertThat(ApplyPageEvent.apply(doc, "incident", "inc-9-1.5-0", "{\"id\":", NONE_CRITICAL))
                .isInstanceOf(Applied.ReadAgain.class);
        Map<String, Object> withWindow = open("9", "minor", "2025-11-26T08:00:00Z");
        withWindow.put("scheduled_for", "2025-11-27T08:00:00Z");
        assertThat(event(doc, "incident", "inc-9-1.5-0", withWindow)).isInstanceOf(Applied.ReadAgain.class);
    }

    @Test
    void shouldListScheduledMaintenanceSoonestFirstAndDropItWhenCompleted() {
        Map<String, Object> later = maintenance("4", "Later", "scheduled", "2025-11-30T20:00:00Z", "2025-11-30T22:00:00Z",
                List.of(affected("smtp", "SMTP", "operational")));
        StatusDocument doc = withIncidents(List.of(), List.of(later));
        Map<String, Object> sooner = maintenance("11", "Sooner", "scheduled", "2025-11-28T20:00:00Z",
                "2025-11-28T22:00:00Z", List.of(affected("smtp", "SMTP", "operational")));

        StatusDocument applied = updated(event(doc, "maintenance", "mnt-11-1.5-0", sooner));
        assertThat(applied.maintenances()).extracting(Incident::id).containsExactly("11", "4");
        assertThat(applied.status().indicator()).isEqualTo("none");

        Map<String, Object> cancelled = maintenance("4", "Later", "completed", "2025-11-30T20:00:00Z",
                "2025-11-30T22:00:00Z", List.of(affected("smtp", "SMTP", "operational")));
        cancelled.put("updated_at", "2025-11-30T21:00:00Z");
        assertThat(updated(event(applied, "maintenance", "mnt-4-2.5-0", cancelled)).maintenances())
                .extracting(Incident::id).containsExactly("11");
    }

    @Test
    void shouldReadAgainWhenAMaintenanceStartsOrEnds() {
        Map<String, Object> scheduled = maintenance("4", "Upgrade", "scheduled", "2025-11-26T09:00:00Z",
                "2025-11-26T12:00:00Z", List.of(affected("smtp", "SMTP", "operational")));
        Map<String, Object> started = maintenance("4", "Upgrade", "in_progress", "2025-11-26T09:00:00Z",
                "2025-11-26T12:00:00Z", List.of(affected("smtp", "SMTP", "under_maintenance")));
        started.put("updated_at", "2025-11-26T09:00:00Z");
        Map<String, Object> verifying = maintenance("4", "Upgrade", "verifying", "2025-11-26T09:00:00Z",
                "2025-11-26T12:00:00Z", List.of(affected("smtp", "SMTP", "operational")));
        verifying.put("updated_at", "2025-11-26T11:00:00Z");
        Map<String, Object> noted = maintenance("4", "Upgrade", "in_progress", "2025-11-26T09:00:00Z",
                "2025-11-26T12:00:00Z", List.of(affected("smtp", "SMTP", "under_maintenance")),
                update("in_progress", "Half done", "2025-11-26T10:00:00Z"));
        noted.put("updated_at", "2025-11-26T10:00:00Z");

        assertThat(event(withIncidents(List.of(), List.of(scheduled)), "maintenance", "mnt-4-2.5-0", started))
                .isInstanceOf(Applied.ReadAgain.class);
        assertThat(event(withIncidents(List.of(), List.of(started)), "maintenance", "mnt-4-3.5-0", verifying))
                .isInstanceOf(Applied.ReadAgain.class);
        assertThat(updated(event(withIncidents(List.of(), List.of(started)), "maintenance", "mnt-4-3.5-0", noted))
                .maintenances().get(0).incidentUpdates()).hasSize(1);
    }
}
