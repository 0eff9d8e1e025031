package io.herald.ingest.webhook.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.herald.ingest.support.SourceSettings;
import io.herald.ingest.webhook.auth.AuthResult;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.model.CheckOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
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

    @Test
    void shouldSignAsStandardWebhooksAndTakeCheckIdsAsSubjects() {
        byte[] body = "{\"check\":\"imap\",\"status\":\"down\"}".getBytes(StandardCharsets.UTF_8);
        String secret = "whsec_" + Base64.getEncoder().encodeToString("a key of sixteen+".getBytes(StandardCharsets.UTF_8));
        WebhookAuth auth = format.signature(SourceSettings.of("standard-webhooks"), List.of(secret)).orElseThrow();
        String timestamp = Long.toString(Instant.now().getEpochSecond());

        assertThat(auth.verify(body, Payloads.standardWebhooks(secret, "msg_1", timestamp, body)))
                .isEqualTo(AuthResult.success());
        assertThat(auth.verify(body, Payloads.standardWebhooks("whsec_Z3Vlc3M=", "msg_1", timestamp, body)).ok())
                .isFalse();
        assertThat(format.subjectIsCheckId()).isTrue();
    }
}
