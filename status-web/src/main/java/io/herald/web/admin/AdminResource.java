package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.model.ComponentStatus;
import io.herald.model.status.Incident;
import io.herald.model.status.StatuspageV2;
import io.herald.web.admin.AdminApiClient.Answer;
import io.herald.web.admin.AdminSessions.Session;
import io.herald.web.view.IncidentViews;
import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusView.IncidentView;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operators' pages. Every action is a plain HTML form (no script needed) carrying the session's CSRF token;
 * the work is done by status-api's admin API with the operator's own bearer token, so status-api decides who may
 * do what and writes the audit log.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminResource {
    static final List<String> INCIDENT_STATUSES = List.of("investigating", "identified", "monitoring", "resolved");
    static final List<String> IMPACTS = List.of("none", "minor", "major", "critical");
    static final Set<String> MESSAGES = Set.of("incident-posted", "update-posted", "incident-resolved",
            "maintenance-scheduled", "override-set", "override-cleared", "logged-out");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SiteView site, Session session, List<IncidentView> incidents,
                List<ComponentView> components, List<Choice> incidentStatuses, List<Choice> impacts,
                List<Choice> componentStatuses, List<TemplateChoice> templates, IncidentForm form,
                IncidentView preview, String message, String error);

        static native TemplateInstance audit(SiteView site, Session session, List<AuditRow> entries, String older,
                String error);
    }

    public record Choice(String value, String words) {
    }

    public record TemplateChoice(String id, String name) {
    }

    /** What the operator typed in the new-incident form, kept when the page is shown again (preview, error). */
    public record IncidentForm(String name, String status, String impact, String body, Map<String, String> components,
            boolean deliverNotifications) {
        static IncidentForm empty() {
            return new IncidentForm("", "investigating", "minor", "", Map.of(), true);
        }

        public String componentStatus(String id) {
            return components.getOrDefault(id, "");
        }
    }

    public record AuditRow(String id, io.herald.web.view.Stamp at, String actor, String action, String target,
            String before, String after) {
    }

    private final AdminSessions sessions;
    private final AdminAccess access;
    private final AdminApiClient api;
    private final StatusViewService views;

    AdminResource(AdminSessions sessions, AdminAccess access, AdminApiClient api, StatusViewService views) {
        this.sessions = sessions;
        this.access = access;
        this.api = api;
        this.views = views;
    }

    // ---- logout (login: LoginResource) ------------------------------------------------------------------

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Log out: ends the session here and at status-api")
    public Uni<Response> logout(MultivaluedMap<String, String> form, @CookieParam(AdminSessions.COOKIE) String token,
            @Context UriInfo uri) {
        if (token == null || token.isEmpty()) {
            return Uni.createFrom().item(AdminAccess.toLogin());
        }
        if (!AdminSessions.csrfMatches(token, first(form, "csrf"))) {
            return Uni.createFrom().item(AdminAccess.forbidden());
        }
        // revoked at status-api, so the cookie stops working on every replica, not only here
        return sessions.revoke(token).map(ignored -> Response.seeOther(URI.create("/admin/login"))
                .cookie(access.clearSessionCookie(uri)).header(HttpHeaders.CACHE_CONTROL, "no-store").build());
    }

    // ---- dashboard and incidents ------------------------------------------------------------------------

    @GET
    @Operation(summary = "The operators' dashboard: incidents, maintenance, overrides")
    public Uni<Response> dashboard(@CookieParam(AdminSessions.COOKIE) String token, @QueryParam("done") String done,
            @QueryParam("template") String template) {
        return access.page(token, session -> templates(session).map(templates -> {
            IncidentForm form = IncidentForm.empty();
            if (template != null) {
                for (JsonNode t : templates.raw) {
                    if (template.equals(t.path("id").asText())) {
                        form = new IncidentForm(t.path("name").asText(t.path("title").asText("")),
                                t.path("status").asText("investigating"), t.path("impact").asText("minor"),
                                t.path("body").asText(""), Map.of(), true);
                    }
                }
            }
            return dashboardPage(200, session, templates.choices, form, null, done != null && MESSAGES.contains(done) ? done : null,
                    templates.error);
        }));
    }

    @POST
    @Path("incidents")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Preview or post a new incident")
    public Uni<Response> postIncident(MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String token) {
        return access.form(token, form, session -> postIncident(session, form));
    }

    private Uni<Response> postIncident(Session session, MultivaluedMap<String, String> form) {
        IncidentForm incident = incidentForm(form);
        if ("preview".equals(first(form, "action"))) {
            return templates(session).map(t -> dashboardPage(200, session, t.choices, incident, preview(incident),
                    null, null));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", incident.name());
        body.put("status", incident.status());
        body.put("impact", incident.impact());
        body.put("body", incident.body());
        body.put("components", incident.components());
        body.put("deliver_notifications", incident.deliverNotifications());
        return uni(api.call(HttpMethod.POST, "/api/v1/admin/incidents", session.token(), body))
                .flatMap(answer -> answer.ok() ? Uni.createFrom().item(doneResponse("incident-posted"))
                        : templates(session).map(t -> dashboardPage(answer.status() == 401 ? 401 : 422, session,
                                t.choices, incident, null, null, answer.problem())));
    }

    @POST
    @Path("incidents/{incident}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Post an update to an incident")
    public Uni<Response> postUpdate(@PathParam("incident") String incident, MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String id) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", first(form, "status"));
        body.put("body", first(form, "body"));
        return act(id, form, HttpMethod.POST, "/api/v1/admin/incidents/" + encode(incident) + "/updates", body,
                "update-posted");
    }

    @POST
    @Path("incidents/{incident}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Resolve an incident")
    public Uni<Response> resolve(@PathParam("incident") String incident, MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String id) {
        String text = first(form, "body");
        return act(id, form, HttpMethod.POST, "/api/v1/admin/incidents/" + encode(incident) + "/resolve",
                text.isBlank() ? Map.of() : Map.of("body", text), "incident-resolved");
    }

    // ---- maintenance and overrides ----------------------------------------------------------------------

    @POST
    @Path("maintenances")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Schedule a maintenance")
    public Uni<Response> scheduleMaintenance(MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String id) {
        ZoneId zone = zone();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", first(form, "name"));
        body.put("body", first(form, "body"));
        body.put("scheduled_for", instant(first(form, "scheduled_for"), zone));
        body.put("scheduled_until", instant(first(form, "scheduled_until"), zone));
        body.put("components", form.getOrDefault("components", List.of()));
        body.put("auto_transition", "on".equals(first(form, "auto_transition")));
        return act(id, form, HttpMethod.POST, "/api/v1/admin/maintenances", body, "maintenance-scheduled");
    }

    @POST
    @Path("overrides")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Override a component's status, or clear the override")
    public Uni<Response> override(MultivaluedMap<String, String> form, @CookieParam(AdminSessions.COOKIE) String id) {
        String path = "/api/v1/admin/components/" + encode(first(form, "component")) + "/override";
        if ("clear".equals(first(form, "action"))) {
            return act(id, form, HttpMethod.DELETE, path, null, "override-cleared");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", first(form, "status"));
        String until = first(form, "until");
        body.put("until", until.isBlank() ? null : instant(until, zone()));
        body.put("reason", first(form, "reason"));
        return act(id, form, HttpMethod.PUT, path, body, "override-set");
    }

    @GET
    @Path("audit")
    @Operation(summary = "The audit log, newest first")
    public Uni<Response> audit(@CookieParam(AdminSessions.COOKIE) String token, @QueryParam("before") String before) {
        return access.page(token, session -> auditPage(session, before));
    }

    private Uni<Response> auditPage(Session session, String before) {
        String path = "/api/v1/admin/audit?limit=50" + (before == null ? "" : "&before=" + encode(before));
        ZoneId zone = zone();
        return uni(api.call(HttpMethod.GET, path, session.token(), null)).map(answer -> {
            List<AuditRow> rows = new ArrayList<>();
            if (answer.ok() && answer.body() != null) {
                for (JsonNode e : answer.body().path("entries")) {
                    rows.add(new AuditRow(e.path("id").asText(),
                            ViewAssembler.stamp(ViewAssembler.instant(e.path("at").asText(null)), zone,
                                    Language.EN.wording()),
                            e.path("actor").asText(""), e.path("action").asText(""), e.path("target").asText(""),
                            compact(e.path("before")), compact(e.path("after"))));
                }
            }
            String older = rows.size() == 50 ? rows.get(rows.size() - 1).id() : null;
            return html(answer.ok() ? 200 : answer.status(), Templates.audit(site(), session, rows, older,
                    answer.ok() ? null : answer.problem())).build();
        });
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Uni<Response> act(String token, MultivaluedMap<String, String> form, HttpMethod method, String path,
            Object body, String done) {
        return access.form(token, form, session -> uni(api.call(method, path, session.token(), body))
                .flatMap(answer -> answer.ok()
                        ? Uni.createFrom().item(doneResponse(done))
                        : templates(session).map(t -> dashboardPage(answer.status() == 401 ? 401 : 422, session,
                                t.choices, IncidentForm.empty(), null, null, answer.problem()))));
    }

    private record Templates_(List<TemplateChoice> choices, List<JsonNode> raw, String error) {
    }

    private Uni<Templates_> templates(Session session) {
        return uni(api.call(HttpMethod.GET, "/api/v1/admin/incident-templates", session.token(), null))
                .onFailure().recoverWithItem(new Answer(0, null))
                .map(answer -> {
                    List<TemplateChoice> choices = new ArrayList<>();
                    List<JsonNode> raw = new ArrayList<>();
                    JsonNode list = answer.body() == null ? null
                            : answer.body().isArray() ? answer.body() : answer.body().path("templates");
                    if (answer.ok() && list != null) {
                        for (JsonNode t : list) {
                            raw.add(t);
                            choices.add(new TemplateChoice(t.path("id").asText(),
                                    t.path("name").asText(t.path("title").asText(""))));
                        }
                    }
                    return new Templates_(choices, raw, null);
                });
    }

    private Response dashboardPage(int status, Session session, List<TemplateChoice> templates, IncidentForm form,
            IncidentView preview, String message, String error) {
        StatusView view = views.current();
        List<IncidentView> incidents = view == null ? List.of() : view.incidents();
        List<ComponentView> components = new ArrayList<>();
        if (view != null) {
            view.services().forEach(s -> components.addAll(s.components()));
        }
        List<Choice> incidentStatuses = INCIDENT_STATUSES.stream()
                .map(s -> new Choice(s, Language.EN.wording().incidentStatus(s))).toList();
        List<Choice> impacts = IMPACTS.stream().map(s -> new Choice(s, Language.EN.wording().impact(s))).toList();
        List<Choice> componentStatuses = java.util.Arrays.stream(ComponentStatus.values())
                .map(s -> new Choice(s.wire(), Language.EN.wording().words(s))).toList();
        return html(status, Templates.dashboard(site(), session, incidents, components, incidentStatuses, impacts,
                componentStatuses, templates, form, preview, message, error)).build();
    }

    private IncidentView preview(IncidentForm form) {
        List<StatuspageV2.Component> affected = new ArrayList<>();
        StatusView view = views.current();
        form.components().forEach((componentId, status) -> {
            ComponentView component = view == null ? null : view.component(componentId);
            affected.add(new StatuspageV2.Component(componentId, component == null ? componentId : component.name(),
                    ComponentStatus.parse(status).orElse(null), null, null, 0, null, false, null, null, null, false,
                    false, null));
        });
        String now = java.time.Instant.now().toString();
        Incident incident = new Incident("preview", form.name(), form.status(), now, now, null, null, form.impact(),
                null, now, null, List.of(new Incident.Update("preview", form.status(), form.body(), "preview", now, now,
                        now, null, form.deliverNotifications(), null, null)),
                affected, null, null, false, false);
        return IncidentViews.of(incident, zone(), Language.EN.wording());
    }

    private static IncidentForm incidentForm(MultivaluedMap<String, String> form) {
        Map<String, String> components = new LinkedHashMap<>();
        form.forEach((key, values) -> {
            if (key.startsWith("component_") && !values.isEmpty() && ComponentStatus.parse(values.get(0)).isPresent()) {
                components.put(key.substring("component_".length()), values.get(0));
            }
        });
        return new IncidentForm(first(form, "name"), first(form, "status"), first(form, "impact"), first(form, "body"),
                components, "on".equals(first(form, "deliver_notifications")));
    }

    private SiteView site() {
        StatusView view = views.current();
        return view == null ? new SiteView("Herald", "en", "UTC") : SiteView.of(view);
    }

    private ZoneId zone() {
        return ZoneId.of(site().timeZone());
    }

    /** A datetime-local value ("2026-11-28T20:00") in the page's time zone, as an ISO instant; else as typed. */
    static String instant(String local, ZoneId zone) {
        try {
            return LocalDateTime.parse(local).atZone(zone).toInstant().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    private static String compact(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.isTextual() ? node.asText()
                : node.toString();
    }

    private static String first(MultivaluedMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null ? "" : value.strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static <T> Uni<T> uni(Future<T> future) {
        return Uni.createFrom().completionStage(future.toCompletionStage());
    }

    private Response.ResponseBuilder html(int status, TemplateInstance page) {
        return Response.status(status).entity(page.setAttribute(TemplateInstance.LOCALE, Language.EN.locale()).render())
                .type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static Response doneResponse(String what) {
        return Response.seeOther(URI.create("/admin?done=" + what)).build();
    }
}
