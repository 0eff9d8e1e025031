package io.herald.ingest.webhook.format;

import io.herald.model.CheckOutcome;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Pingdom state-change webhooks. Uptime checks go UP/DOWN, transaction checks SUCCESS/FAILING. De-duplicates on
 * check_id|state_changed_timestamp|current_state.
 */
@Singleton
public final class PingdomFormat implements SenderFormat {

    @Override
    public String name() {
        return "pingdom";
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        JsonField root = JsonField.parseObject(body);
        String checkId = root.get("check_id").scalar();
        String checkName = root.get("check_name").text();
        String state = root.get("current_state").oneOf("UP", "DOWN", "SUCCESS", "FAILING");
        CheckOutcome outcome = state.equals("UP") || state.equals("SUCCESS") ? CheckOutcome.UP : CheckOutcome.DOWN;
        Instant changedAt = root.get("state_changed_timestamp").epochSeconds();
        Optional<String> previous = root.get("previous_state").optionalText();
        Optional<String> description = root.get("description").optionalFreeText();

        StringBuilder detail = new StringBuilder("Pingdom: ").append(checkName).append(' ').append(state);
        if (previous.isPresent() || description.isPresent()) {
            detail.append(" (");
            previous.ifPresent(p -> detail.append("was ").append(p));
            description.ifPresent(d -> detail.append(previous.isPresent() ? ": " : "").append(d));
            detail.append(')');
        }
        String dedupeKey = checkId + "|" + changedAt.getEpochSecond() + "|" + state;
        return List.of(new Observation(checkName, outcome, detail.toString(), dedupeKey,
                changedAt));
    }
}
