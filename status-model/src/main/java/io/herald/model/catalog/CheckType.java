package io.herald.model.catalog;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a check learns its outcome: an active probe run by ingest-worker, an upstream status pulled on an interval,
 * or signals pushed by a monitor.
 */
public enum CheckType {
    HTTP("http", Kind.PROBE),
    TCP("tcp", Kind.PROBE),
    TLS("tls", Kind.PROBE),
    DNS("dns", Kind.PROBE),
    SMTP("smtp", Kind.PROBE),
    IMAP("imap", Kind.PROBE),
    POP3("pop3", Kind.PROBE),
    ACTIVESYNC("activesync", Kind.PROBE),
    STATUSPAGE("statuspage", Kind.PULL),
    GRAPH("graph", Kind.PULL),
    WEBHOOK("webhook", Kind.PUSH);

    /** Who produces the signals: a probe from each location, a pull of an upstream status, or a pushing monitor. */
    public enum Kind { PROBE, PULL, PUSH }

    private final String wire;
    private final Kind kind;

    CheckType(String wire, Kind kind) {
        this.wire = wire;
        this.kind = kind;
    }

    public String wire() {
        return wire;
    }

    public Kind kind() {
        return kind;
    }

    /** True when ingest-worker runs it on an interval (a probe or a pull); false when signals are pushed to it. */
    public boolean isProbe() {
        return kind != Kind.PUSH;
    }

    public static Optional<CheckType> parse(String wire) {
        return Arrays.stream(values()).filter(t -> t.wire.equalsIgnoreCase(wire)).findFirst();
    }

    /** The wire names, for error messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(CheckType::wire).toList());
    }
}
