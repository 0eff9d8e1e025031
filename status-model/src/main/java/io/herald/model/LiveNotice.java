package io.herald.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the evaluator publishes on the live channel: the change and the id of its entry in the changes
 * stream, so that a reader can resume from it (SSE Last-Event-ID) or fetch what it missed with XRANGE. The writer
 * chooses the entry id ({@link StreamIds#following}) so that the notice is encoded here, whole, before it is written.
 */
public record LiveNotice(@JsonProperty("id") String id, @JsonProperty("change") StatusChange change) {

    /** The notice as published: {@code {"id":"<stream id>","change":{...}}}. */
    public String encode() {
        return HeraldJson.write(this);
    }

    public static LiveNotice decode(String json) {
        return HeraldJson.read(json, LiveNotice.class);
    }
}
