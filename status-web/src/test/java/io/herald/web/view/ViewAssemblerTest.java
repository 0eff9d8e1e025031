package io.herald.web.view;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.model.HeraldJson;
import io.herald.model.status.StatusDocument;
import io.herald.web.support.StatusDocs;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViewAssemblerTest {
    private static final Instant SEEN = Instant.parse("2025-11-26T12:00:00Z");

    private static StatusDocument read(String json) {
        return HeraldJson.readTolerant(json, StatusDocument.class);
    }

    @Test
    void shouldShowStatusInWordsAndInThePageTimeZone() {
        StatusView view = ViewAssembler.assemble(read(document("major", "2025-11-26T10:15:00+01:00", "5-0",
                service("email", "Email", "partial_outage",
                        component("imap-pop", "IMAP / POP", "partial_outage", "timeout after 5s"),
                        component("smtp", "SMTP", "operational", "leftover detail")))), null, null, SEEN);

        assertThat(view.banner()).isEqualTo("Partial outage: Email");
        assertThat(view.indicator()).isEqualTo("major");
        assertThat(view.updated()).isEqualTo(new Stamp("2025-11-26T09:15:00Z", "26 Nov 2025, 10:15 CET"));
        assertThat(view.lastEventId()).isEqualTo("5-0");
        assertThat(view.stale()).isFalse();
        assertThat(view.services().get(0).components()).extracting("words", "detail")
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Partial outage", "timeout after 5s"),
                        org.assertj.core.groups.Tuple.tuple("Operational", null));
    }

    @Test
    void shouldSayWhenStatusApiStoppedAnswering() {
        StatusView view = ViewAssembler.assemble(read(document("none", null, null,
                service("email", "Email", "operational"))), "9-0", Instant.parse("2025-11-26T13:05:00Z"), SEEN);

        assertThat(view.staleNotice())
                .isEqualTo("Status may be out of date: status service unreachable since 26 Nov 2025, 14:05 CET.");
        assertThat(view.lastEventId()).isEqualTo("9-0");
        assertThat(view.updated().iso()).isEqualTo(SEEN.toString());
    }

    @ParameterizedTest(name = "indicator {0}, worst {1} -> {2}")
    @CsvSource({
            "critical, degraded_performance, critical",
            "none, major_outage, none",
            "bogus, degraded_performance, minor",
            ", partial_outage, major",
            ", under_maintenance, none",
            ", operational, none"
    })
    void shouldTakeIndicatorFromStatusApiAndDeriveOnlyWhenMissing(String indicator, String worst, String expected) {
        StatusView view = ViewAssembler.assemble(read(document(indicator, null, null,
                service("email", "Email", worst, component("smtp", "SMTP", worst, null)))), null, null, SEEN);
        assertThat(view.indicator()).isEqualTo(expected);
    }

    @Test
    void shouldRefuseUnknownComponentStatus() {
        StatusDocument doc = read(document("none", null, null,
                service("email", "Email", "operational", component("smtp", "SMTP", "on_fire", null))));
        assertThatThrownBy(() -> ViewAssembler.assemble(doc, null, null, SEEN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("component smtp has no status");
    }

    @Test
    void shouldDeriveAServiceStatusItDoesNotKnowFromItsComponents() {
        StatusView view = ViewAssembler.assemble(read(document("minor", null, null,
                service("email", "Email", "melting", component("smtp", "SMTP", "degraded_performance", "slow"),
                        component("imap", "IMAP", "operational", null)))), null, null, SEEN);

        assertThat(view.services().get(0).status()).isEqualTo("degraded_performance");
        assertThat(view.services().get(0).words()).isEqualTo("Degraded performance");
        assertThat(view.banner()).isEqualTo("Degraded performance: Email");
    }

    @Test
    void shouldShowAnIncidentWhoseComponentHasAStatusItDoesNotKnow() {
        StatusView view = ViewAssembler.assemble(read(document("minor", null, null,
                List.of(StatusDocs.incident("7", "Mail is slow", "investigating", "minor", "2025-11-26T09:00:00Z", null,
                        List.of(StatusDocs.affected("smtp", "SMTP", "on_fire")),
                        StatusDocs.update("investigating", "Looking", "2025-11-26T09:00:00Z",
                                StatusDocs.transition("smtp", "SMTP", "operational", "on_fire")))),
                List.of(), service("email", "Email", "operational", component("smtp", "SMTP", "operational", null)))),
                null, null, SEEN);

        assertThat(view.incidents()).singleElement().satisfies(incident -> {
            assertThat(incident.components()).containsExactly("SMTP");
            assertThat(incident.latest().changes()).containsExactly("SMTP: on_fire");
        });
    }

    private static final String SILENT = "no recent data from activesync-monitor since 09:12 UTC";

    @Test
    void shouldShowAStaleComponentsStatusWithItsWordsBesideItInEachLanguage() {
        StatusDocument doc = read(document("major", "2025-11-26T10:15:00Z", "5-0",
                service("activesync", "ActiveSync", "major_outage",
                        StatusDocs.stale(component("eas", "EAS", "major_outage", "down"), SILENT),
                        StatusDocs.stale(component("autodiscover", "Autodiscover", "degraded_performance", null), ""),
                        component("owa", "OWA", "operational", null))));

        StatusView english = ViewAssembler.assemble(doc, null, null, null, SEEN, Language.EN);
        assertThat(english.services().get(0).components()).extracting("words", "stale", "staleWords").containsExactly(
                org.assertj.core.groups.Tuple.tuple("Major outage", true, "Last known status: " + SILENT),
                org.assertj.core.groups.Tuple.tuple("Degraded performance", true,
                        "Last known status: no recent data"),
                org.assertj.core.groups.Tuple.tuple("Operational", false, null));
        assertThat(english.staleNotice()).as("a stale component is not a stale page").isNull();
        StatusView french = ViewAssembler.assemble(doc, null, null, null, SEEN, Language.FR);
        assertThat(french.services().get(0).components()).extracting("staleWords").containsExactly(
                "Dernier état connu\u00a0: " + SILENT, "Dernier état connu\u00a0: pas de données récentes", null);
    }

    @Test
    void shouldSayLiveUpdatesArePausedInThePagesLanguageAndZone() {
        StatusDocument doc = read(StatusDocs.paused(document("none", "2025-11-26T10:15:00Z", "5-0",
                service("email", "Email", "operational")), "2025-11-26T12:02:00Z",
                "Live updates are paused since 12:02 UTC; this is the last known state"));

        StatusView english = ViewAssembler.assemble(doc, null, null, null, SEEN, Language.EN);
        assertThat(english.livePaused()).isTrue();
        assertThat(english.staleNotice())
                .isEqualTo("Live updates are paused since 26 Nov 2025, 13:02 CET; this is the last known state.");
        assertThat(english.stale()).as("status-api still answers").isFalse();
        assertThat(ViewAssembler.assemble(doc, null, null, null, SEEN, Language.FR).staleNotice()).isEqualTo(
                "Les mises à jour en direct sont suspendues depuis le 26 nov. 2025, 13:02 CET\u00a0; ceci est le "
                        + "dernier état connu.");
    }

    @Test
    void shouldSayStatusApiIsUnreachableRatherThanPausedWhenBothHold() {
        StatusDocument doc = read(StatusDocs.paused(document("none", null, "5-0",
                service("email", "Email", "operational")), "not a time", "paused"));

        assertThat(ViewAssembler.assemble(doc, null, null, null, SEEN, Language.EN).staleNotice())
                .isEqualTo("Live updates are paused; this is the last known state.");
        assertThat(ViewAssembler.assemble(doc, null, null, Instant.parse("2025-11-26T13:05:00Z"), SEEN, Language.EN)
                .staleNotice()).startsWith("Status may be out of date: status service unreachable since");
    }

    /** The page's URL becomes links in the widget and the feeds: only an absolute http(s) URL is taken. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://status.example.org/|https://status.example.org",
            "http://status.example.org:8080|http://status.example.org:8080",
            " HTTPS://Status.example.org/ |HTTPS://Status.example.org",
            "javascript:window.__xss=1//|''",
            "JavaScript:alert(1)|''",
            "data:text/html,<script>x</script>|''",
            "//evil.example|''",
            "/relative|''",
            "'https://a b'|''",
            "''|''"})
    void shouldTakeOnlyAnHttpPageUrl(String url, String expected) {
        assertThat(ViewAssembler.pageUrl(new io.herald.model.status.Page("p", "P", url, "UTC", null)))
                .isEqualTo(expected);
    }
}
