package io.herald.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.ingest.problem.ProblemException;
import io.herald.model.CheckOutcome;
import io.herald.model.Signal;
import io.herald.model.catalog.Catalog;
import io.herald.model.catalog.CheckDef;
import io.herald.model.catalog.CheckType;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** Turns a generic webhook body into a signal, or says which field is wrong. */
@Singleton
public class WebhookParser {
    static final int MAX_DETAIL = 2000;
    static final int MAX_ID = 200;

    private final ObjectMapper json;
    private final Catalog catalog;
    private final Clock clock;

    public WebhookParser(ObjectMapper json, Catalog catalog) {
        this.json = json;
        this.catalog = catalog;
        this.clock = Clock.systemUTC();
    }

    /** The parsed signal and whether the sender gave a de-duplication id. */
    public record Parsed(Signal signal, boolean hasId) {
    }

    public Parsed parse(String source, byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(400, "The body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ProblemException(400, "The body could not be read as JSON.");
        }
        if (root == null || root.isMissingNode()) {
            throw new ProblemException(400, "The body is empty; send a JSON object with 'check' and 'status'.");
        }
        if (!root.isObject()) {
            throw new ProblemException(400, "The body must be a JSON object with 'check' and 'status'.");
        }
        CheckDef check = check(source, requiredText(root, "check"));
        CheckOutcome outcome = outcome(requiredText(root, "status"));
        String detail = optionalText(root, "detail", MAX_DETAIL);
        String id = optionalText(root, "id", MAX_ID);
        Long latency = latency(root.get("latency_ms"));
        Instant observedAt = observedAt(optionalText(root, "observed_at", 64));
        boolean hasId = id != null && !id.isBlank();
        String signalId = hasId ? id : UUID.randomUUID().toString();
        return new Parsed(new Signal(signalId, source, check.id(), outcome, latency,
                detail == null || detail.isBlank() ? defaultDetail(source, outcome) : detail, observedAt), hasId);
    }

    private CheckDef check(String source, String id) {
        CheckDef check = catalog.check(id).orElseThrow(() -> ProblemException.invalidField("check",
                "There is no check '" + id + "' in the catalog."));
        if (check.type() != CheckType.WEBHOOK) {
            throw ProblemException.invalidField("check", "Check '" + id + "' is an " + check.type().wire()
                    + " probe run by Herald itself; it does not take webhook signals.");
        }
        if (!check.source().equals(source)) {
            throw ProblemException.invalidField("check", "Check '" + id + "' takes signals from source '"
                    + check.source() + "', not from '" + source + "'.");
        }
        return check;
    }

    private static CheckOutcome outcome(String status) {
        return CheckOutcome.parse(status).orElseThrow(() -> ProblemException.invalidField("status",
                "'" + status + "' is not a status; use up, degraded or down."));
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw ProblemException.invalidField(field, "The field '" + field + "' is required.");
        }
        if (!node.isTextual() || node.asText().isBlank()) {
            throw ProblemException.invalidField(field, "The field '" + field + "' must be a non-empty string.");
        }
        return node.asText().trim();
    }

    private static String optionalText(JsonNode root, String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ProblemException.invalidField(field, "The field '" + field + "' must be a string.");
        }
        if (node.asText().length() > maxLength) {
            throw ProblemException.invalidField(field,
                    "The field '" + field + "' is longer than " + maxLength + " characters.");
        }
        return node.asText().trim();
    }

    private static Long latency(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 0) {
            throw ProblemException.invalidField("latency_ms",
                    "The field 'latency_ms' must be a whole number of milliseconds, 0 or more.");
        }
        return node.asLong();
    }

    private Instant observedAt(String text) {
        if (text == null || text.isBlank()) {
            return clock.instant();
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("observed_at", "'" + text
                    + "' is not an ISO-8601 date-time with offset, such as 2025-03-01T10:15:30Z.");
        }
    }

    private static String defaultDetail(String source, CheckOutcome outcome) {
        return "reported " + outcome.wire() + " by " + source;
    }
}
