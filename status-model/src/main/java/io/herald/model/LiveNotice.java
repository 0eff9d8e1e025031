package io.herald.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the evaluator publishes on the live channel: the change and the id of its entry in the changes
 * stream, so that a reader can resume from it (SSE Last-Event-ID) or fetch what it missed with XRANGE.
 */
public record LiveNotice(@JsonProperty("id") String id, @JsonProperty("change") StatusChange change) {
}
