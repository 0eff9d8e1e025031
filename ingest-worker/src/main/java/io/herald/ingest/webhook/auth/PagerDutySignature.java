package io.herald.ingest.webhook.auth;

import io.herald.ingest.webhook.WebhookHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PagerDuty v3: {@code X-PagerDuty-Signature: v1=<hex>[,v1=<hex>]}, hex HMAC-SHA256 of the raw body. While a
 * secret is rotated PagerDuty sends one signature per secret, so any match is enough; Herald may hold more than one
 * secret for the same reason.
 */
public final class PagerDutySignature implements WebhookAuth {

    static final String HEADER = "X-PagerDuty-Signature";

    private final List<byte[]> secrets;

    public PagerDutySignature(String secret) {
        this(List.of(secret));
    }

    public PagerDutySignature(List<String> secrets) {
        if (secrets == null || secrets.isEmpty() || secrets.stream().anyMatch(s -> s == null || s.isEmpty())) {
            throw new IllegalArgumentException("a PagerDuty webhook secret is not set");
        }
        this.secrets = secrets.stream().map(Crypto::utf8).toList();
    }

    @Override
    public AuthResult verify(byte[] body, Map<String, String> headers) {
        Optional<String> header = WebhookHeaders.get(headers, HEADER);
        if (header.isEmpty()) {
            return AuthResult.failure("the " + HEADER + " header is missing");
        }
        List<byte[]> presented = new ArrayList<>();
        for (String part : header.get().split(",")) {
            String value = part.trim();
            if (value.startsWith("v1=")) {
                Crypto.hex(value.substring(3)).ifPresent(presented::add);
            }
        }
        if (presented.isEmpty()) {
            return AuthResult.failure("the " + HEADER + " header has no v1 signature in hex");
        }
        List<byte[]> expected = secrets.stream().map(secret -> Crypto.hmacSha256(secret, body)).toList();
        return Crypto.anyMatches(expected, presented)
                ? AuthResult.success()
                : AuthResult.failure("no " + HEADER + " signature matches the body");
    }
}
