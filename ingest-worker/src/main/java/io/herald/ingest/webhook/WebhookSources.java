package io.herald.ingest.webhook;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.problem.ProblemException;
import io.herald.ingest.webhook.auth.AuthResult;
import io.herald.ingest.webhook.auth.BasicAuth;
import io.herald.ingest.webhook.auth.BearerAuth;
import io.herald.ingest.webhook.auth.GrafanaHmac;
import io.herald.ingest.webhook.auth.PagerDutySignature;
import io.herald.ingest.webhook.auth.StandardWebhooksSignature;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.ingest.webhook.format.AlertmanagerFormat;
import io.herald.ingest.webhook.format.AzureMonitorFormat;
import io.herald.ingest.webhook.format.GenericJsonFormat;
import io.herald.ingest.webhook.format.GrafanaFormat;
import io.herald.ingest.webhook.format.PagerDutyFormat;
import io.herald.ingest.webhook.format.PingdomFormat;
import io.herald.ingest.webhook.format.SenderFormat;
import io.herald.ingest.webhook.format.StandardWebhooksFormat;
import io.herald.ingest.webhook.format.UptimeKumaFormat;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.WebhookOptions;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The configured webhook senders, built and checked once at start-up so a wrong format, auth or mapping stops
 * the worker with the property to fix. Only hashes of tokens are held; HMAC secrets are held as given, since a
 * signature cannot be checked against a hash. An unknown source is checked against a dummy token and gets the same
 * 401 as a bad secret, so sources cannot be enumerated.
 */
@Singleton
@Startup
public class WebhookSources {
    static final List<String> FORMATS = List.of("generic", "alertmanager", "grafana", "uptime-kuma", "pagerduty",
            "standard-webhooks", "pingdom", "azure-monitor");
    private static final WebhookAuth NO_SOURCE = new BearerAuth("0".repeat(64));

    private final Map<String, WebhookSource> sources = new TreeMap<>();

    public WebhookSources(IngestConfig config, Catalog catalog) {
        config.sources().forEach((configured, settings) -> {
            String name = sourceName(configured);
            sources.put(name, build(name, property(configured), settings, catalog));
        });
        Log.infof("Webhook sources accepted: %s", sources.isEmpty() ? "none configured"
                : sources.values().stream().map(s -> s.name() + " (" + s.format().name() + ", " + s.authScheme() + ")")
                        .toList());
    }

    /** The source if this delivery is genuine; otherwise a 401 problem that does not say which part was wrong. */
    public WebhookSource authorize(String name, byte[] body, Map<String, String> headers) {
        WebhookSource source = sources.get(name);
        AuthResult result = (source == null ? NO_SOURCE : source.auth()).verify(body, headers);
        if (source == null || !result.ok()) {
            Log.debugf("Webhook to source '%s' refused: %s", name, source == null ? "no such source" : result.reason());
            String scheme = source == null ? "Bearer" : source.authScheme();
            throw new ProblemException(401, "The delivery is not signed or authorized with the secret configured "
                    + "for this source.", null, Map.of("WWW-Authenticate", scheme + " realm=\"herald-ingest\""));
        }
        return source;
    }

    public Map<String, WebhookSource> all() {
        return sources;
    }

    /**
     * Source names are lower-case letters, digits and dashes (the catalog enforces it); an environment variable
     * cannot hold a dash, so HERALD_INGEST_SOURCES__MY_MONITOR__TOKEN_SHA256 arrives as "my.monitor" or
     * "my_monitor" and means source "my-monitor".
     */
    static String sourceName(String configured) {
        return configured.trim().toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
    }

    private static String property(String configured) {
        return "herald.ingest.sources.\"" + configured + "\".";
    }

