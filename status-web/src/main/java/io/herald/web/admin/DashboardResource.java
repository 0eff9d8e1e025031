package io.herald.web.admin;

import io.herald.web.admin.AdminSessions.Session;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusView.IncidentView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operators' dashboard: active incidents (post an update, resolve), a new incident (from a template, with a
 * preview), scheduling a maintenance and overriding a component. Every action is a plain HTML form (no script needed)
 * carrying the session's CSRF token; the work is done by status-api's admin API with the operator's own bearer token,
 * so status-api decides who may do what and writes the audit log.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class DashboardResource {
    static final Set<String> MESSAGES = Set.of("incident-posted", "update-posted", "incident-resolved",
            "maintenance-scheduled", "override-set", "override-cleared", "logged-out");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(SiteView site, Session session, List<IncidentView> incidents,
                List<ComponentView> components, List<Choice> incidentStatuses, List<Choice> impacts,
                List<Choice> componentStatuses, List<IncidentTemplates.Choice> templates, IncidentForm form,
                IncidentView preview, String message, String error);
    }

    /** An option of a select: its value and its words. */
    public record Choice(String value, String words) {
    }

    private final AdminAccess access;
    private final Dashboard dashboard;

    DashboardResource(AdminAccess access, Dashboard dashboard) {
        this.access = access;
        this.dashboard = dashboard;
    }

    @GET
    @Operation(summary = "The operators' dashboard: incidents, maintenance, overrides")
    public Uni<Response> dashboard(@CookieParam(AdminSessions.COOKIE) String token, @QueryParam("done") String done,
            @QueryParam("template") String template) {
        return access.page(token, session -> dashboard.templates(session).map(templates -> dashboard.page(200, session,
                templates, templates.form(template), null, done != null && MESSAGES.contains(done) ? done : null,
                null)));
    }
}
