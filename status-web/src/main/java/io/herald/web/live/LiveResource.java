package io.herald.web.live;

import io.herald.web.view.Language;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    @APIResponse(responseCode = "200", description = "text/event-stream of 'view' events",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(implementation = String.class)))
    public Multi<OutboundSseEvent> events(@Context Sse sse,
            @Parameter(description = "Language of the words in the view: en (default) or fr")
            @QueryParam("lang") String lang) {
        Language language = Language.ofTag(lang);
        return broadcaster.subscribe(language == null ? Language.EN : language).map(event -> {
            if (event.heartbeat()) {
                return sse.newEventBuilder().comment("heartbeat").build();
            }
            OutboundSseEvent.Builder builder = sse.newEventBuilder()
                    .name(LiveEvent.VIEW)
                    // Already JSON text: sent as is, serialised once for every browser.
                    .data(String.class, event.json());
            if (event.id() != null) {
                builder.id(event.id());
            }
            return builder.build();
        });
    }
}