    static WebhookSource build(String name, String property, IngestConfig.Source settings, Catalog catalog) {
        String format = settings.format().trim().toLowerCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
            throw new IllegalStateException(property + "format: '" + settings.format() + "' is not a sender format ("
                    + String.join(", ", FORMATS) + ")");
        }
        String auth = settings.auth().map(a -> a.trim().toLowerCase(Locale.ROOT))
                .orElse(settings.tokenSha256().isEmpty() && settings.basicSha256().isPresent() ? "basic"
                        : settings.tokenSha256().isEmpty() && hasSecret(settings) ? "hmac" : "bearer");
        WebhookAuth verifier;
        String scheme;
        try {
            switch (auth) {
                case "bearer" -> {
                    verifier = new BearerAuth(settings.tokenSha256().orElseThrow(() -> missing(property, "token-sha256",
                            "the lower-case hex SHA-256 of the bearer token")));
                    scheme = "Bearer";
                }
                case "basic" -> {
                    verifier = new BasicAuth(settings.basicSha256().orElseThrow(() -> missing(property, "basic-sha256",
                            "the hex SHA-256 of user:password")));
                    scheme = "Basic";
                }
                case "hmac" -> {
                    verifier = hmac(format, property, settings);
                    scheme = "Signature";
                }
                default -> throw new IllegalStateException(property + "auth: '" + auth
                        + "' is not an auth scheme (bearer, basic or hmac)");
            }
        } catch (IllegalArgumentException e) {
            // The library's message names the setting in words ("the bearer token hash must be ..."), never its value.
            throw new IllegalStateException(property.substring(0, property.length() - 1) + ": " + e.getMessage(), e);
        }
        return new WebhookSource(name, format(format, settings), verifier, scheme,
                subjects(name, property, settings, catalog), format.equals("generic") || format.equals("standard-webhooks"));
    }

    private static boolean hasSecret(IngestConfig.Source settings) {
        return settings.secret().isPresent() || settings.secrets().isPresent();
    }

    private static WebhookAuth hmac(String format, String property, IngestConfig.Source settings) {
        List<String> secrets = new ArrayList<>(settings.secrets().orElse(List.of()));
        settings.secret().ifPresent(secrets::add);
        if (secrets.isEmpty()) {
            throw missing(property, "secret", "the HMAC secret (from the environment; it cannot be stored hashed)");
        }
        return switch (format) {
            case "grafana" -> new GrafanaHmac(secrets.get(0),
                    settings.signatureHeader().orElse(GrafanaHmac.DEFAULT_SIGNATURE_HEADER),
                    settings.timestampHeader(), settings.tolerance(), Clock.systemUTC());
            case "pagerduty" -> new PagerDutySignature(secrets);
            case "generic", "standard-webhooks" -> new StandardWebhooksSignature(secrets, settings.tolerance(),
                    Clock.systemUTC());
            default -> throw new IllegalStateException(property + "auth: the " + format
                    + " sender does not sign its deliveries; use bearer or basic");
        };
    }

    private static SenderFormat format(String format, IngestConfig.Source settings) {
        String label = settings.subjectLabel().orElse("");
        return switch (format) {
            case "alertmanager" -> new AlertmanagerFormat(label, Clock.systemUTC());
            case "grafana" -> new GrafanaFormat(label, Clock.systemUTC());
            case "uptime-kuma" -> new UptimeKumaFormat();
            case "pagerduty" -> new PagerDutyFormat();
            case "standard-webhooks" -> new StandardWebhooksFormat();
            case "pingdom" -> new PingdomFormat();
            case "azure-monitor" -> new AzureMonitorFormat();
            default -> new GenericJsonFormat();
        };
    }

    private static Map<String, CheckDef> subjects(String source, String property, IngestConfig.Source settings,
            Catalog catalog) {
        Map<String, CheckDef> subjects = new LinkedHashMap<>();
        for (CheckDef check : catalog.checks().values()) {
            if (check.options() instanceof WebhookOptions hook && source.equals(hook.source())) {
                subjects.put(check.id(), check);
            }
        }
        Map<String, CheckDef> mapped = new HashMap<>();
        settings.checks().forEach((subject, checkId) -> {
            Optional<CheckDef> check = catalog.check(checkId.trim());
            if (check.isEmpty() || !(check.get().options() instanceof WebhookOptions hook)
                    || !source.equals(hook.source())) {
                throw new IllegalStateException(property + "checks.\"" + subject + "\": '" + checkId
                        + "' is not a webhook check of source '" + source + "' in the catalog");
            }
            mapped.put(subject, check.get());
        });
        subjects.putAll(mapped);
        return Map.copyOf(subjects);
    }

    private static IllegalStateException missing(String property, String key, String what) {
        return new IllegalStateException(property + key + " is not set; give " + what);
    }
}
