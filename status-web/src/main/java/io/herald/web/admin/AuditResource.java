package io.herald.web.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.web.UrlEncoding;
import io.herald.web.admin.AdminSessions.Session;
import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.Stamp;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The audit log status-api keeps, newest first, 50 entries a page. */
@Path("/admin/audit")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {
    static final int PAGE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(SiteView site, Session session, List<AuditRow> entries, String older,
                String error);
    }

    public record AuditRow(String id, Stamp at, String actor, String action, String target, String before,
            String after) {
    }

    private final AdminAccess access;
    private final AdminApiClient api;
    private final StatusViewService views;

    AuditResource(AdminAccess access, AdminApiClient api, StatusViewService views) {
        this.access = access;
        this.api = api;
        this.views = views;
    }

    @GET
    @Operation(summary = "The audit log, newest first")
    public Uni<Response> audit(@CookieParam(AdminSessions.COOKIE) String token, @QueryParam("before") String before) {
        return access.page(token, session -> auditPage(session, before));
    }

    private Uni<Response> auditPage(Session session, String before) {
        String path = "/api/v1/admin/audit?limit=" + PAGE
                + (before == null ? "" : "&before=" + UrlEncoding.queryValue(before));
        ZoneId zone = AdminPages.zone(views);
        return AdminPages.uni(api.call(HttpMethod.GET, path, session.token(), null)).map(answer -> {
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
            String older = rows.size() == PAGE ? rows.get(rows.size() - 1).id() : null;
            return AdminPages.html(answer.ok() ? 200 : answer.status(), Templates.audit(AdminPages.site(views), session,
                    rows, older, answer.ok() ? null : answer.problem())).build();
        });
    }

    private static String compact(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.isTextual() ? node.asText()
                : node.toString();
    }
}
