package io.herald.ingest.webhook.format;

import io.herald.ingest.IngestConfig;
import io.herald.ingest.webhook.auth.WebhookAuth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One kind of sender: how its deliveries read and, if it signs them, how its signature is checked. A format is one
 * CDI bean found by {@link #name()}, the value of a source's {@code format} property. Authentication happens
 * before parsing, on the raw bytes.
 */
public interface SenderFormat {

    /** A short stable name, used in configuration and logs, e.g. "alertmanager". */
    String name();

    /**
     * @param body    the raw request body
     * @param headers request headers; names are matched case-insensitively
     * @return the observations, empty for a test send or an event that says nothing about up or down
     * @throws PayloadException 400 when the body is not JSON, 422 when a field is missing or invalid
     */
    List<Observation> parse(byte[] body, Map<String, String> headers) throws PayloadException;

    /** This format as one source's settings shape it (such as its subject label); by default the same for all. */
    default SenderFormat forSource(IngestConfig.Source settings) {
        return this;
    }

    /**
     * The sender's own signature scheme, used when the source's auth is {@code hmac}; empty when the sender does not
     * sign its deliveries.
     *
     * @param secrets the source's secrets, at least one
     * @throws IllegalArgumentException when a secret or setting is unusable; the message names it, never its value
     */
    default Optional<WebhookAuth> signature(IngestConfig.Source settings, List<String> secrets) {
        return Optional.empty();
    }

    /**
     * True for Herald's own JSON, whose subject is a check id, so an unknown one is the sender's mistake (422);
     * for other senders it is a monitor Herald does not show (ignored, 202).
     */
    default boolean subjectIsCheckId() {
        return false;
    }
}
