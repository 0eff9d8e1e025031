package io.herald.ingest.webhook.auth;

import io.herald.ingest.webhook.WebhookHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Standard Webhooks (standardwebhooks.com): HMAC-SHA256 over {@code id.timestamp.body}, keyed with the
 * base64-decoded part of the {@code whsec_} secret, sent as space-separated {@code v1,<base64>} values in
 * webhook-signature. Timestamps outside the tolerance (default 5 minutes, either way) are rejected against replay.
 */
public final class StandardWebhooksSignature implements WebhookAuth {

    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    static final String ID_HEADER = "webhook-id";
    static final String TIMESTAMP_HEADER = "webhook-timestamp";
    static final String SIGNATURE_HEADER = "webhook-signature";
    private static final String SECRET_PREFIX = "whsec_";

    private final List<byte[]> keys;
    private final Duration tolerance;
    private final Clock clock;

    public StandardWebhooksSignature(String secret) {
        this(List.of(secret), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /** @param secrets "whsec_<base64>" secrets (the prefix is optional); more than one while rotating */
    public StandardWebhooksSignature(List<String> secrets, Duration tolerance, Clock clock) {
        if (secrets == null || secrets.isEmpty()) {
            throw new IllegalArgumentException("a Standard Webhooks secret is not set");
        }
        List<byte[]> decoded = new ArrayList<>();
        for (String secret : secrets) {
            decoded.add(key(secret));
        }
        this.keys = List.copyOf(decoded);
        this.tolerance = Objects.requireNonNull(tolerance);
        this.clock = Objects.requireNonNull(clock);
    }

    private static byte[] key(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a Standard Webhooks secret is not set");
        }
        String encoded = secret.trim().startsWith(SECRET_PREFIX) ? secret.trim().substring(SECRET_PREFIX.length())
                : secret.trim();
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a Standard Webhooks secret is not whsec_ followed by base64");
        }
        if (key.length == 0) {
            throw new IllegalArgumentException("a Standard Webhooks secret is empty");
        }
        return key;
    }

    @Override
    public AuthResult verify(byte[] body, Map<String, String> headers) {
        Optional<String> id = WebhookHeaders.get(headers, ID_HEADER);
        Optional<String> timestamp = WebhookHeaders.get(headers, TIMESTAMP_HEADER);
        Optional<String> signatures = WebhookHeaders.get(headers, SIGNATURE_HEADER);
        if (id.isEmpty()) {
            return AuthResult.failure("the " + ID_HEADER + " header is missing");
        }
        if (timestamp.isEmpty()) {
            return AuthResult.failure("the " + TIMESTAMP_HEADER + " header is missing");
        }
        if (signatures.isEmpty()) {
            return AuthResult.failure("the " + SIGNATURE_HEADER + " header is missing");
        }
        Optional<String> stale = Timestamps.outsideTolerance(TIMESTAMP_HEADER, timestamp.get(), tolerance, clock);
        if (stale.isPresent()) {
            return AuthResult.failure(stale.get());
        }

        List<byte[]> presented = new ArrayList<>();
        for (String entry : signatures.get().trim().split("\\s+")) {
            // Other versions (v1a is asymmetric) are not ours to check; skip them.
            if (entry.startsWith("v1,")) {
                try {
                    presented.add(Base64.getDecoder().decode(entry.substring(3)));
                } catch (IllegalArgumentException ignored) {
                    // A malformed value simply does not match.
                }
            }
        }
        if (presented.isEmpty()) {
            return AuthResult.failure("the " + SIGNATURE_HEADER + " header has no v1 signature");
        }
        byte[] prefix = Crypto.utf8(id.get() + "." + timestamp.get() + ".");
        List<byte[]> expected = keys.stream().map(key -> Crypto.hmacSha256(key, prefix, body)).toList();
        return Crypto.anyMatches(expected, presented)
                ? AuthResult.success()
                : AuthResult.failure("no " + SIGNATURE_HEADER + " signature matches the body");
    }
}
