package io.herald.ingest.webhook.format;

import io.herald.model.CheckOutcome;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Azure Monitor action groups with the common alert schema enabled. Every severity (Sev0-Sev4) that has Fired is
 * down, Resolved is up. The subject is data.essentials.alertRule; de-duplicates on alertId|monitorCondition.
 */
@Singleton
public final class AzureMonitorFormat implements SenderFormat {

    static final String SCHEMA_ID = "azureMonitorCommonAlertSchema";

    private final Clock clock;

    public AzureMonitorFormat() {
        this(Clock.systemUTC());
    }

    public AzureMonitorFormat(Clock clock) {
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public String name() {
        return "azure-monitor";
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        JsonField root = JsonField.parseObject(body);
        JsonField schemaId = root.get("schemaId");
        if (!SCHEMA_ID.equals(schemaId.text())) {
            throw schemaId.invalid("schemaId must be '" + SCHEMA_ID
                    + "' (enable the common alert schema on the action group), got " + JsonField.quote(schemaId.text()));
        }
        JsonField essentials = root.get("data").object().get("essentials").object();
        String alertId = essentials.get("alertId").text();
        String alertRule = essentials.get("alertRule").text();
        String severity = essentials.get("severity").oneOf("Sev0", "Sev1", "Sev2", "Sev3", "Sev4");
        String condition = essentials.get("monitorCondition").oneOf("Fired", "Resolved");

        CheckOutcome outcome;
        Instant observedAt;
        if (condition.equals("Fired")) {
            outcome = CheckOutcome.DOWN;
            observedAt = essentials.get("firedDateTime").instant();
        } else {
            outcome = CheckOutcome.UP;
            Optional<Instant> resolvedAt = essentials.get("resolvedDateTime").optionalInstant();
            observedAt = resolvedAt.isPresent() ? resolvedAt.get() : clock.instant();
        }
        Optional<String> description = essentials.get("description").optionalFreeText();
        String detail = "Azure Monitor: " + alertRule + " " + condition + " (" + severity
                + description.map(d -> ": " + d).orElse("") + ")";
        return List.of(new Observation(alertRule, outcome, detail, alertId + "|" + condition, observedAt));
    }
}
