package io.herald.ingest.webhook.auth;

import io.herald.ingest.webhook.WebhookHeaders;
import java.util.Map;
import java.util.Optional;

/** Splits {@code Authorization: <scheme> <credentials>}; the scheme is case-insensitive (RFC 9110). */
final class AuthorizationHeader {

    private AuthorizationHeader() {
    }

    static Optional<String> credentials(Map<String, String> headers, String scheme) {
        return WebhookHeaders.get(headers, "Authorization")
                .filter(value -> value.length() > scheme.length()
                        && value.regionMatches(true, 0, scheme, 0, scheme.length())
                        && Character.isWhitespace(value.charAt(scheme.length())))
                .map(value -> value.substring(scheme.length()).trim())
                .filter(credentials -> !credentials.isEmpty());
    }

    static String whyMissing(Map<String, String> headers, String scheme) {
        return WebhookHeaders.get(headers, "Authorization").isEmpty()
                ? "the Authorization header is missing"
                : "the Authorization header does not carry " + scheme + " credentials";
    }
}
