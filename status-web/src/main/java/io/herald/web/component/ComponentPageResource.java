package io.herald.web.component;

import io.herald.web.UrlEncoding;
import io.herald.model.ComponentStatus;
import io.herald.model.catalog.CheckDef;
import io.herald.model.problem.Problem;
import io.herald.model.problem.ProblemException;
import io.herald.web.problem.ProblemMapper;
import io.herald.web.cache.UpstreamPageCache;
import io.herald.web.feed.CalendarResource;
import io.herald.web.page.PageResponses;
import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusApiClient;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.herald.web.view.Wording;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A component's page: status, uptime over five windows, a server-drawn response-time chart, recent changes. */
@Path("/components/{id}")
public class ComponentPageResource {
    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    static final List<String> UPTIME_WINDOWS = List.of("24h", "7d", "30d", "90d", "365d");
    static final List<String> CHART_WINDOW_ORDER = List.of("24h", "7d", "30d", "90d");
    static final Map<String, Duration> CHART_WINDOWS = Map.of("24h", Duration.ofHours(24), "7d", Duration.ofDays(7),
            "30d", Duration.ofDays(30), "90d", Duration.ofDays(90));

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance component(SiteView site, ComponentView component, List<UptimeFigure> uptimes,
                List<CheckChart> charts, List<String> windows, String window, List<ChangeRow> changes);
    }

    public record UptimeFigure(String window, String percent) {
    }

    public record CheckChart(String id, String name, LatencyChart.Chart chart) {
    }

    public record ChangeRow(io.herald.web.view.Stamp at, String from, String to, String detail) {
    }

    /** The page's inputs: what the view says of the component now, and what status-api said of its past. */
    record Snapshot(ComponentView component, ComponentData data) {
    }

    private final UpstreamPageCache cache;
    private final StatusApiClient client;
    private final StatusViewService views;
    private final CatalogChecks checks;
    private final CalendarResource calendar;

    ComponentPageResource(UpstreamPageCache cache, StatusApiClient client, StatusViewService views,
            CatalogChecks checks, CalendarResource calendar) {
        this.cache = cache;
        this.client = client;
        this.views = views;
        this.checks = checks;
        this.calendar = calendar;
    }

    @GET
    @Path("maintenance.ics")
    @Produces("text/calendar")
    @Operation(summary = "iCalendar (RFC 5545) of the upcoming, active and recent maintenance that affects the component")
    @APIResponse(responseCode = "200", description = "text/calendar")
    @APIResponse(responseCode = "404", description = "No such component")
    public Uni<Response> maintenanceCalendar(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return calendar.component(id, ifNoneMatch, acceptEncoding);
    }

    @GET
    // JSON too, so that a program asking for JSON is told what is wrong with its window as problem+json.
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "A component: status, uptime over 24 h to 365 d, response-time chart (p50, p95), changes")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "A window other than 24h, 7d, 30d or 90d: a page in words, or "
            + "problem+json bad-window when Accept asks for JSON")
    @APIResponse(responseCode = "404", description = "No such component")
    public Uni<Response> component(@PathParam("id") String id,
            @Parameter(description = "Chart window: 24h (default), 7d, 30d or 90d") @QueryParam("window") String window,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "en or fr; overrides Accept-Language") @QueryParam("lang") String lang) {
        String chartWindow = window == null || window.isEmpty() ? "24h" : window;
        if (!CHART_WINDOWS.containsKey(chartWindow)) {
            throw ProblemException.badParameter("window", "Bad window",
                    "The chart window is one of 24h, 7d, 30d or 90d.");
        }
        Language language = Language.choose(lang, acceptLanguage);
        StatusView view = views.current(language);
        if (view == null) {
            return Uni.createFrom().item(Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).build());
        }
        ComponentView component = view.component(id);
        if (component == null) {
            throw ProblemMapper.notFound("There is no such component on this page.");
        }
        // after the look-up: a program asking for JSON about no component is told so (404), not only 406
        ProblemMapper.requirePage(accept);
        SiteView site = SiteView.of(view);
        ZoneId zone = ZoneId.of(view.timeZone());
        String key = "component:" + id + ":" + chartWindow + ":" + language.tag();
        return Uni.createFrom().completionStage(cache.page(key,
                () -> fetch(id, chartWindow).map(data -> new Snapshot(component, data)),
                snapshot -> PageResponses.page(200, render(site, snapshot, chartWindow, zone, language), HTML_UTF8)))
                .map(page -> PageResponses.respond(page, ifNoneMatch, acceptEncoding));
    }

    private Future<ComponentData> fetch(String id, String chartWindow) {
        String path = "/api/v1/components/" + UrlEncoding.pathSegment(id);
        List<Future<ComponentData.Uptime>> uptimes = new ArrayList<>();
        for (String w : UPTIME_WINDOWS) {
            uptimes.add(optional(client.fetch(path + "/uptime?window=" + w, ComponentData.Uptime.class)));
        }
        Future<ComponentData.History> history = optional(client.fetch(path + "/history?limit=20",
                ComponentData.History.class));
        List<Future<ComponentData.Latency>> latencies = new ArrayList<>();
        for (CheckDef check : checks.probed(id)) {
            latencies.add(optional(client.fetch("/api/v1/checks/" + UrlEncoding.pathSegment(check.id())
                    + "/latency?window=" + chartWindow, ComponentData.Latency.class)));
        }
        List<Future<?>> all = new ArrayList<>(uptimes);
        all.add(history);
        all.addAll(latencies);
        return Future.all(all).map(done -> new ComponentData(
                uptimes.stream().map(Future::result).toList(),
                history.result(),
                latencies.stream().map(Future::result).toList()));
    }

    /** A part status-api cannot give (yet) leaves a gap on the page rather than failing it. */
    private static <T> Future<T> optional(Future<T> future) {
        return future.otherwise((T) null);
    }

    private String render(SiteView site, Snapshot snapshot, String chartWindow, ZoneId zone, Language language) {
        Wording words = language.wording();
        ComponentData data = snapshot.data();
        List<UptimeFigure> uptimes = new ArrayList<>();
        for (int i = 0; i < UPTIME_WINDOWS.size(); i++) {
            ComponentData.Uptime uptime = data.uptimes().get(i);
            uptimes.add(new UptimeFigure(UPTIME_WINDOWS.get(i),
                    uptime == null || uptime.uptimePercent() == null ? "–" : words.percent(uptime.uptimePercent())));
        }
        List<CheckChart> charts = new ArrayList<>();
        List<CheckDef> probed = checks.probed(snapshot.component().id());
        Instant to = Instant.now();
        Instant from = to.minus(CHART_WINDOWS.get(chartWindow));
        for (int i = 0; i < probed.size() && i < data.latencies().size(); i++) {
            ComponentData.Latency latency = data.latencies().get(i);
            List<LatencyChart.Sample> samples = new ArrayList<>();
            if (latency != null && latency.points() != null) {
                for (ComponentData.Point point : latency.points()) {
                    Instant at = ViewAssembler.instant(point.at());
                    if (at != null && point.p50() != null && point.p95() != null) {
                        samples.add(new LatencyChart.Sample(at, point.p50(), point.p95()));
                        from = at.isBefore(from) ? at : from;
                    }
                }
            }
            CheckDef check = probed.get(i);
            charts.add(new CheckChart(check.id(), check.name() == null ? check.id() : check.name(),
                    LatencyChart.of(samples, from, to, zone, language.locale())));
        }
        List<ChangeRow> changes = new ArrayList<>();
        if (data.history() != null && data.history().changes() != null) {
            for (ComponentData.Change change : data.history().changes()) {
                changes.add(new ChangeRow(ViewAssembler.stamp(ViewAssembler.instant(change.at()), zone, words),
                        statusWords(change.from(), words), statusWords(change.to(), words), change.detail()));
            }
        }
        return Templates.component(site, snapshot.component(), uptimes, charts, CHART_WINDOW_ORDER, chartWindow, changes)
                .setAttribute(TemplateInstance.LOCALE, language.locale()).render();
    }

    private static String statusWords(String wire, Wording words) {
        return wire == null ? "–" : ComponentStatus.parse(wire).map(words::words).orElse(wire);
    }
}
