package io.herald.web.admin;

import io.herald.model.problem.Problem;
import io.herald.web.UrlEncoding;
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
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The dashboard's override form: show a component with the status an operator sets, until a time, or clear it. */
@Path("/admin/overrides")
@Produces(MediaType.TEXT_HTML)
public class OverrideFormResource {
    private final Dashboard dashboard;
    private final StatusViewService views;

    OverrideFormResource(Dashboard dashboard, StatusViewService views) {
        this.dashboard = dashboard;
        this.views = views;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Override a component's status, or clear the override")
    public Uni<Response> override(MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String token) {
        String path = "/api/v1/admin/components/" + UrlEncoding.pathSegment(AdminPages.first(form, "component"))
                + "/override";
        if ("clear".equals(AdminPages.first(form, "action"))) {
            return dashboard.submit(token, form, HttpMethod.DELETE, path, null, "override-cleared");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", AdminPages.first(form, "status"));
        String until = AdminPages.first(form, "until");
        body.put("until", until.isBlank() ? null : AdminPages.instant(until, AdminPages.zone(views)));
        body.put("reason", AdminPages.first(form, "reason"));
        return dashboard.submit(token, form, HttpMethod.PUT, path, body, "override-set");
    }
}
