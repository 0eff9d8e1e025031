package io.herald.web.incident;

import io.herald.web.UrlEncoding;
import io.herald.web.WebConfig;
import io.herald.web.cache.UpstreamPageCache;
import io.herald.web.cache.UpstreamPageCache.Page;
import io.herald.web.page.PageResponses;
import io.herald.web.view.IncidentViews;
import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusApiClient;
import io.herald.model.problem.Problem;
import io.herald.model.status.Incident;
import io.herald.web.problem.ProblemMapper;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusView.IncidentView;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An incident's page, a maintenance's page and the incident history by month, served from rendered bytes. */
@Path("/")
public class IncidentPageResource {
    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance incident(SiteView site, IncidentView incident, boolean maintenance);

        /**
         * @param keptAt        when the incidents shown were fetched, for a copy kept while status-api fails; else null
         * @param currentStatus the banner as the live view has it, for the page saying the history cannot be had now;
         *                      else null
         */
        static native TemplateInstance history(SiteView site, String monthWords, List<IncidentView> incidents,
                String previous, String next, String keptAt, String currentStatus);

        static native TemplateInstance unavailablePage(SiteView site, String currentStatus);

        static native TemplateInstance notFound(SiteView site);
    }

    private final UpstreamPageCache cache;
    private final StatusApiClient client;
    private final StatusViewService views;
    private final WebConfig config;
    private final Clock clock = Clock.systemUTC();

    IncidentPageResource(UpstreamPageCache cache, StatusApiClient client, StatusViewService views, WebConfig config) {
        this.cache = cache;
        this.client = client;
        this.views = views;
        this.config = config;
    }

    @GET
    @Path("incidents/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "An incident: its timeline (newest first), affected components and duration")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No such incident")
    @APIResponse(responseCode = "503", description = "status-api cannot give it now and it was never fetched: a page "
            + "in words with the current status, and Retry-After")
    public Uni<Response> incident(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "en or fr; overrides Accept-Language") @QueryParam("lang") String lang) {
        return one("/api/v1/incidents/", id, false, ifNoneMatch, acceptEncoding, acceptLanguage, lang);
    }

    @GET
    @Path("maintenance/{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A scheduled maintenance: its window, updates and affected components")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No such maintenance")
    @APIResponse(responseCode = "503", description = "status-api cannot give it now and it was never fetched: a page "
            + "in words with the current status, and Retry-After")
    public Uni<Response> maintenance(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "en or fr; overrides Accept-Language") @QueryParam("lang") String lang) {
        return one("/api/v1/maintenances/", id, true, ifNoneMatch, acceptEncoding, acceptLanguage, lang);
    }

    @GET
    @Path("history")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The incidents of the current month (in the page's time zone)")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "503", description = "status-api cannot give this month now and it was never fetched: "
            + "a page in words with the current status, and Retry-After")
    public Uni<Response> history(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "en or fr; overrides Accept-Language") @QueryParam("lang") String lang) {
        return month(null, ifNoneMatch, acceptEncoding, acceptLanguage, null, lang);
    }

    @GET
    @Path("history/{month}")
    // JSON too, so that a program asking for JSON is told what is wrong with its month as problem+json.
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "The incidents of one month, such as 2026-11 (in the page's time zone)")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "400", description = "Not a month from 1970-01 to 9999-12 (yyyy-MM): a page in words, "
            + "or problem+json bad-month when Accept asks for JSON")
    @APIResponse(responseCode = "503", description = "status-api cannot give this month now and it was never fetched: "
            + "a page in words with the current status, and Retry-After")
    public Uni<Response> month(@PathParam("month") String month,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @Parameter(description = "en or fr; overrides Accept-Language") @QueryParam("lang") String lang) {
        YearMonth asked = month == null ? null : HistoryMonth.parse(month);
        ProblemMapper.requirePage(accept);
        Language language = Language.choose(lang, acceptLanguage);
        StatusView view = views.current(language);
        if (view == null) {
            return Uni.createFrom().item(unavailable());
        }
        SiteView site = SiteView.of(view);
        ZoneId zone = ZoneId.of(view.timeZone());
        YearMonth ym = asked != null ? asked : YearMonth.now(clock.withZone(zone));
        String key = "history:" + ym + ":" + language.tag();
        String words = DateTimeFormatter.ofPattern("LLLL yyyy", language.locale()).format(ym);
        BiFunction<IncidentList, String, Page> render = (list, keptAt) -> {
            List<IncidentView> incidents = list == null ? List.of()
                    : IncidentViews.of(list.items(), zone, language.wording());
            return PageResponses.page(200, Templates.history(site, words, incidents, HistoryMonth.previous(ym),
                    HistoryMonth.next(ym), keptAt, null)
                    .setAttribute(TemplateInstance.LOCALE, language.locale()).render(), HTML_UTF8);
        };
        return Uni.createFrom().completionStage(cache.page(key,
                () -> client.fetch("/api/v1/incidents?limit=500&month=" + ym, IncidentList.class),
                list -> render.apply(list, null),
                (list, fetchedAt) -> render.apply(list,
                        ViewAssembler.stamp(fetchedAt, zone, language.wording()).text())))
                .map(page -> PageResponses.respond(page, ifNoneMatch, acceptEncoding))
                .onFailure(UpstreamPageCache.Unavailable.class).recoverWithItem(() -> notNow(
                        Templates.history(site, words, List.of(), HistoryMonth.previous(ym), HistoryMonth.next(ym),
                                null, view.banner()), language));
    }

    private Uni<Response> one(String apiPath, String id, boolean maintenance, String ifNoneMatch, String acceptEncoding,
            String acceptLanguage, String lang) {
        Language language = Language.choose(lang, acceptLanguage);
        StatusView view = views.current(language);
        if (view == null) {
            return Uni.createFrom().item(unavailable());
        }
        SiteView site = SiteView.of(view);
        ZoneId zone = ZoneId.of(view.timeZone());
        String key = apiPath + id + ":" + language.tag();
        Function<Incident, Page> render = incident -> incident == null ? notFound(site)
                : PageResponses.page(200, Templates.incident(site, IncidentViews.of(incident, zone, language.wording()),
                        maintenance).setAttribute(TemplateInstance.LOCALE, language.locale()).render(), HTML_UTF8);
        return Uni.createFrom().completionStage(cache.page(key,
                () -> client.fetch(apiPath + UrlEncoding.pathSegment(id), Incident.class), render))
                .map(page -> PageResponses.respond(page, ifNoneMatch, acceptEncoding))
                .onFailure(UpstreamPageCache.Unavailable.class)
                .recoverWithItem(() -> notNow(Templates.unavailablePage(site, view.banner()), language));
    }

    /** status-api cannot give a page's data now and none was ever fetched: 503 in words, never kept by a cache. */
    private Response notNow(TemplateInstance page, Language language) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, config.pageRefreshSeconds())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header(HttpHeaders.VARY, PageResponses.VARY)
                .type(HTML_UTF8)
                .entity(page.setAttribute(TemplateInstance.LOCALE, language.locale()).render())
                .build();
    }

    private static Page notFound(SiteView site) {
        return PageResponses.page(404, Templates.notFound(site)
                .setAttribute(TemplateInstance.LOCALE, Language.ofTag(site.lang()).locale()).render(), HTML_UTF8);
    }

    private static Response unavailable() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, 5)
                .type(MediaType.TEXT_PLAIN).entity("The status is not available yet.").build();
    }
}
