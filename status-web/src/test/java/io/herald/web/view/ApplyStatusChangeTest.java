package io.herald.web.view;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.incident;
import static io.herald.web.support.StatusDocs.maintenance;
import static io.herald.web.support.StatusDocs.service;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.ComponentStatus;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.StatusChange;
import io.herald.model.status.Indicator;
import io.herald.model.status.StatusDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApplyStatusChangeTest {
    static final Instant AT = Instant.parse("2025-11-26T10:00:00Z");
    static final Criticality NONE_CRITICAL = id -> false;

    /** Email (smtp, imap) and ActiveSync (eas), each component as given, the last change 5-0. */
    static StatusDocument page(String smtp, String imap, String eas) {
        return page(List.of(), List.of(), smtp, imap, eas);
    }

    static StatusDocument page(List<Map<String, Object>> incidents, List<Map<String, Object>> maintenances,
            String smtp, String imap, String eas) {
        return HeraldJson.readTolerant(document("none", "2025-11-26T09:00:00Z", "5-0", incidents, maintenances,
                service("email", "Email", "operational", component("smtp", "SMTP", smtp, null),
                        component("imap", "IMAP", imap, null)),
                service("activesync", "ActiveSync", eas, component("eas", "EAS", eas, null))), StatusDocument.class);
    }

    static LiveNotice notice(String id, String component, String from, String to) {
        return new LiveNotice(id, new StatusChange(component, from == null ? null : ComponentStatus.fromWire(from),
                ComponentStatus.fromWire(to), AT, "imap-monitor", "login takes 9 s"));
    }

    static StatusDocument updated(Applied applied) {
        assertThat(applied).isInstanceOf(Applied.Updated.class);
        return ((Applied.Updated) applied).document();
    }

    @Test
    void shouldApplyAChangeToTheComponentItsServiceAndThePage() {
        StatusDocument doc = updated(ApplyStatusChange.apply(page("operational", "operational", "operational"),
                notice("6-0", "imap", "operational", "degraded_performance"), NONE_CRITICAL));

        StatusDocument.Service email = doc.services().get(0);
        assertThat(email.status()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(email.statusWords()).isEqualTo("Degraded performance");
        assertThat(email.components().get(1)).isEqualTo(new StatusDocument.Component("imap", "IMAP",
                "IMAP description", ComponentStatus.DEGRADED_PERFORMANCE, "Degraded performance",
                "2025-11-26T11:00:00.000+01:00", "2025-11-26T11:00:00.000+01:00", "imap-monitor", "login takes 9 s",
                true));
        assertThat(email.components().get(0).status()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(doc.services().get(1).status()).isEqualTo(ComponentStatus.OPERATIONAL);
        assertThat(doc.status()).isEqualTo(new Indicator("minor", "Partially Degraded Service"));
        assertThat(doc.page().updatedAt()).isEqualTo("2025-11-26T11:00:00.000+01:00");
        assertThat(doc.lastEventId()).isEqualTo("6-0");
    }

    @Test
    void shouldClearCauseAndDetailAndKeepTheLaterUpdatedAtOnRecovery() {
        StatusDocument degraded = page("operational", "degraded_performance", "operational");
        StatusDocument doc = updated(ApplyStatusChange.apply(degraded, new LiveNotice("6-0", new StatusChange("imap",
                ComponentStatus.DEGRADED_PERFORMANCE, ComponentStatus.OPERATIONAL, Instant.parse("2025-11-26T07:00:00Z"),
                "", "")), NONE_CRITICAL));

        assertThat(doc.services().get(0).components().get(1)).satisfies(imap -> {
            assertThat(imap.status()).isEqualTo(ComponentStatus.OPERATIONAL);
            assertThat(imap.cause()).isNull();
            assertThat(imap.detail()).isNull();
        });
        assertThat(doc.status().indicator()).isEqualTo("none");
        assertThat(doc.page().updatedAt()).as("a page never goes back in time").isEqualTo("2025-11-26T09:00:00Z");
    }

    @Test
    void shouldHoldAChangeTheDocumentAlreadyIncludes() {
        StatusDocument doc = page("operational", "operational", "operational");
        assertThat(ApplyStatusChange.apply(doc, notice("5-0", "imap", "operational", "major_outage"), NONE_CRITICAL))
                .isInstanceOf(Applied.Held.class);
        assertThat(ApplyStatusChange.apply(doc, notice("4-9", "imap", "operational", "major_outage"), NONE_CRITICAL))
                .isInstanceOf(Applied.Held.class);
    }

    /** What the page shows for imap (status, evaluated) and the change's from decide whether it can be applied. */
    @ParameterizedTest(name = "imap shows {0} (evaluated {1}), change from {2} -> {3}")
    @CsvSource({
            "operational,          true,  operational,          true",
            "operational,          false, ,                     true",
            "operational,          true,  ,                     false",
            "operational,          false, operational,          false",
            "operational,          true,  degraded_performance, false",
            "partial_outage,       true,  partial_outage,       true",
            "major_outage,         true,  partial_outage,       false",
            "under_maintenance,    true,  operational,          false"})
    void shouldApplyOnlyAChangeFromWhatThePageShows(String shows, boolean evaluated, String from, boolean applies) {
        Map<String, Object> imap = component("imap", "IMAP", shows, null);
        imap.put("evaluated", evaluated);
        StatusDocument doc = HeraldJson.readTolerant(document("none", null, "5-0",
                service("email", "Email", shows, imap)), StatusDocument.class);

        Applied applied = ApplyStatusChange.apply(doc, notice("6-0", "imap", from, "major_outage"), NONE_CRITICAL);

        assertThat(applied).isInstanceOf(applies ? Applied.Updated.class : Applied.ReadAgain.class);
    }

    @Test
    void shouldReadAgainForAComponentThePageDoesNotHave() {
        Applied applied = ApplyStatusChange.apply(page("operational", "operational", "operational"),
                notice("6-0", "vpn", "operational", "major_outage"), NONE_CRITICAL);
        assertThat(applied).isInstanceOf(Applied.ReadAgain.class);
        assertThat(((Applied.ReadAgain) applied).reason()).contains("vpn");
    }

    @Test
    void shouldReadAgainForANoticeWithoutAChangeOrAStreamId() {
        StatusDocument doc = page("operational", "operational", "operational");
        assertThat(ApplyStatusChange.apply(doc, null, NONE_CRITICAL)).isInstanceOf(Applied.ReadAgain.class);
        assertThat(ApplyStatusChange.apply(doc, new LiveNotice("6-0", null), NONE_CRITICAL))
                .isInstanceOf(Applied.ReadAgain.class);
        assertThat(ApplyStatusChange.apply(doc, notice("later", "imap", "operational", "major_outage"),
                NONE_CRITICAL)).isInstanceOf(Applied.ReadAgain.class);
    }

    /** The critical flag only matters in a major outage of some of the components. */
    @ParameterizedTest(name = "eas {0}, critical {1} -> {2}")
    @CsvSource({
            "major_outage,         true,  critical",
            "major_outage,         false, major",
            "major_outage,         ,      ",
            "partial_outage,       ,      major",
            "degraded_performance, ,      minor"})
    void shouldBlendTheIndicatorAsStatusApiDoes(String to, Boolean critical, String indicator) {
        Applied applied = ApplyStatusChange.apply(page("operational", "operational", "operational"),
                notice("6-0", "eas", "operational", to), id -> id.equals("eas") ? critical : Boolean.FALSE);

        if (indicator == null) {
            assertThat(applied).isInstanceOf(Applied.ReadAgain.class);
        } else {
            assertThat(updated(applied).status().indicator()).isEqualTo(indicator);
        }
    }

    @Test
    void shouldNotNeedTheCriticalFlagWhenEveryComponentIsDown() {
        StatusDocument doc = page("major_outage", "major_outage", "operational");
        assertThat(updated(ApplyStatusChange.apply(doc, notice("6-0", "eas", "operational", "major_outage"),
                Criticality.UNKNOWN)).status()).isEqualTo(new Indicator("critical", "Major System Outage"));
    }

    @Test
    void shouldKeepAComponentUnderMaintenanceWhileItsMaintenanceIsInProgress() {
        StatusDocument doc = page(List.of(), List.of(maintenance("3", "Upgrade", "in_progress", "2025-11-26T08:00:00Z",
                "2025-11-26T12:00:00Z", List.of(affected("eas", "EAS", "under_maintenance")))),
                "operational", "operational", "under_maintenance");

        StatusDocument applied = updated(ApplyStatusChange.apply(doc, notice("6-0", "eas", "operational",
                "partial_outage"), NONE_CRITICAL));

        StatusDocument.Component eas = applied.services().get(1).components().get(0);
        assertThat(eas.status()).isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
        assertThat(eas.detail()).isEqualTo("login takes 9 s");
        assertThat(eas.since()).isEqualTo("2025-11-26T11:00:00.000+01:00");
        assertThat(applied.status().indicator()).isEqualTo("none");
    }

    @Test
    void shouldShowTheNewStatusOfAComponentInTheIncidentsThatListIt() {
        StatusDocument doc = page(List.of(incident("9", "Mail", "investigating", "minor", "2025-11-26T08:00:00Z", null,
                List.of(affected("imap", "IMAP", "operational"), affected("smtp", "SMTP", "operational")))),
                List.of(), "operational", "operational", "operational");

        StatusDocument applied = updated(ApplyStatusChange.apply(doc, notice("6-0", "imap", "operational",
                "partial_outage"), NONE_CRITICAL));

        assertThat(applied.incidents().get(0).components()).extracting(c -> c.id() + "=" + c.status().wire())
                .containsExactly("imap=partial_outage", "smtp=operational");
        assertThat(applied.status()).as("the incident's minor impact is below the partial outage")
                .isEqualTo(new Indicator("major", "Partial System Outage"));
    }

    static final String SILENT = "no recent data from imap-monitor since 09:12 UTC";

    static LiveNotice staleNotice(String id, String from, String to, Instant at, boolean stale, String words) {
        return new LiveNotice(id, new StatusChange("imap", ComponentStatus.fromWire(from), ComponentStatus.fromWire(to),
                at, "imap-monitor", "login takes 9 s", stale, words));
    }

    @Test
    void shouldApplyAChangeToAStaleStatusWithItsWords() {
        StatusDocument doc = updated(ApplyStatusChange.apply(page("operational", "operational", "operational"),
                staleNotice("6-0", "operational", "degraded_performance", AT, true, SILENT), NONE_CRITICAL));

        StatusDocument.Component imap = doc.services().get(0).components().get(1);
        assertThat(imap.status()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(imap.stale()).isTrue();
        assertThat(imap.staleDetail()).isEqualTo(SILENT);
        assertThat(doc.status().indicator()).isEqualTo("minor");
    }

    /** A refresh (from == to) only says the status went stale or fresh again: nothing else of the page moves. */
    @Test
    void shouldApplyARefreshToTheStaleWordsOnlyAndThenClearThem() {
        StatusDocument degraded = page("operational", "degraded_performance", "operational");
        Instant later = Instant.parse("2025-11-26T12:30:00Z");

        StatusDocument stale = updated(ApplyStatusChange.apply(degraded,
                staleNotice("6-0", "degraded_performance", "degraded_performance", later, true, SILENT),
                NONE_CRITICAL));

        StatusDocument.Component before = degraded.services().get(0).components().get(1);
        StatusDocument.Component imap = stale.services().get(0).components().get(1);
        // The refresh carries the failing checks as they are now, which the page then names.
        StatusDocument.Component shown = new StatusDocument.Component(before.id(), before.name(),
                before.description(), before.status(), before.statusWords(), before.since(), before.updatedAt(),
                "imap-monitor", "login takes 9 s", before.evaluated());
        assertThat(imap).isEqualTo(new StatusDocument.Component(before.id(), before.name(), before.description(),
                before.status(), before.statusWords(), before.since(), before.updatedAt(), "imap-monitor",
                "login takes 9 s", before.evaluated(), true, SILENT));
        assertThat(stale.page()).as("not a status change: the page's updated_at stays").isEqualTo(degraded.page());
        assertThat(stale.status()).isEqualTo(degraded.status());
        assertThat(stale.services().get(0).status()).isEqualTo(degraded.services().get(0).status());
        assertThat(stale.incidents()).isEqualTo(degraded.incidents());
        assertThat(stale.lastEventId()).isEqualTo("6-0");

        StatusDocument fresh = updated(ApplyStatusChange.apply(stale,
                staleNotice("7-0", "degraded_performance", "degraded_performance", later, false, ""),
                NONE_CRITICAL));
        assertThat(fresh.services().get(0).components().get(1)).isEqualTo(shown);
        assertThat(fresh.lastEventId()).isEqualTo("7-0");
    }

    @Test
    void shouldReadAgainForARefreshOfAStatusThePageDoesNotShow() {
        assertThat(ApplyStatusChange.apply(page("operational", "operational", "operational"),
                staleNotice("6-0", "major_outage", "major_outage", AT, true, SILENT), NONE_CRITICAL))
                .isInstanceOf(Applied.ReadAgain.class);
    }

    @Test
    void shouldClearTheStaleWordsWhenAStaleComponentChangesToAFreshStatus() {
        StatusDocument stale = updated(ApplyStatusChange.apply(page("operational", "operational", "operational"),
                staleNotice("6-0", "operational", "degraded_performance", AT, true, SILENT), NONE_CRITICAL));
        StatusDocument.Component imap = updated(ApplyStatusChange.apply(stale,
                notice("7-0", "imap", "degraded_performance", "operational"), NONE_CRITICAL))
                .services().get(0).components().get(1);
        assertThat(imap.stale()).isFalse();
        assertThat(imap.staleDetail()).isEmpty();
    }

    @Test
    void shouldKeepThePausedMarkerOfTheDocumentThroughAChange() {
        StatusDocument held = page("operational", "operational", "operational");
        StatusDocument.Live paused = new StatusDocument.Live(true, "2025-11-26T12:02:00Z",
                "Live updates are paused since 12:02 UTC; this is the last known state");
        StatusDocument doc = new StatusDocument(held.page(), held.status(), held.services(), held.incidents(),
                held.maintenances(), held.lastEventId(), paused);

        assertThat(updated(ApplyStatusChange.apply(doc, notice("6-0", "imap", "operational", "major_outage"),
                NONE_CRITICAL)).live()).isEqualTo(paused);
    }
}
