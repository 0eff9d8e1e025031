package io.herald.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"webhook-id", "Webhook-Id", "WEBHOOK-ID"})
    void shouldFindAHeaderWhateverTheCaseOnEitherSide(String asked) {
        Map<String, String> sent = new HashMap<>();
        sent.put("WebHook-ID", " msg_1 ");

        assertThat(WebhookHeaders.get(sent, asked)).contains("msg_1");
        assertThat(WebhookHeaders.get(WebhookHeaders.normalise(sent), asked)).contains("msg_1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void shouldTreatABlankHeaderAsAbsent(String value) {
        assertThat(WebhookHeaders.get(Map.of("webhook-id", value), "webhook-id")).isEmpty();
        assertThat(WebhookHeaders.get(null, "webhook-id")).isEmpty();
    }
}
