package io.herald.web.feed;

import io.herald.web.cache.UpstreamPageCache;
import io.herald.web.cache.UpstreamPageCache.Page;
import io.herald.web.incident.IncidentList;
import io.herald.web.page.PageResponses;
import io.herald.web.view.Language;
import io.herald.web.view.StatusApiClient;
import io.herald.model.status.Incident;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.herald.web.problem.ProblemMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Atom and RSS feeds of incidents and of maintenance, for the whole page or one component. Built from
 * status-api's lists once per change (the same in-memory page cache as the incident pages).
 */
@Path("/feeds")
public class FeedResource {
    static final String ATOM = "application/atom+xml;charset=UTF-8";
    static final String RSS = "application/rss+xml;charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance atom(String title, String selfUrl, String pageUrl, String updated,
                List<FeedEntry> entries);

        static native TemplateInstance rss(String title, String selfUrl, String pageUrl, String updated,
                List<FeedEntry> entries);
    }

    /**
     * @param updated RFC 3339 (Atom); updatedRfc822 the same for RSS
     * @param text    the newest update in words: "Identified: a change at the mail provider ..."
     */
    public record FeedEntry(String id, String title, String link, String updated, String updatedRfc822,
            String published, String text) {
    }

    private final UpstreamPageCache cache;
    private final StatusApiClient client;
    private final StatusViewService views;

    FeedResource(UpstreamPageCache cache, StatusApiClient client, StatusViewService views) {
        this.cache = cache;
        this.client = client;
        this.views = views;
    }

    @GET
    @Path("incidents.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom feed of the page's incidents (newest first, each entry = its latest update)")
    @APIResponse(responseCode = "200", description = "Atom 1.0")
    public Uni<Response> incidentsAtom(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return feed(Kind.INCIDENTS, null, true, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("incidents.rss")
    @Produces("application/rss+xml")
    @Operation(summary = "RSS 2.0 feed of the page's incidents")
    @APIResponse(responseCode = "200", description = "RSS 2.0")
    public Uni<Response> incidentsRss(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return feed(Kind.INCIDENTS, null, false, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("maintenance.atom")
    @Produces("application/atom+xml")
    @Operation(summary = "Atom feed of scheduled maintenance")
    @APIResponse(responseCode = "200", description = "Atom 1.0")
    public Uni<Response> maintenanceAtom(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return feed(Kind.MAINTENANCE, null, true, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("maintenance.rss")
    @Produces("application/rss+xml")
    @Operation(summary = "RSS 2.0 feed of scheduled maintenance")
    @APIResponse(responseCode = "200", description = "RSS 2.0")
    public Uni<Response> maintenanceRss(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return feed(Kind.MAINTENANCE, null, false, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("components/{id}/{kind:incidents|maintenance}.{format:atom|rss}")
    @Produces({"application/atom+xml", "application/rss+xml"})
    @Operation(summary = "Atom or RSS feed of the incidents or maintenance that affect one component")
    @APIResponse(responseCode = "200", description = "Atom 1.0 or RSS 2.0")
    @APIResponse(responseCode = "404", description = "No such component")
    public Uni<Response> component(@PathParam("id") String id, @PathParam("kind") String kind,
            @PathParam("format") String format, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        StatusView view = views.current();
        if (view != null && view.component(id) == null) {
            throw ProblemMapper.notFound("There is no such component on this page, so no feed for it.");
        }
        return feed(kind.equals("incidents") ? Kind.INCIDENTS : Kind.MAINTENANCE, id, format.equals("atom"),
                ifNoneMatch, acceptEncoding);
    }

    enum Kind {
        INCIDENTS("/api/v1/incidents?limit=50", "incidents", "Incidents", "/incidents/"),
        MAINTENANCE("/api/v1/maintenances", "maintenance", "Maintenance", "/maintenance/");

        final String api;
        final String file;
        final String words;
        final String pagePath;

        Kind(String api, String file, String words, String pagePath) {
            this.api = api;
            this.file = file;
            this.words = words;
            this.pagePath = pagePath;
        }
    }

    private Uni<Response> feed(Kind kind, String componentId, boolean atom, String ifNoneMatch, String acceptEncoding) {
        StatusView view = views.current();
        if (view == null) {
            return Uni.createFrom().item(Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).build());
        }
        String key = "feed:" + kind + ":" + componentId + ":" + atom;
        return Uni.createFrom().completionStage(cache.page(key, () -> client.fetch(kind.api, IncidentList.class),
                list -> render(view, kind, componentId, atom, list)))
                .map(page -> PageResponses.respond(page, ifNoneMatch, acceptEncoding))
                // status-api cannot give the list now and it was never fetched: try again, as before the first view.
                .onFailure(UpstreamPageCache.Unavailable.class)
                .recoverWithItem(() -> Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).build());
    }

    private Page render(StatusView view, Kind kind, String componentId, boolean atom, IncidentList list) {
        String base = view.pageUrl();
        List<FeedEntry> entries = new ArrayList<>();
        Instant newest = null;
        for (Incident incident : list == null ? List.<Incident>of() : list.items()) {
            if (componentId != null && (incident.components() == null
                    || incident.components().stream().noneMatch(c -> componentId.equals(c.id())))) {
                continue;
            }
            Instant updated = first(ViewAssembler.instant(incident.updatedAt()), ViewAssembler.instant(incident.createdAt()));
            Instant published = first(ViewAssembler.instant(incident.createdAt()), updated);
            if (updated == null) {
                continue;
            }
            newest = newest == null || updated.isAfter(newest) ? updated : newest;
            String text = "";
            if (incident.incidentUpdates() != null && !incident.incidentUpdates().isEmpty()) {
                var latest = incident.incidentUpdates().get(0);
                text = io.herald.web.view.Wording.ENGLISH.incidentStatus(latest.status()) + ": "
                        + (latest.body() == null ? "" : latest.body());
            }
            String link = base + kind.pagePath + incident.id();
            entries.add(new FeedEntry(link, incident.name(), link, updated.toString(),
                    DateTimeFormatter.RFC_1123_DATE_TIME.format(updated.atOffset(ZoneOffset.UTC)),
                    published.toString(), text));
        }
        String component = componentId == null ? "" : " – " + view.component(componentId).name();
        String title = view.pageName() + ": " + kind.words + component;
        String self = base + "/feeds/" + (componentId == null ? "" : "components/" + componentId + "/") + kind.file
                + (atom ? ".atom" : ".rss");
        Instant feedUpdated = newest != null ? newest : Instant.EPOCH;
        String body = atom
                ? Templates.atom(title, self, base + "/", feedUpdated.toString(), entries).render()
                : Templates.rss(title, self, base + "/",
                        DateTimeFormatter.RFC_1123_DATE_TIME.format(feedUpdated.atOffset(ZoneOffset.UTC)), entries).render();
        return PageResponses.page(200, body, atom ? ATOM : RSS);
    }

    private static Instant first(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
