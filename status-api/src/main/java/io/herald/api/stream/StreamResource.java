package io.herald.api.stream;

import io.herald.api.problem.ProblemException;
import io.herald.model.StreamIds;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseHeader;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** Every status change as a server-sent event, resumable with Last-Event-ID. */
@Path("/api/v1/stream")
@Tag(name = "Status", description = "Herald's native status API")
public class StreamResource {
    static final String EVENT_NAME = "change";
    private static final java.util.regex.Pattern PAGE_EVENT_ID = java.util.regex.Pattern.compile("(inc|mnt)-\\d+-\\d+");

    private final ChangeHub hub;
    private final ChangeReplay replay;
    private final StreamConfig config;
    private final PageEventHub pageEventHub;

    private PageEventHub pageEvents() {
        return pageEventHub;
    }

    public StreamResource(ChangeHub hub, ChangeReplay replay, StreamConfig config, PageEventHub pageEventHub) {
        this.pageEventHub = pageEventHub;
        this.hub = hub;
        this.replay = replay;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @Operation(summary = "Status changes as server-sent events",
            description = "Each status change is an event with id = the changes-stream entry id, event = change, "
                    + "data = the live notice JSON {id, change}. Give the last change id seen in Last-Event-ID (or "
                    + "last_event_id) to first get what happened since, then live changes. Incidents and "
                    + "maintenances that are created or change come as event = incident (id inc-<id>-<update count>) "
                    + "and event = maintenance (id mnt-<id>-<update count>), data = their JSON; they are live only "
                    + "(resuming after such an id gives live events, no replay). A comment line is sent "
                    + "periodically as keep-alive.")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "400", description = "The last event id is not a stream id")
    public Multi<OutboundSseEvent> stream(
            @Parameter(in = ParameterIn.HEADER, description = "Resume after this event id")
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "Resume after this event id (for clients that cannot set headers)")
            @QueryParam("last_event_id") String lastEventIdQuery,
            @Context Sse sse) {
        String after = blankToNull(lastEventIdHeader) != null ? lastEventIdHeader.trim() : blankToNull(lastEventIdQuery);
        if (after != null && PAGE_EVENT_ID.matcher(after).matches()) {
            // The last event was an incident or maintenance event: those are not replayed, live events follow.
            after = null;
        }
        if (after != null && !StreamIds.isValid(after)) {
            throw ProblemException.badRequest("bad-last-event-id", "Bad last event id",
                    "The last event id '" + after + "' is not a changes-stream id such as 1716200000000-0.");
        }
        Multi<OutboundSseEvent> changes = notices(after).map(notice -> sse.newEventBuilder()
                .id(notice.id())
                .name(EVENT_NAME)
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(HeraldJson.write(notice))
                .build());
        Multi<OutboundSseEvent> pageEvents = pageEvents().live(config.clientBuffer()).map(event -> sse.newEventBuilder()
                .id(event.id())
                .name(event.name())
                .mediaType(MediaType.TEXT_PLAIN_TYPE)
                .data(event.json())
                .build());
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(config.heartbeat()).every(config.heartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // The first comment sends the headers at once, so the client knows the stream is open.
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("connected").build()),
                Multi.createBy().merging().streams(changes, pageEvents, heartbeats));
    }

    /**
     * Replay then live, without a gap or a duplicate: live notices are buffered while the replay is read, then
     * only those newer than the last replayed id are sent.
     */
    private Multi<LiveNotice> notices(String after) {
        if (after == null) {
            return hub.live(config.clientBuffer());
        }
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            List<LiveNotice> pending = new ArrayList<>();
            String[] lastSent = {after};
            boolean[] replayed = {false};
            Cancellable live = hub.live(config.clientBuffer()).subscribe().with(notice -> {
                synchronized (lock) {
                    if (!replayed[0]) {
                        pending.add(notice);
                    } else if (StreamIds.compare(notice.id(), lastSent[0]) > 0) {
                        lastSent[0] = notice.id();
                        emitter.emit(notice);
                    }
                }
            }, emitter::fail, emitter::complete);
            emitter.onTermination(live::cancel);
            replay.after(after).subscribe().with(missed -> {
                synchronized (lock) {
                    for (LiveNotice notice : missed) {
                        lastSent[0] = notice.id();
                        emitter.emit(notice);
                    }
                    for (LiveNotice notice : pending) {
                        if (StreamIds.compare(notice.id(), lastSent[0]) > 0) {
                            lastSent[0] = notice.id();
                            emitter.emit(notice);
                        }
                    }
                    pending.clear();
                    replayed[0] = true;
                }
            }, emitter::fail);
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
