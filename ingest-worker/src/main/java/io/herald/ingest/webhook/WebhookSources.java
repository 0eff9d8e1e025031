package io.herald.ingest.webhook;

import io.herald.ingest.IngestConfig;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.ingest.webhook.auth.AuthResult;
import io.herald.ingest.webhook.auth.BearerAuth;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.ingest.webhook.format.SenderFormat;
import io.herald.ingest.webhook.format.SenderFormats;
import io.herald.model.catalog.Catalog;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.Locale;
import java.util.Map;
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
    private static final WebhookAuth NO_SOURCE = new BearerAuth("0".repeat(64));

    private final Map<String, WebhookSource> sources = new TreeMap<>();

    public WebhookSources(IngestConfig config, Catalog catalog, SenderFormats formats) {
        config.sources().forEach((configured, settings) -> {
            String name = sourceName(configured);
            SourceSubjects subjects = SourceSubjects.of(name, property(configured), settings.checks(), catalog);
            subjects.deprecations().forEach(Log::warn);
            sources.put(name, build(name, property(configured), settings, formats, subjects));
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
            throw new ProblemException(Problem.ofStatus(401, "The delivery is not signed or authorized with the secret "
                    + "configured for this source."), Map.of("WWW-Authenticate", scheme + " realm=\"herald-ingest\""));
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

    static WebhookSource build(String name, String property, IngestConfig.Source settings, SenderFormats formats,
            SourceSubjects subjects) {
        SenderFormat format = formats.named(settings.format(), property + "format");
        SourceAuth auth = SourceAuth.of(property, settings, format);
        return new WebhookSource(name, format.forSource(settings), auth.verifier(), auth.scheme(), subjects.subjects(),
                format.subjectIsCheckId());
    }
}
