package io.herald.ingest.webhook.format;

import java.util.List;
import java.util.Map;

/** Turns one delivery from one kind of sender into observations. Authentication happens before, on the raw bytes. */
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
}
