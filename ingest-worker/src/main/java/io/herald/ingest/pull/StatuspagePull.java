package io.herald.ingest.pull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.model.CheckOutcome;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.options.StatuspageOptions;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a vendor's Statuspage {@code summary.json} and says what it reports for the vendor component mapped onto
 * a check. The de-duplication key is the component's status and update time plus the newest open incident that
 * names it (incident id + update id), so a poll that learns nothing new is not recorded again.
 */
@Singleton
public class StatuspagePull implements CheckPull {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, CheckOutcome> STATUS = Map.of(
            "operational", CheckOutcome.UP,
            "under_maintenance", CheckOutcome.UP,
            "degraded_performance", CheckOutcome.DEGRADED,
            "partial_outage", CheckOutcome.DOWN,
            "major_outage", CheckOutcome.DOWN);

    private final WebClient client;

    public StatuspagePull(Vertx vertx) {
        this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Herald-Pull/1.0"));
    }

    @Override
    public String type() {
        return "statuspage";
    }

    /** Fails when the page cannot be fetched or read; the caller records nothing then. */
    @Override
    public Uni<Pulled> pull(CheckDef check) {
        StatuspageOptions spec = check.options(StatuspageOptions.class);
        return client.getAbs(spec.url()).timeout(check.timeout().toMillis()).send().map(response -> {
            if (response.statusCode() != 200) {
                throw new UpstreamException("HTTP " + response.statusCode() + " from " + spec.url());
            }
            try {
                return read(JSON.readTree(response.bodyAsString()), spec);
            } catch (IOException e) {
                throw new UpstreamException(spec.url() + " is not JSON: " + e.getMessage());
            }
        });
    }

    static Pulled read(JsonNode summary, StatuspageOptions spec) {
        JsonNode component = null;
        for (JsonNode candidate : summary.path("components")) {
            if (candidate.path("name").asText().trim().equalsIgnoreCase(spec.component().trim())) {
                component = candidate;
                break;
            }
        }
        if (component == null) {
            throw new UpstreamException("no component named '" + spec.component() + "' in " + spec.url());
        }
        String status = component.path("status").asText("").toLowerCase(Locale.ROOT);
        CheckOutcome outcome = STATUS.get(status);
        if (outcome == null) {
            throw new UpstreamException("component '" + spec.component() + "' has an unknown status '" + status + "'");
        }
        String componentId = component.path("id").asText();
        Optional<JsonNode> incident = openIncident(summary, componentId, spec.component());
        String vendor = summary.path("page").path("name").asText("the vendor");
        StringBuilder detail = new StringBuilder(vendor).append(": ").append(spec.component()).append(' ')
                .append(status.replace('_', ' '));
        StringBuilder key = new StringBuilder(componentId).append('|').append(status).append('|')
                .append(component.path("updated_at").asText());
        incident.ifPresent(found -> {
            JsonNode update = found.path("incident_updates").path(0);
            detail.append(" (").append(found.path("name").asText());
            if (update.hasNonNull("body")) {
                detail.append(": ").append(update.path("body").asText());
            }
            detail.append(')');
            key.append('|').append(found.path("id").asText()).append('|').append(update.path("id").asText());
        });
        return new Pulled(outcome, detail.toString(), key.toString());
    }

    /** The most recently updated unresolved incident that names the component (by id or name), if any. */
    private static Optional<JsonNode> openIncident(JsonNode summary, String componentId, String name) {
        JsonNode newest = null;
        for (JsonNode incident : summary.path("incidents")) {
            String status = incident.path("status").asText();
            if (status.equals("resolved") || status.equals("postmortem")) {
                continue;
            }
            boolean names = false;
            for (JsonNode affected : incident.path("components")) {
                names |= affected.path("id").asText().equals(componentId)
                        || affected.path("name").asText().equalsIgnoreCase(name);
            }
            if (names && (newest == null
                    || incident.path("updated_at").asText().compareTo(newest.path("updated_at").asText()) > 0)) {
                newest = incident;
            }
        }
        return Optional.ofNullable(newest);
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
