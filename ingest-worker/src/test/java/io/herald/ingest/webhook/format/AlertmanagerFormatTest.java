package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.ingest.support.SourceSettings;
import io.herald.model.CheckOutcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class AlertmanagerFormatTest {

    private final AlertmanagerFormat format = new AlertmanagerFormat("herald_check", Payloads.CLOCK);

    @Test
    void shouldTurnEachFiringAlertIntoADownObservation() throws PayloadException {
        List<Observation> observations = format.parse(Payloads.read("alertmanager", "firing"), Map.of());

        assertThat(observations).containsExactly(
                new Observation("exchange-activesync", CheckOutcome.DOWN,
                        "Alertmanager: ActiveSyncProbeFailed firing (summary: 2 of 5 endpoints fail)",
                        "c3a1e5f0b2d49a7e|2025-03-04T08:15:30.123456789Z|firing",
                        Instant.parse("2025-03-04T08:15:30.123456789Z")),
                new Observation("SmtpStartTlsMissing", CheckOutcome.DOWN,
                        "Alertmanager: SmtpStartTlsMissing firing (description: EHLO no longer lists STARTTLS)",
                        "7f0d2b9c11e8a403|2025-03-04T08:16:00Z|firing",
                        Instant.parse("2025-03-04T08:16:00Z")));
    }

    @Test
    void shouldTurnAResolvedAlertIntoAnUpObservationAtItsEnd() throws PayloadException {
        List<Observation> observations = format.parse(Payloads.read("alertmanager", "resolved"), Map.of());

        assertThat(observations).containsExactly(new Observation("exchange-activesync", CheckOutcome.UP,
                "Alertmanager: ActiveSyncProbeFailed resolved (summary: 2 of 5 endpoints fail)",
                "c3a1e5f0b2d49a7e|2025-03-04T08:15:30.123456789Z|resolved",
                Instant.parse("2025-03-04T08:42:00.5Z")));
    }

    @Test
    void shouldGiveTheSameKeysWhenAnHaPairSendsTheSameNotificationTwice() throws PayloadException {
        byte[] body = Payloads.read("alertmanager", "firing");

        assertThat(format.parse(body, Map.of())).isEqualTo(format.parse(body.clone(), Map.of()));
    }

    @Test
    void shouldKeyFiringAndResolvedOfTheSameAlertApart() throws PayloadException {
        String firing = format.parse(Payloads.read("alertmanager", "firing"), Map.of()).get(0).dedupeKey();
        String resolved = format.parse(Payloads.read("alertmanager", "resolved"), Map.of()).get(0).dedupeKey();

        assertThat(firing).isNotEqualTo(resolved);
    }

    @ParameterizedTest(name = "label {0} gives {1}, {2}")
    @CsvSource({
            "herald_check, exchange-activesync, SmtpStartTlsMissing",
            "instance,     mail.example.org:443, smtp.example.org:25",
            "severity,     critical,            warning",
            "team,         ActiveSyncProbeFailed, SmtpStartTlsMissing",
            "'',           exchange-activesync, SmtpStartTlsMissing"})
    void shouldTakeTheSubjectFromTheConfiguredLabelElseAlertname(String label, String first, String second)
            throws PayloadException {
        List<Observation> observations = new AlertmanagerFormat(label, Payloads.CLOCK)
                .parse(Payloads.read("alertmanager", "firing"), Map.of());

        assertThat(observations).extracting(Observation::subject).containsExactly(first, second);
    }

    @Test
    void shouldUseTheTimeOfReceiptWhenAResolvedAlertHasNoEnd() throws PayloadException {
        byte[] body = Payloads.edit("alertmanager", "resolved",
                root -> Payloads.at(root, "/alerts/0").put("endsAt", "0001-01-01T00:00:00Z"));

        assertThat(format.parse(body, Map.of())).extracting(Observation::observedAt).containsExactly(Payloads.NOW);
    }

    @Test
    void shouldNameTheAlertStatusWhenItIsNotFiringOrResolved() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("alertmanager", "malformed"), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/alerts/0/status");
        assertThat(error.getMessage()).isEqualTo("alerts[0].status must be 'firing' or 'resolved', got 'exploded'");
    }

    static Stream<Arguments> brokenAlerts() {
        return Stream.of(
                broken("alerts missing", root -> root.remove("alerts"), "/alerts", "alerts is required"),
                broken("alerts not an array", root -> root.put("alerts", "none"), "/alerts",
                        "alerts must be an array, got the string 'none'"),
                broken("status missing", root -> alert(root, 1).remove("status"), "/alerts/1/status",
                        "alerts[1].status is required"),
                broken("fingerprint missing", root -> alert(root, 0).remove("fingerprint"), "/alerts/0/fingerprint",
                        "alerts[0].fingerprint is required"),
                broken("labels missing", root -> alert(root, 0).remove("labels"), "/alerts/0/labels",
                        "alerts[0].labels is required"),
                broken("no subject label", root -> alert(root, 1).putObject("labels").put("severity", "warning"),
                        "/alerts/1/labels/herald_check",
                        "alerts[1].labels must contain the label 'herald_check' or 'alertname'"),
                broken("startsAt not a time", root -> alert(root, 0).put("startsAt", "yesterday"),
                        "/alerts/0/startsAt",
                        "alerts[0].startsAt must be an ISO-8601 date-time such as 2025-03-01T08:15:00Z, got 'yesterday'"),
                broken("startsAt a number", root -> alert(root, 0).put("startsAt", 1741076130),
                        "/alerts/0/startsAt", "alerts[0].startsAt must be a string, got 1741076130"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenAlerts")
    void shouldAnswer422NamingTheBrokenField(String name, byte[] body, String pointer, String message) {
        PayloadException error = catchThrowableOfType(PayloadException.class, () -> format.parse(body, Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo(pointer);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    private static Arguments broken(String name, Consumer<ObjectNode> change, String pointer, String message) {
        return Arguments.of(name, Payloads.edit("alertmanager", "firing", change), pointer, message);
    }

    private static ObjectNode alert(ObjectNode root, int index) {
        return Payloads.at(root, "/alerts/" + index);
    }

    @Test
    void shouldTakeTheSourcesSubjectLabelAndNotSignItsDeliveries() throws PayloadException {
        SenderFormat configured = format.forSource(SourceSettings.of("alertmanager").withSubjectLabel("severity"));

        assertThat(configured.parse(Payloads.read("alertmanager", "firing"), Map.of())).extracting(Observation::subject)
                .containsExactly("critical", "warning");
        assertThat(format.signature(SourceSettings.of("alertmanager"), List.of("s3cret"))).isEmpty();
        assertThat(format.subjectIsCheckId()).isFalse();
    }
}
