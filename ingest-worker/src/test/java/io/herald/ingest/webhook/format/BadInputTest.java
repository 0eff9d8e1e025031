package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BadInputTest {

    static Stream<SenderFormat> formats() {
        return Stream.of(new GenericJsonFormat(Payloads.CLOCK), new AlertmanagerFormat(), new GrafanaFormat(),
                new UptimeKumaFormat(), new PagerDutyFormat(), new StandardWebhooksFormat(), new PingdomFormat(),
                new AzureMonitorFormat(Payloads.CLOCK));
    }

    static Stream<Arguments> notJson() {
        return formats().flatMap(format -> Stream.of(
                Arguments.of(format, "{\"status\": \"firing\""),
                Arguments.of(format, "status=firing"),
                Arguments.of(format, ""),
                Arguments.of(format, "{\"status\": \"firing\"} trailing"),
                Arguments.of(format, "{\"check\": \"a\", \"check\": \"b\"}")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("notJson")
    void shouldAnswer400WhenTheBodyIsNotOneJsonDocument(SenderFormat format, String body) {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(body.getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(error.status()).isEqualTo(400);
        assertThat(error.field()).isEmpty();
        assertThat(error.getMessage()).startsWith("body is not valid JSON");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldAnswer422WhenTheBodyIsJsonButNotAnObject(SenderFormat format) {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse("[{\"status\": \"firing\"}]".getBytes(StandardCharsets.UTF_8), Map.of()));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.getMessage()).isEqualTo("the body must be a JSON object, got an array");
    }

    // Uptime Kuma is left out: it reads a body without heartbeat and monitor as a test send.
    static Stream<SenderFormat> formatsWithRequiredFields() {
        return formats().filter(format -> !(format instanceof UptimeKumaFormat));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formatsWithRequiredFields")
    void shouldAnswer422NamingAFieldWhenTheObjectIsEmpty(SenderFormat format) {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse("{}".getBytes(StandardCharsets.UTF_8), Map.of("webhook-id", "msg_1")));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).startsWith("/");
        assertThat(error.getMessage()).endsWith(" is required");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("formats")
    void shouldHaveAStableDistinctName(SenderFormat format) {
        assertThat(format.name()).matches("[a-z-]+");
        assertThat(formats().filter(other -> other.name().equals(format.name()))).hasSize(1);
    }
}
