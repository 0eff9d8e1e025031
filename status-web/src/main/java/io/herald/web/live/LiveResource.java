package io.herald.web.live;

import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The browsers' live channel: one event named "view" per view change, the current view first. */
@Path("/events")
public class LiveResource {
    private final LiveBroadcaster broadcaster;

    LiveResource(LiveBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live status for browsers",
            description = "Server-sent events named 'view', each carrying the whole current view as JSON; "
                    + "the current view is sent on connect, so a reconnect (Last-Event-ID) resumes correctly.")
    public Multi<OutboundSseEvent> events(@Context Sse sse) {
        return broadcaster.subscribe().map(event -> {
            if (event.heartbeat()) {
                return sse.newEventBuilder().comment("heartbeat").build();
            }
            OutboundSseEvent.Builder builder = sse.newEventBuilder()
                    .name(LiveEvent.VIEW)
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(String.class, event.json());
            if (event.id() != null) {
                builder.id(event.id());
            }
            return builder.build();
        });
    }
}
