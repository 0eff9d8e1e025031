package io.herald.api.stream;

import io.herald.api.read.IncidentChanges;
import io.herald.api.read.PageEvent;
import io.herald.api.read.ReadModel;
import io.herald.model.HeraldJson;
import io.herald.model.LiveNotice;
import io.herald.model.StreamIds;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.quarkus.logging.Log;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
    /** An incident or maintenance event id, with the change it follows (group 1) or, in the older form, none. */
    private static final java.util.regex.Pattern PAGE_EVENT_ID =
            java.util.regex.Pattern.compile("(?:inc|mnt)-\\d+-\\d+(?:\\.(\\d+-\\d+))?");
    /**
     * How far before the resume point incidents and maintenances are replayed: an incident event reaches clients up
     * to a refresh of the overlay after it was stored, so one stored a little before the last change seen may not
     * have been sent yet.
     */
    private static final java.time.Duration PAGE_REPLAY_SLACK = java.time.Duration.ofMinutes(2);

    private final ReadModel readModel;
    private final IncidentChanges incidentChanges;
    private final ChangeReplay replay;
    private final StreamConfig config;

    public StreamResource(ReadModel readModel, IncidentChanges incidentChanges, ChangeReplay replay,
            StreamConfig config) {
        this.readModel = readModel;
        this.incidentChanges = incidentChanges;
        this.replay = replay;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @ResponseHeader(name = "Cache-Control", value = "no-cache")
    @Operation(summary = "Status changes, incidents and maintenances as server-sent events",
            description = "Each status change is an event with id = the changes-stream entry id, event = change, "
                    + "data = the live notice JSON {id, change}. Incidents and maintenances that are created or "
                    + "change come as event = incident or event = maintenance, data = their JSON, with id = "
                    + "inc-<id>-<update count>.<change id> (mnt- for maintenances), where <change id> is the last "
                    + "change sent before it on this connection. Give the last id seen in Last-Event-ID (or "
                    + "last_event_id) to first get what happened since: every change after it, exactly once, and "
                    + "every incident and maintenance changed since then (an incident already seen may come again; "
                    + "its update count tells), then live events. Ids of the older form inc-<id>-<count> resume "
                    + "with live events only. A comment line is sent periodically as keep-alive.")
    @APIResponse(responseCode = "200", description = "The event stream")
    @APIResponse(responseCode = "400", description = "The last event id is not one this stream sends",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(in = ParameterIn.HEADER, description = "Resume after this event id")
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "Resume after this event id (for clients that cannot set headers)")
            @QueryParam("last_event_id") String lastEventIdQuery,
            @Context Sse sse) {
        String given = blankToNull(lastEventIdHeader) != null ? lastEventIdHeader.trim() : blankToNull(lastEventIdQuery);
        String after = given;
        if (after != null) {
            java.util.regex.Matcher page = PAGE_EVENT_ID.matcher(after);
            if (page.matches()) {
                // An incident or maintenance event: resume after the change it names; the older form names none.
                after = page.group(1);
            }
        }
        if (after != null && !StreamIds.isValid(after)) {
            throw ProblemException.badParameter("Last-Event-ID", "Bad last event id",
                    "The last event id '" + given + "' is not an id this stream sends, such as 1716200000000-0 or "
                            + "inc-12-3.1716200000000-0.");
        }
        // The change cursor: the last change sent on this connection, named in every incident or maintenance event
        // id so a client resuming from one gets the changes it has not seen.
        String start = after != null ? after : readModel.lastEventId();
        String[] cursor = {start == null ? "0-0" : start};
        Multi<OutboundSseEvent> events = events(after).map(item -> {
            if (item instanceof LiveNotice notice) {
                if (StreamIds.isValid(notice.id())) {
                    cursor[0] = notice.id();
                }
                return sse.newEventBuilder().id(notice.id()).name(EVENT_NAME).mediaType(MediaType.TEXT_PLAIN_TYPE)
                        .data(HeraldJson.write(notice)).build();
            }
            PageEvent event = (PageEvent) item;
            return sse.newEventBuilder().id(event.id() + "." + cursor[0]).name(event.name())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE).data(event.json()).build();
        });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().startingAfter(config.heartbeat()).every(config.heartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        // The first comment sends the headers at once, so the client knows the stream is open.
        return Multi.createBy().concatenating().streams(
                Multi.createFrom().item(sse.newEventBuilder().comment("connected").build()),
                Multi.createBy().merging().streams(events, heartbeats));
    }

    /**
     * Changes ({@link LiveNotice}) and incident or maintenance events ({@link PageEvent}) in the order they are
     * sent. When resuming: the changes after the given id and the incidents and maintenances changed since a little
     * before it (their events are whole states, so one seen twice does no harm), then live events, without a gap and
     * without a duplicate change. Live events are buffered while the replay is read. One emitter, so the order seen
     * by the mapping is the order sent.
     */
    private Multi<Object> events(String after) {
        if (after == null) {
            return Multi.createBy().merging().streams(readModel.changes(config.clientBuffer()).map(Object.class::cast),
                    readModel.pageEvents(config.clientBuffer()).map(Object.class::cast));
        }
        return Multi.createFrom().emitter(emitter -> {
            Object lock = new Object();
            List<Object> pending = new ArrayList<>();
            String[] lastChange = {after};
            boolean[] replayed = {false};
            java.util.function.Consumer<Object> live = item -> {
                synchronized (lock) {
                    if (!replayed[0]) {
                        pending.add(item);
                    } else if (newChange(item, lastChange)) {
                        emitter.emit(item);
                    }
                }
            };
            Cancellable changes = readModel.changes(config.clientBuffer()).subscribe().with(live::accept,
                    emitter::fail, emitter::complete);
            Cancellable page = readModel.pageEvents(config.clientBuffer()).subscribe().with(live::accept,
                    emitter::fail, emitter::complete);
            emitter.onTermination(() -> {
                changes.cancel();
                page.cancel();
            });
            Instant since = Instant.ofEpochMilli(Math.max(0, StreamIds.millis(after))).minus(PAGE_REPLAY_SLACK);
            replay.after(after).flatMap(missed -> incidentChanges.changedSince(since)
                    // Without PostgreSQL the changes (from Redis) are still replayed; the page's incidents come with
                    // the client's next read of the status.
                    .onFailure().recoverWithItem(failure -> {
                        Log.warnf("Resuming a stream without the incidents changed meanwhile: %s",
                                failure.getMessage());
                        return List.of();
                    }).map(changed -> {
                        List<Object> all = new ArrayList<>(missed);
                        changed.stream().map(readModel::event).filter(Objects::nonNull).forEach(all::add);
                        return all;
                    })).subscribe().with(missed -> {
                synchronized (lock) {
                    for (Object item : missed) {
                        if (newChange(item, lastChange)) {
                            emitter.emit(item);
                        }
                    }
                    for (Object item : pending) {
                        if (newChange(item, lastChange)) {
                            emitter.emit(item);
                        }
                    }
                    pending.clear();
                    replayed[0] = true;
                }
            }, emitter::fail);
        });
    }

    /** True for every page event, and for a change newer than the last one sent (which it then becomes). */
    private static boolean newChange(Object item, String[] lastChange) {
        if (!(item instanceof LiveNotice notice)) {
            return true;
        }
        if (StreamIds.compare(notice.id(), lastChange[0]) <= 0) {
            return false;
        }
        lastChange[0] = notice.id();
        return true;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
