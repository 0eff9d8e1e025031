package io.herald.ingest.webhook;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.webhook.auth.BasicAuth;
import io.herald.ingest.webhook.auth.BearerAuth;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.ingest.webhook.format.SenderFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a source proves a delivery is genuine: {@code bearer} (a token, stored as its SHA-256), {@code basic} (user
 * and password, stored as SHA-256) or {@code hmac} (the sender's own signature, which its format names).
 *
 * @param scheme the scheme named in WWW-Authenticate when a delivery is refused
 */
record SourceAuth(WebhookAuth verifier, String scheme) {

    /** @param property the source's property prefix, such as {@code herald.ingest.sources."prom".} */
    static SourceAuth of(String property, IngestConfig.Source settings, SenderFormat format) {
        String auth = settings.auth().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .orElse(settings.tokenSha256().isEmpty() && settings.basicSha256().isPresent() ? "basic"
                        : settings.tokenSha256().isEmpty() && hasSecret(settings) ? "hmac" : "bearer");
        try {
            return switch (auth) {
                case "bearer" -> new SourceAuth(new BearerAuth(settings.tokenSha256().orElseThrow(() -> missing(
                        property, "token-sha256", "the lower-case hex SHA-256 of the bearer token"))), "Bearer");
                case "basic" -> new SourceAuth(new BasicAuth(settings.basicSha256().orElseThrow(() -> missing(
                        property, "basic-sha256", "the hex SHA-256 of user:password"))), "Basic");
                case "hmac" -> new SourceAuth(signature(property, settings, format), "Signature");
                default -> throw new IllegalStateException(property + "auth: '" + auth
                        + "' is not an auth scheme (bearer, basic or hmac)");
            };
        } catch (IllegalArgumentException e) {
            // The library's message names the setting in words ("the bearer token hash must be ..."), never its value.
            throw new IllegalStateException(property.substring(0, property.length() - 1) + ": " + e.getMessage(), e);
        }
    }

    private static WebhookAuth signature(String property, IngestConfig.Source settings, SenderFormat format) {
        List<String> secrets = new ArrayList<>(settings.secrets().orElse(List.of()));
        settings.secret().ifPresent(secrets::add);
        if (secrets.isEmpty()) {
            throw missing(property, "secret", "the HMAC secret (from the environment; it cannot be stored hashed)");
        }
        return format.signature(settings, secrets).orElseThrow(() -> new IllegalStateException(property + "auth: the "
                + format.name() + " sender does not sign its deliveries; use bearer or basic"));
    }

    private static boolean hasSecret(IngestConfig.Source settings) {
        return settings.secret().isPresent() || settings.secrets().isPresent();
    }

    private static IllegalStateException missing(String property, String key, String what) {
        return new IllegalStateException(property + key + " is not set; give " + what);
    }
}
