package io.herald.ingest.heartbeat;

import io.herald.ingest.webhook.WebhookSource;
import io.herald.ingest.webhook.WebhookSources;
import io.herald.ingest.webhook.auth.BearerAuth;
import io.herald.ingest.webhook.auth.WebhookAuth;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.HeartbeatOptions;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The catalog's heartbeat checks with the token each accepts, built once at start-up so a token that cannot be found
 * stops the worker naming the check and what to set. A check's own token ({@code token_env}) is read from the
 * environment (any configuration source, by the variable's exact name) and only its SHA-256 is kept; a check naming
 * a {@code source} accepts that webhook source's bearer token, checked by the source's own verifier.
 */
@Singleton
@Startup
public class HeartbeatChecks {

    /** A heartbeat check and how a beat proves it comes from the check's job. */
    public record Heartbeat(CheckDef check, WebhookAuth auth) {
    }

    private final Map<String, Heartbeat> byCheck;

    @Inject
    public HeartbeatChecks(Catalog catalog, WebhookSources sources) {
        this(catalog, name -> ConfigProvider.getConfig().getOptionalValue(name, String.class), sources.all());
        if (!byCheck.isEmpty()) {
            Log.infof("Heartbeat checks accepted: %s", byCheck.keySet());
        }
    }

    /**
     * @param environment reads a variable by its exact name
     * @param sources     the configured webhook sources by name
     * @throws IllegalStateException when a check's token cannot be had; the message names the check, never a token
     */
    public HeartbeatChecks(Catalog catalog, Function<String, Optional<String>> environment,
            Map<String, WebhookSource> sources) {
        Map<String, Heartbeat> checks = new TreeMap<>();
        for (CheckDef check : catalog.checks().values()) {
            if (check.options() instanceof HeartbeatOptions options) {
                checks.put(check.id(), new Heartbeat(check, auth(check, options, environment, sources)));
            }
        }
        this.byCheck = Map.copyOf(checks);
    }

    public Optional<Heartbeat> find(String checkId) {
        return Optional.ofNullable(byCheck.get(checkId));
    }

    private static WebhookAuth auth(CheckDef check, HeartbeatOptions options,
            Function<String, Optional<String>> environment, Map<String, WebhookSource> sources) {
        String what = "catalog check '" + check.id() + "' (heartbeat): ";
        if (options.tokenEnvironmentVariable().isPresent()) {
            String variable = options.tokenEnvironmentVariable().get();
            String token = environment.apply(variable).filter(t -> !t.isBlank()).orElseThrow(() ->
                    new IllegalStateException(what + "the environment variable " + variable + " (its token_env) is "
                            + "not set; set it to the bearer token the check's job sends"));
            return BearerAuth.forToken(token);
        }
        String name = options.sourceName().orElseThrow();
        WebhookSource source = sources.get(name);
        if (source == null) {
            throw new IllegalStateException(what + "it accepts the token of webhook source '" + name + "', which is "
                    + "not configured (herald.ingest.sources.\"" + name + "\".token-sha256)");
        }
        if (!source.authScheme().equals("Bearer")) {
            throw new IllegalStateException(what + "it accepts the bearer token of webhook source '" + name + "', "
                    + "whose auth is " + source.authScheme().toLowerCase() + "; give the check a token_env instead");
        }
        return source.auth();
    }
}
