package io.herald.ingest.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** The recent state changes of a check, and whether it is held as flapping. */
public record FlapState(
        @JsonProperty("changes") List<Instant> changes,
        @JsonProperty("last_change") Instant lastChange,
        @JsonProperty("flapping") boolean flapping) {

    public static final FlapState NONE = new FlapState(List.of(), null, false);

    public FlapState {
        changes = changes == null ? List.of() : changes;
    }
}
