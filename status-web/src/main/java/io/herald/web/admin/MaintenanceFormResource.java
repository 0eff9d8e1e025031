package io.herald.web.admin;

import io.herald.model.problem.Problem;
import io.herald.web.view.StatusViewService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard's maintenance form: schedule a maintenance, its window typed in the page's time zone. */
@Path("/admin/maintenances")
@Produces(MediaType.TEXT_HTML)
public class MaintenanceFormResource {
    private final Dashboard dashboard;
    private final StatusViewService views;

    MaintenanceFormResource(Dashboard dashboard, StatusViewService views) {
        this.dashboard = dashboard;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Schedule a maintenance")
    public Uni<Response> scheduleMaintenance(MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String token) {
        ZoneId zone = AdminPages.zone(views);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", AdminPages.first(form, "name"));
        body.put("body", AdminPages.first(form, "body"));
        body.put("scheduled_for", AdminPages.instant(AdminPages.first(form, "scheduled_for"), zone));
        body.put("scheduled_until", AdminPages.instant(AdminPages.first(form, "scheduled_until"), zone));
        body.put("components", form.getOrDefault("components", List.of()));
        body.put("auto_transition", "on".equals(AdminPages.first(form, "auto_transition")));
        return dashboard.submit(token, form, HttpMethod.POST, "/api/v1/admin/maintenances", body,
                "maintenance-scheduled");
    }
}
