package io.herald.ingest.webhook.auth;

import java.util.Map;

/**
 * Decides whether a delivery is genuine, from the raw body bytes as received and the request headers (names
 * matched case-insensitively). Runs before any parsing.
 */
public interface WebhookAuth {

    AuthResult verify(byte[] body, Map<String, String> headers);
}
