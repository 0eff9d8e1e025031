package io.herald.ingest.webhook.format;

import io.herald.model.CheckOutcome;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Uptime Kuma's webhook notification, {@code {heartbeat, monitor, msg}}. Status 0 down, 1 up, 2 pending (retrying:
 * degraded), 3 maintenance (no observation: maintenance is Herald's own business). A test send has both
 * {@code heartbeat} and {@code monitor} null.
 */
@Singleton
public final class UptimeKumaFormat implements SenderFormat {

    private static final int MAINTENANCE = 3;

    @Override
    public String name() {
        return "uptime-kuma";
    }

    @Override
    public List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException {
        JsonField root = JsonField.parseObject(body);
        JsonField heartbeat = root.get("heartbeat");
        JsonField monitor = root.get("monitor");
        if (!heartbeat.present() && !monitor.present()) {
            return List.of();
        }
        heartbeat.object();
        monitor.object();

        JsonField statusField = heartbeat.get("status");
        long status = statusField.integer();
        CheckOutcome outcome;
        if (status == 0) {
            outcome = CheckOutcome.DOWN;
        } else if (status == 1) {
            outcome = CheckOutcome.UP;
        } else if (status == 2) {
            outcome = CheckOutcome.DEGRADED;
        } else if (status == MAINTENANCE) {
            return List.of();
        } else {
            throw statusField.invalid(statusField.words()
                    + " must be 0 (down), 1 (up), 2 (pending) or 3 (maintenance), got " + status);
        }

        String monitorId = heartbeat.get("monitorID").scalar();
        JsonField timeField = heartbeat.get("time");
        String time = timeField.text();
        String name = monitor.get("name").text();
        String dedupeKey = monitorId + "|" + time + "|" + status;
        return List.of(new Observation(name, outcome, detail(name, outcome, heartbeat), dedupeKey, timeField.instant()));
    }

    private static String detail(String name, CheckOutcome outcome, JsonField heartbeat) throws PayloadException {
        String state = switch (outcome) {
            case DOWN -> "down";
            case UP -> "up";
            case DEGRADED -> "pending";
        };
        Optional<String> message = heartbeat.get("msg").optionalFreeText();
        Optional<Double> ping = heartbeat.get("ping").optionalMeasure(CheckReportParser.MAX_LATENCY_MS);
        StringBuilder out = new StringBuilder("Uptime Kuma: ").append(name).append(' ').append(state);
        if (message.isPresent() || ping.isPresent()) {
            out.append(" (");
            message.ifPresent(out::append);
            ping.ifPresent(ms -> out.append(message.isPresent() ? ", " : "").append(Math.round(ms)).append(" ms"));
            out.append(')');
        }
        return out.toString();
    }
}
