package io.herald.ingest.webhook.auth;

import io.herald.ingest.webhook.WebhookHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Grafana's webhook contact point HMAC: hex HMAC-SHA256 of the raw body in X-Grafana-Alerting-Signature; when the
 * contact point names a timestamp header, Grafana signs {@code "<unix seconds>:" + body} instead and Herald also
 * rejects timestamps outside the tolerance, so a captured request cannot be replayed later.
 */
public final class GrafanaHmac implements WebhookAuth {

    public static final String DEFAULT_SIGNATURE_HEADER = "X-Grafana-Alerting-Signature";
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private final byte[] secret;
    private final String signatureHeader;
    private final Optional<String> timestampHeader;
    private final Duration tolerance;
    private final Clock clock;

    /** Body-only signing, the contact point's default. */
    public GrafanaHmac(String secret) {
        this(secret, DEFAULT_SIGNATURE_HEADER, Optional.empty(), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * @param signatureHeader the contact point's "header" (default X-Grafana-Alerting-Signature)
     * @param timestampHeader the contact point's "timestamp header", empty when not configured
     * @param tolerance       how far the timestamp may be from now, either way
     */
    public GrafanaHmac(String secret, String signatureHeader, Optional<String> timestampHeader, Duration tolerance,
            Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the Grafana HMAC secret is not set");
        }
        this.secret = Crypto.utf8(secret);
        this.signatureHeader = signatureHeader == null || signatureHeader.isBlank()
                ? DEFAULT_SIGNATURE_HEADER : signatureHeader.trim();
        this.timestampHeader = Objects.requireNonNull(timestampHeader).filter(h -> !h.isBlank()).map(String::trim);
        this.tolerance = Objects.requireNonNull(tolerance);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public AuthResult verify(byte[] body, Map<String, String> headers) {
        Optional<String> signature = WebhookHeaders.get(headers, signatureHeader);
        if (signature.isEmpty()) {
            return AuthResult.failure("the " + signatureHeader + " header is missing");
        }
        Optional<byte[]> presented = Crypto.hex(signature.get());
        if (presented.isEmpty()) {
            return AuthResult.failure("the " + signatureHeader + " header is not hex");
        }
        byte[] expected;
        if (timestampHeader.isPresent()) {
            Optional<String> timestamp = WebhookHeaders.get(headers, timestampHeader.get());
            if (timestamp.isEmpty()) {
                return AuthResult.failure("the " + timestampHeader.get() + " header is missing");
            }
            Optional<String> stale = Timestamps.outsideTolerance(timestampHeader.get(), timestamp.get(), tolerance,
                    clock);
            if (stale.isPresent()) {
                return AuthResult.failure(stale.get());
            }
            expected = Crypto.hmacSha256(secret, Crypto.utf8(timestamp.get() + ":"), body);
        } else {
            expected = Crypto.hmacSha256(secret, body);
        }
        return Crypto.anyMatches(List.of(expected), List.of(presented.get()))
                ? AuthResult.success()
                : AuthResult.failure("the " + signatureHeader + " signature does not match the body");
    }
}
