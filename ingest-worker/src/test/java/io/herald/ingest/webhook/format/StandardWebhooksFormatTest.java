package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.model.CheckOutcome;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StandardWebhooksFormatTest {

    private static final Map<String, String> HEADERS = Map.of(
            "Webhook-Id", "msg_2Lh9KxTqVY1v0m3aPz8sQw",
            "Webhook-Timestamp", "1741076135",
            "Webhook-Signature", "v1,unused-here");

    private final StandardWebhooksFormat format = new StandardWebhooksFormat();

    @Test
    void shouldDeduplicateOnTheWebhookIdAndFallBackToTheSignedTimestamp() throws PayloadException {
        assertThat(format.parse(Payloads.read("standard-webhooks", "firing"), HEADERS)).containsExactly(
                new Observation("exchange-imap", CheckOutcome.DOWN,
                        "CAPABILITY does not list IMAP4rev1",
                        "msg_2Lh9KxTqVY1v0m3aPz8sQw", Instant.ofEpochSecond(1741076135), 95L));
    }

    @Test
    void shouldPreferObservedAtFromTheBody() throws PayloadException {
        assertThat(format.parse(Payloads.read("standard-webhooks", "resolved"), HEADERS)).containsExactly(
                new Observation("exchange-imap", CheckOutcome.UP, "Signed webhook: exchange-imap up",
                        "msg_2Lh9KxTqVY1v0m3aPz8sQw", Instant.parse("2025-03-04T08:40:00Z")));
    }

    @Test
    void shouldRequireTheWebhookIdHeader() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("standard-webhooks", "firing"), Map.of("webhook-timestamp", "1")));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("header:webhook-id");
        assertThat(error.getMessage()).isEqualTo("the webhook-id header is required");
    }

    @Test
    void shouldNameTheCheckWhenTheBodyHasNone() {
        PayloadException error = catchThrowableOfType(PayloadException.class,
                () -> format.parse(Payloads.read("standard-webhooks", "malformed"), HEADERS));

        assertThat(error.status()).isEqualTo(422);
        assertThat(error.field()).isEqualTo("/check");
        assertThat(error.getMessage()).isEqualTo("check is required");
    }
}
