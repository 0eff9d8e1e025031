package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The text rules of {@link FieldText} hold for every sender alike, since every format reads its body through
 * {@link JsonField}: each row is one field of one sender's documented payload, rewritten.
 */
class EverySenderTextTest {

    private static final Map<String, String> SIGNED = Map.of("webhook-id", "msg_1", "webhook-timestamp", "1741076130");

    /** A sender, its payload, and one of the fields its format reads. */
    record Case(SenderFormat format, String sender, String pointer) {
        @Override
        public String toString() {
            return format.name() + " " + pointer;
        }

        List<Observation> parse(String value) throws PayloadException {
            return format.parse(Payloads.edit(sender, "firing", root -> set(root, pointer, value)), SIGNED);
        }

        /** The field's value in the documented payload. */
        String originalValue() {
            try {
                return new ObjectMapper().readTree(Payloads.read(sender, "firing")).at(pointer).asText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Stream<Case> statusWords() {
        return Stream.of(
                new Case(new GenericJsonFormat(Payloads.CLOCK), "generic", "/status"),
                new Case(new StandardWebhooksFormat(), "standard-webhooks", "/status"),
                new Case(new AlertmanagerFormat(), "alertmanager", "/alerts/0/status"),
                new Case(new GrafanaFormat(), "grafana", "/alerts/0/status"),
                new Case(new PingdomFormat(), "pingdom", "/current_state"),
                new Case(new AzureMonitorFormat(Payloads.CLOCK), "azure-monitor", "/data/essentials/monitorCondition"),
                new Case(new AzureMonitorFormat(Payloads.CLOCK), "azure-monitor", "/data/essentials/severity"));
    }

    static Stream<Case> names() {
        return Stream.of(
                new Case(new GenericJsonFormat(Payloads.CLOCK), "generic", "/check"),
                new Case(new GenericJsonFormat(Payloads.CLOCK), "generic", "/id"),
                new Case(new StandardWebhooksFormat(), "standard-webhooks", "/check"),
                new Case(new AlertmanagerFormat(), "alertmanager", "/alerts/0/labels/herald_check"),
                new Case(new AlertmanagerFormat(), "alertmanager", "/alerts/0/labels/alertname"),
                new Case(new AlertmanagerFormat(), "alertmanager", "/alerts/0/fingerprint"),
                new Case(new GrafanaFormat(), "grafana", "/alerts/0/labels/herald_check"),
                new Case(new UptimeKumaFormat(), "uptime-kuma", "/monitor/name"),
                new Case(new PagerDutyFormat(), "pagerduty", "/event/data/service/summary"),
                new Case(new PagerDutyFormat(), "pagerduty", "/event/id"),
                new Case(new PingdomFormat(), "pingdom", "/check_name"),
                new Case(new AzureMonitorFormat(Payloads.CLOCK), "azure-monitor", "/data/essentials/alertRule"),
                new Case(new AzureMonitorFormat(Payloads.CLOCK), "azure-monitor", "/data/essentials/alertId"));
    }

    static Stream<Case> freeTexts() {
        return Stream.of(
                new Case(new GenericJsonFormat(Payloads.CLOCK), "generic", "/detail"),
                new Case(new StandardWebhooksFormat(), "standard-webhooks", "/detail"),
                new Case(new AlertmanagerFormat(), "alertmanager", "/alerts/0/annotations/summary"),
                new Case(new GrafanaFormat(), "grafana", "/alerts/0/annotations/summary"),
                new Case(new UptimeKumaFormat(), "uptime-kuma", "/heartbeat/msg"),
                new Case(new PagerDutyFormat(), "pagerduty", "/event/data/title"),
                new Case(new PingdomFormat(), "pingdom", "/description"),
                new Case(new AzureMonitorFormat(Payloads.CLOCK), "azure-monitor", "/data/essentials/description"));
    }

    static Stream<Arguments> badStatusWords() {
        return statusWords().flatMap(c -> Stream.of(
                Arguments.of(c, " " + c.originalValue(), "has spaces around it"),
                Arguments.of(c, c.originalValue() + " ", "has spaces around it"),
                Arguments.of(c, c.originalValue() + "\0", "contains the control character U+0000"),
                Arguments.of(c, "\t" + c.originalValue(), "contains the control character U+0009")));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("badStatusWords")
    void shouldRefuseAStatusWordWithSpacesOrControlCharacters(Case c, String value, String why) {
        PayloadException error = catchThrowableOfType(PayloadException.class, () -> c.parse(value));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo(c.pointer());
        assertThat(error.getMessage()).contains(why).doesNotContain("\0");
    }

    static Stream<Arguments> otherCaseStatusWords() {
        return statusWords().flatMap(c -> Stream.of(Arguments.of(c, c.originalValue().toUpperCase()),
                Arguments.of(c, c.originalValue().toLowerCase())));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("otherCaseStatusWords")
    void shouldAcceptAStatusWordInAnyCase(Case c, String value) throws PayloadException {
        assertThat(c.parse(value)).isNotEmpty();
    }

    static Stream<Arguments> badNames() {
        return names().flatMap(c -> Stream.of(
                Arguments.of(c, c.originalValue() + "\0", "U+0000"),
                Arguments.of(c, "\0" + c.originalValue(), "U+0000"),
                Arguments.of(c, c.originalValue() + "\n", "U+000A"),
                Arguments.of(c, c.originalValue() + "\u007f", "U+007F")));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("badNames")
    void shouldRefuseAControlCharacterInAnIdOrName(Case c, String value, String code) {
        PayloadException error = catchThrowableOfType(PayloadException.class, () -> c.parse(value));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo(c.pointer());
        assertThat(error.getMessage()).contains("contains the control character " + code)
                .endsWith("ids, names and status words cannot contain control characters");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void shouldTakeAnIdOrNameExactlyWithoutTrimmingIt(Case c) throws PayloadException {
        String spaced = " " + c.originalValue() + " ";
        List<Observation> observations = c.parse(spaced);

        assertThat(observations).isNotEmpty();
        Observation first = observations.get(0);
        assertThat(List.of(first.subject(), String.valueOf(first.dedupeKey()), first.detail()))
                .anySatisfy(text -> assertThat(text).contains(spaced));
    }

    static Stream<Arguments> badFreeTexts() {
        return freeTexts().flatMap(c -> Stream.of(
                Arguments.of(c, "fails\0", "U+0000"),
                Arguments.of(c, "bell\u0007", "U+0007"),
                Arguments.of(c, "\u001b[2J", "U+001B"),
                Arguments.of(c, "delete\u007f", "U+007F")));
    }

    @ParameterizedTest(name = "{0} = [{1}]")
    @MethodSource("badFreeTexts")
    void shouldRefuseAControlCharacterOtherThanTabCrLfInFreeText(Case c, String value, String code) {
        PayloadException error = catchThrowableOfType(PayloadException.class, () -> c.parse(value));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo(c.pointer());
        assertThat(error.getMessage()).contains("contains the control character " + code)
                .endsWith("free text may contain tab, CR and LF but no other control character");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("freeTexts")
    void shouldKeepTabsAndLineBreaksInFreeText(Case c) throws PayloadException {
        List<Observation> observations = c.parse("first line\r\nsecond\tline");

        assertThat(observations).isNotEmpty();
        assertThat(observations.get(0).detail()).contains("first line\r\nsecond\tline");
    }

    private static void set(ObjectNode root, String pointer, String value) {
        int slash = pointer.lastIndexOf('/');
        ((ObjectNode) root.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), value);
    }
}
