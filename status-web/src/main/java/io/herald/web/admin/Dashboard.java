package io.herald.web.admin;

import io.herald.model.ComponentStatus;
import io.herald.web.admin.AdminApiClient.Answer;
import io.herald.web.admin.AdminSessions.Session;
import io.herald.web.view.Language;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusView.IncidentView;
import io.herald.web.view.StatusViewService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The operators' dashboard page, shown by {@code GET /admin} and again by a form's action that status-api refused
 * (with its words and what the operator typed), and the way every dashboard form goes: the CSRF token and session
 * first, then status-api's admin API with the operator's own token, then back to the dashboard.
 */
@ApplicationScoped
class Dashboard {
    static final List<String> INCIDENT_STATUSES = List.of("investigating", "identified", "monitoring", "resolved");
    static final List<String> IMPACTS = List.of("none", "minor", "major", "critical");

    private final AdminAccess access;
    private final AdminApiClient api;
    private final StatusViewService views;

    Dashboard(AdminAccess access, AdminApiClient api, StatusViewService views) {
        this.access = access;
        this.api = api;
        this.views = views;
    }

    /** The operators' message templates; none when status-api cannot give them (the page works without). */
    Uni<IncidentTemplates> templates(Session session) {
        return AdminPages.uni(api.call(HttpMethod.GET, "/api/v1/admin/incident-templates", session.token(), null))
                .onFailure().recoverWithItem(new Answer(0, null))
                .map(answer -> {
                    if (!answer.ok() || answer.body() == null) {
                        return IncidentTemplates.of(null);
                    }
                    return IncidentTemplates.of(answer.body().isArray() ? answer.body()
                            : answer.body().path("templates"));
                });
    }

    Response page(int status, Session session, IncidentTemplates templates, IncidentForm form, IncidentView preview,
            String message, String error) {
        StatusView view = views.current();
        List<IncidentView> incidents = view == null ? List.of() : view.incidents();
        List<ComponentView> components = new ArrayList<>();
        if (view != null) {
            view.services().forEach(s -> components.addAll(s.components()));
        }
        List<DashboardResource.Choice> incidentStatuses = INCIDENT_STATUSES.stream()
                .map(s -> new DashboardResource.Choice(s, Language.EN.wording().incidentStatus(s))).toList();
        List<DashboardResource.Choice> impacts = IMPACTS.stream()
                .map(s -> new DashboardResource.Choice(s, Language.EN.wording().impact(s))).toList();
        List<DashboardResource.Choice> componentStatuses = Arrays.stream(ComponentStatus.values())
                .map(s -> new DashboardResource.Choice(s.wire(), Language.EN.wording().words(s))).toList();
        return AdminPages.html(status, DashboardResource.Templates.dashboard(AdminPages.site(views), session, incidents,
                components, incidentStatuses, impacts, componentStatuses, templates.choices(), form, preview, message,
                error)).build();
    }

    /** The dashboard again after status-api refused a form: its words, and the form as the operator typed it. */
    Uni<Response> refused(Session session, Answer answer, IncidentForm form) {
        return templates(session).map(t -> page(answer.status() == 401 ? 401 : 422, session, t, form, null, null,
                answer.problem()));
    }

    /** A dashboard form's action: forwarded to status-api, then 303 to the dashboard saying what was done. */
    Uni<Response> submit(String cookie, MultivaluedMap<String, String> form, HttpMethod method, String path,
            Object body, String done) {
        return access.form(cookie, form, session -> AdminPages.uni(api.call(method, path, session.token(), body))
                .flatMap(answer -> answer.ok() ? Uni.createFrom().item(done(done))
                        : refused(session, answer, IncidentForm.empty())));
    }

    static Response done(String what) {
        return Response.seeOther(URI.create("/admin?done=" + what)).build();
    }
}
