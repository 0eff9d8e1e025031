package io.herald.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * One observation of one check: a probe result, a pulled upstream status or an accepted webhook.
 * Signals are appended to the signals stream as flat string fields (see {@link #toFields()}).
 *
 * @param id        de-duplication id, unique per source (a probe uses check id + run time)
 * @param source    where it came from: "probe" or the webhook source name
 * @param check     the catalog check id it is about
 * @param outcome   up, degraded or down
 * @param latencyMs measured latency in milliseconds, or null when not measured
 * @param detail    why, in words a person understands ("HTTP 503 from https://...")
 * @param observedAt when it was observed
 * @param location   the probe location that observed it (a worker's configured location name), or null for
 *                   signals that have no location (webhooks, upstream pulls)
 */
public record Signal(String id, String source, String check, CheckOutcome outcome, Long latencyMs, String detail,
        Instant observedAt, String location) {

    /** A signal without a probe location (webhooks, upstream pulls). */
    public Signal(String id, String source, String check, CheckOutcome outcome, Long latencyMs, String detail,
            Instant observedAt) {
        this(id, source, check, outcome, latencyMs, detail, observedAt, null);
    }

    public Map<String, String> toFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("id", id);
        fields.put("source", source);
        fields.put("check", check);
        fields.put("outcome", outcome.wire());
        if (latencyMs != null) {
            fields.put("latency_ms", Long.toString(latencyMs));
        }
        fields.put("detail", detail == null ? "" : detail);
        fields.put("observed_at", observedAt.toString());
        if (location != null) {
            fields.put("location", location);
        }
        return fields;
    }

    /** Reads a signal back from stream fields; throws IllegalArgumentException when a field is missing or bad. */
    public static Signal fromFields(Map<String, String> fields) {
        String latency = fields.get("latency_ms");
        return new Signal(
                required(fields, "id"),
                required(fields, "source"),
                required(fields, "check"),
                CheckOutcome.fromWire(required(fields, "outcome")),
                latency == null || latency.isEmpty() ? null : Long.parseLong(latency),
                fields.getOrDefault("detail", ""),
                Instant.parse(required(fields, "observed_at")),
                fields.get("location"));
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("signal field '" + name + "' is missing");
        }
        return value;
    }
}
