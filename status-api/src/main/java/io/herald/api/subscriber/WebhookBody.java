package io.herald.api.subscriber;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** The JSON body of a webhook delivery: {@code {"type", "occurred_at", "data"}}, data being the event's payload. */
final class WebhookBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBody() {
    }

    static String of(String type, Instant occurredAt, String payloadJson) {
        try {
            ObjectNode body = JSON.createObjectNode();
            body.put("type", type);
            body.put("occurred_at", occurredAt.toString());
            body.set("data", JSON.readTree(payloadJson));
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored payload is not JSON", e);
        }
    }
}
