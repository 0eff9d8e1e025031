package io.herald.ingest.probe.dns;

import io.herald.ingest.probe.Targets;
import java.time.Duration;
import java.util.Objects;

/**
 * A DNS question put to one resolver.
 *
 * @param host the resolver to ask
 * @param port the resolver's port (53 normally)
 * @param name the name to look up
 * @param type the record type
 * @param expectedAnswer optional; when set, at least one answer must contain it (case-insensitive, trailing dot
 *     ignored). MX answers read "10 mail.example.org".
 */
public record DnsTarget(String host, int port, Duration timeout, String name, DnsRecordType type, String expectedAnswer) {

    public DnsTarget {
        Targets.requireEndpoint(host, port, timeout);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        Objects.requireNonNull(type, "type");
    }

    public boolean hasExpectation() {
        return expectedAnswer != null && !expectedAnswer.isBlank();
    }
}
