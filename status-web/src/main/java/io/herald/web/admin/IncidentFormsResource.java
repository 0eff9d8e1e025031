package io.herald.web.admin;

import io.herald.model.ComponentStatus;
import io.herald.model.problem.Problem;
import io.herald.model.status.Incident;
import io.herald.model.status.StatuspageV2;
import io.herald.web.UrlEncoding;
import io.herald.web.admin.AdminSessions.Session;
import io.herald.web.view.IncidentViews;
import io.herald.web.view.Language;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusView.IncidentView;
import io.herald.web.view.StatusViewService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard's incident forms: preview or post a new incident, post an update, resolve. */
@Path("/admin/incidents")
@Produces(MediaType.TEXT_HTML)
public class IncidentFormsResource {
    private final AdminAccess access;
    private final AdminApiClient api;
    private final Dashboard dashboard;
    private final StatusViewService views;

    IncidentFormsResource(AdminAccess access, AdminApiClient api, Dashboard dashboard, StatusViewService views) {
        this.access = access;
        this.api = api;
        this.dashboard = dashboard;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Preview or post a new incident")
    public Uni<Response> postIncident(MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String token) {
        return access.form(token, form, session -> postIncident(session, form));
    }

    private Uni<Response> postIncident(Session session, MultivaluedMap<String, String> form) {
        IncidentForm incident = IncidentForm.of(form);
        if ("preview".equals(AdminPages.first(form, "action"))) {
            return dashboard.templates(session).map(t -> dashboard.page(200, session, t, incident, preview(incident),
                    null, null));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", incident.name());
        body.put("status", incident.status());
        body.put("impact", incident.impact());
        body.put("body", incident.body());
        body.put("components", incident.components());
        body.put("deliver_notifications", incident.deliverNotifications());
        return AdminPages.uni(api.call(HttpMethod.POST, "/api/v1/admin/incidents", session.token(), body))
                .flatMap(answer -> answer.ok() ? Uni.createFrom().item(Dashboard.done("incident-posted"))
                        : dashboard.refused(session, answer, incident));
    }

    @POST
    @Path("{incident}/updates")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Post an update to an incident")
    public Uni<Response> postUpdate(@PathParam("incident") String incident, MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String token) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", AdminPages.first(form, "status"));
        body.put("body", AdminPages.first(form, "body"));
        return dashboard.submit(token, form, HttpMethod.POST,
                "/api/v1/admin/incidents/" + UrlEncoding.pathSegment(incident) + "/updates", body, "update-posted");
    }

    @POST
    @Path("{incident}/resolve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Resolve an incident")
    public Uni<Response> resolve(@PathParam("incident") String incident, MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String token) {
        String text = AdminPages.first(form, "body");
        return dashboard.submit(token, form, HttpMethod.POST,
                "/api/v1/admin/incidents/" + UrlEncoding.pathSegment(incident) + "/resolve",
                text.isBlank() ? Map.of() : Map.of("body", text), "incident-resolved");
    }

    /** The new incident as the status page will show it, built as status-api would list it. */
    private IncidentView preview(IncidentForm form) {
        List<StatuspageV2.Component> affected = new ArrayList<>();
        StatusView view = views.current();
        form.components().forEach((componentId, status) -> {
            ComponentView component = view == null ? null : view.component(componentId);
            affected.add(new StatuspageV2.Component(componentId, component == null ? componentId : component.name(),
                    ComponentStatus.parse(status).orElse(null), null, null, 0, null, false, null, null, null, false,
                    false, null));
        });
        String now = Instant.now().toString();
        Incident incident = new Incident("preview", form.name(), form.status(), now, now, null, null, form.impact(),
                null, now, null, List.of(new Incident.Update("preview", form.status(), form.body(), "preview", now, now,
                        now, null, form.deliverNotifications(), null, null)),
                affected, null, null, false, false, null, null);
        return IncidentViews.of(incident, AdminPages.zone(views), Language.EN.wording());
    }
}
