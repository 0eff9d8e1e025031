package io.herald.ingest.webhook;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** HTTP header names are case-insensitive (RFC 9110), so every lookup here ignores case. */
public final class WebhookHeaders {

    private WebhookHeaders() {
    }

    public static Map<String, String> normalise(Map<String, String> headers) {
        Map<String, String> result = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, value) -> {
                if (name != null && value != null) {
                    result.put(name.trim(), value);
                }
            });
        }
        return Collections.unmodifiableMap(result);
    }

    /** The first value of each request header, names matched case-insensitively. */
    public static Map<String, String> of(HttpHeaders httpHeaders) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        httpHeaders.getRequestHeaders().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name, values.get(0));
            }
        });
        return headers;
    }

    /** The header's trimmed value, empty when absent or blank. */
    public static Optional<String> get(Map<String, String> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        String value = headers.get(name);
        if (value == null) {
            // The caller's map may be case-sensitive; fall back to a scan.
            value = headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().trim().equalsIgnoreCase(name))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
        }
        return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
    }
}
