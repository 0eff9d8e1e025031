package io.herald.web.feed;

import io.herald.model.status.Incident;
import io.herald.web.cache.UpstreamPageCache;
import io.herald.web.cache.UpstreamPageCache.Page;
import io.herald.web.incident.IncidentList;
import io.herald.web.page.PageResponses;
import io.herald.web.view.StatusApiClient;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.herald.web.view.Wording;
import io.smallrye.mutiny.Uni;
import io.herald.web.problem.ProblemMapper;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Scheduled maintenance as an iCalendar (RFC 5545) that people subscribe to from their calendar: every upcoming,
 * active and recent maintenance (its window ended less than {@link #RECENT} ago) as a VEVENT, for the whole page, one
 * component, or one maintenance ("Add to calendar" on its page). Each event keeps its UID across changes; its
 * SEQUENCE is status-api's revision of the maintenance, raised on every change, so a calendar replaces the event
 * rather than adding one; a cancelled maintenance stays in the calendar as STATUS:CANCELLED, so that the calendars
 * that had it drop it. Times are in the page's time zone, with its VTIMEZONE. Built from status-api's list of
 * maintenances once per change, in the same page cache as the feeds.
 */
@Path("/")
@Singleton
public class CalendarResource {
    static final String CALENDAR = "text/calendar;charset=UTF-8";
    /** How long after its window a maintenance stays in the calendar. */
    static final Duration RECENT = Duration.ofDays(90);

    private final UpstreamPageCache cache;
    private final StatusApiClient client;
    private final StatusViewService views;

    public CalendarResource(UpstreamPageCache cache, StatusApiClient client, StatusViewService views) {
        this.cache = cache;
        this.client = client;
        this.views = views;
    }

    @GET
    @Path("maintenance.ics")
    @Produces("text/calendar")
    @Operation(summary = "iCalendar of the page's upcoming, active and recent maintenance (RFC 5545)")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "503", description = "status-api has not answered yet; Retry-After")
    public Uni<Response> page(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return calendar(Scope.PAGE, null, ifNoneMatch, acceptEncoding);
    }

    /** GET /components/{id}/maintenance.ics, served by the component's page resource, whose path it is under. */
    public Uni<Response> component(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        StatusView view = views.current();
        if (view != null && view.component(id) == null) {
            throw ProblemMapper.notFound("There is no such component on this page, so no calendar for it.");
        }
        return calendar(Scope.COMPONENT, id, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("maintenance/{id}/calendar.ics")
    @Produces("text/calendar")
    @Operation(summary = "One maintenance as an iCalendar event, to add to a calendar")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "404", description = "No such maintenance among the upcoming and recent ones")
    public Uni<Response> one(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return calendar(Scope.ONE, id, ifNoneMatch, acceptEncoding);
    }

    enum Scope { PAGE, COMPONENT, ONE }

    private Uni<Response> calendar(Scope scope, String id, String ifNoneMatch, String acceptEncoding) {
        StatusView view = views.current();
        if (view == null) {
            return Uni.createFrom().item(unavailable());
        }
        String key = "calendar:" + scope + ":" + id;
        return Uni.createFrom().completionStage(cache.page(key,
                        () -> client.fetch("/api/v1/maintenances", IncidentList.class),
                        list -> render(view, scope, id, list, Instant.now())))
                .map(page -> {
                    if (page.status() == 404) {
                        throw ProblemMapper.notFound("There is no such maintenance among the upcoming and recent "
                                + "ones.");
                    }
                    return PageResponses.respond(page, ifNoneMatch, acceptEncoding);
                })
                .onFailure(UpstreamPageCache.Unavailable.class).recoverWithItem(CalendarResource::unavailable);
    }

    static Page render(StatusView view, Scope scope, String id, IncidentList list, Instant now) {
        List<Incident> shown = (list == null ? List.<Incident>of() : list.items()).stream()
                .filter(Incident::isMaintenance)
                .filter(m -> switch (scope) {
                    case PAGE -> true;
                    case COMPONENT -> m.components() != null
                            && m.components().stream().anyMatch(c -> id.equals(c.id()));
                    case ONE -> id.equals(m.id());
                })
                .filter(m -> scope == Scope.ONE || recent(m, now))
                .collect(Collectors.toList());
        if (scope == Scope.ONE && shown.isEmpty()) {
            return PageResponses.page(404, "", MediaType.TEXT_PLAIN);
        }
        ZoneId zone = zone(view.timeZone());
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        String title = view.pageName() + ": maintenance" + switch (scope) {
            case PAGE -> "";
            case COMPONENT -> " – " + view.component(id).name();
            case ONE -> " – " + shown.get(0).name();
        };
        Calendar calendar = new Calendar()
                .add(new ProdId("-//Herald//Status page maintenance//EN"))
                .add(ImmutableVersion.VERSION_2_0)
                .add(ImmutableCalScale.GREGORIAN)
                .add(new Method("PUBLISH"))
                .add(new XProperty("X-WR-CALNAME", title))
                .add(new XProperty("X-WR-TIMEZONE", zone.getId()))
                // calendars that poll subscriptions take this as how often to look again
                .add(new XProperty("X-PUBLISHED-TTL", "PT15M"));
        var timeZone = registry.getTimeZone(zone.getId());
        if (timeZone != null) {
            calendar.add(timeZone.getVTimeZone());
        } else {
            zone = ZoneOffset.UTC;
        }
        String host = host(view.pageUrl());
        for (Incident m : shown) {
            calendar.add(event(view.pageUrl(), host, m, zone, now));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException | ValidationException e) {
            throw new IllegalStateException("cannot write the maintenance calendar", e);
        }
        return PageResponses.page(200, out.toString(), CALENDAR);
    }

    private static VEvent event(String pageUrl, String host, Incident m, ZoneId zone, Instant now) {
        Instant from = ViewAssembler.instant(m.scheduledFor());
        Instant until = ViewAssembler.instant(m.scheduledUntil());
        if (until == null || (from != null && !until.isAfter(from))) {
            until = from == null ? null : from.plus(Duration.ofHours(1));
        }
        ZonedDateTime start = (from == null ? now : from).atZone(zone);
        ZonedDateTime end = (until == null ? now.plus(Duration.ofHours(1)) : until).atZone(zone);
        boolean cancelled = m.cancelledAt() != null;
        String link = pageUrl + "/maintenance/" + m.id();
        Instant changed = Objects.requireNonNullElse(ViewAssembler.instant(m.updatedAt()),
                Objects.requireNonNullElse(ViewAssembler.instant(m.createdAt()), now));
        VEvent event = new VEvent(start, end, (cancelled ? "Cancelled: " : "") + m.name());
        event.add(new Uid("maintenance-" + m.id() + "@" + host))
                .add(new Sequence(m.revision() == null ? 0 : m.revision()))
                .add(new DtStamp(changed))
                .add(new LastModified(changed))
                .add(cancelled ? new Status(Status.VALUE_CANCELLED) : new Status(Status.VALUE_CONFIRMED))
                .add(new Description(description(m, link)));
        URI uri = uri(link);
        if (uri != null) {
            event.add(new Url(uri));
        }
        return event;
    }

    private static String description(Incident m, String link) {
        StringBuilder text = new StringBuilder();
        if (m.components() != null && !m.components().isEmpty()) {
            text.append("Affects: ").append(m.components().stream().map(c -> c.name()).filter(Objects::nonNull)
                    .collect(Collectors.joining(", "))).append("\n");
        }
        if (m.incidentUpdates() != null && !m.incidentUpdates().isEmpty()) {
            var latest = m.incidentUpdates().get(0);
            text.append(Wording.ENGLISH.incidentStatus(latest.status())).append(": ")
                    .append(latest.body() == null ? "" : latest.body()).append("\n");
        }
        return text.append(link).toString();
    }

    /** Upcoming, active, or ended less than {@link #RECENT} ago. */
    private static boolean recent(Incident m, Instant now) {
        Instant end = ViewAssembler.instant(m.cancelledAt() != null ? m.cancelledAt()
                : m.resolvedAt() != null ? m.resolvedAt() : m.scheduledUntil());
        return end == null || end.isAfter(now.minus(RECENT));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static String host(String pageUrl) {
        URI uri = uri(pageUrl);
        return uri != null && uri.getHost() != null ? uri.getHost() : "herald";
    }

    private static URI uri(String text) {
        try {
            return text == null ? null : URI.create(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Response unavailable() {
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).type(MediaType.TEXT_PLAIN + ";charset=UTF-8")
                .entity("The maintenance calendar is not available yet; try again in a few seconds.").build();
    }
}
