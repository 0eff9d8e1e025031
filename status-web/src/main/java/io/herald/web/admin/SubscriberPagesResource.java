package io.herald.web.admin;

import static io.herald.web.admin.AdminPages.first;
import static io.herald.web.admin.AdminPages.html;
import static io.herald.web.admin.AdminPages.site;
import static io.herald.web.admin.AdminPages.uni;
import static io.herald.web.admin.AdminPages.zone;

import com.fasterxml.jackson.databind.JsonNode;
import io.herald.model.problem.Problem;
import io.herald.web.admin.AdminApiClient.Answer;
import io.herald.web.admin.AdminSessions.Session;
import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.Stamp;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.StatusViewService;
import io.herald.web.view.ViewAssembler;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The operators' Subscribers page: who is told, each one's delivery log, and a form to subscribe a team (the help
 * desk) directly. Reads and writes go through status-api's admin API with the operator's own token, as on the
 * other operators' pages, so status-api checks the scope and writes the audit log.
 */
@Path("/admin/subscribers")
@Produces(MediaType.TEXT_HTML)
public class SubscriberPagesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(SiteView site, Session session, List<SubscriberRow> subscribers,
                List<ComponentView> components, SubscribeForm form, Created created, String error);

        static native TemplateInstance deliveries(SiteView site, Session session, String subscriber,
                List<DeliveryRow> deliveries, String error);
    }

    public record SubscriberRow(String id, String kind, String target, String components, boolean componentChanges,
            boolean confirmed, Stamp createdAt, String createdBy, Stamp unsubscribedAt, String unsubscribeReason) {
    }

    public record DeliveryRow(String type, String state, int attempts, String statusCode, String error,
            Stamp lastAttemptAt, Stamp nextAttemptAt, Stamp deliveredAt) {
    }

    /** What the operator typed, kept when status-api refuses it. */
    public record SubscribeForm(String kind, String target, List<String> components, boolean componentChanges) {
        static SubscribeForm empty() {
            return new SubscribeForm("email", "", List.of(), false);
        }

        public boolean has(String component) {
            return components.contains(component);
        }
    }

    /** The new subscriber, with its webhook secret: status-api shows it once, so this page shows it once. */
    public record Created(String id, String target, String secret) {
    }

    private final AdminAccess access;
    private final AdminApiClient api;
    private final StatusViewService views;

    SubscriberPagesResource(AdminAccess access, AdminApiClient api, StatusViewService views) {
        this.access = access;
        this.api = api;
        this.views = views;
    }

    @GET
    @Operation(summary = "Every subscriber, and the form to subscribe a team")
    public Uni<Response> list(@CookieParam(AdminSessions.COOKIE) String token) {
        return access.page(token, session -> listPage(session, 200, SubscribeForm.empty(), null, null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    // problem+json too, so that a program is told as JSON why its form was refused (CSRF token, malformed body)
    @Produces({MediaType.TEXT_HTML, Problem.MEDIA_TYPE})
    @Operation(summary = "Subscribe a team directly: confirmed at once, no opt-in mail")
    public Uni<Response> subscribe(MultivaluedMap<String, String> form,
            @CookieParam(AdminSessions.COOKIE) String token) {
        return access.form(token, form, session -> subscribe(session, form));
    }

    private Uni<Response> subscribe(Session session, MultivaluedMap<String, String> form) {
        String kind = "webhook".equals(first(form, "kind")) ? "webhook" : "email";
        SubscribeForm typed = new SubscribeForm(kind, first(form, "target"),
                form.getOrDefault("components", List.of()), "on".equals(first(form, "component_changes")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("webhook".equals(kind) ? "url" : "email", typed.target());
        body.put("components", typed.components());
        body.put("component_changes", typed.componentChanges());
        return uni(api.call(HttpMethod.POST, "/api/v1/admin/subscribers", session.token(), body)).flatMap(answer -> {
            if (answer.ok()) {
                JsonNode json = answer.body();
                Created created = json == null ? new Created("", typed.target(), null)
                        : new Created(json.path("id").asText(""), json.path("target").asText(typed.target()),
                                json.hasNonNull("secret") ? json.path("secret").asText() : null);
                return listPage(session, 200, SubscribeForm.empty(), created, null);
            }
            return listPage(session, answer.status() == 401 ? 401 : 422, typed, null, answer.problem());
        });
    }

    @GET
    @Path("{subscriber}")
    @Operation(summary = "One subscriber's delivery log, newest first")
    public Uni<Response> deliveries(@PathParam("subscriber") String subscriber,
            @CookieParam(AdminSessions.COOKIE) String token) {
        return access.page(token, session -> deliveries(session, subscriber));
    }

    private Uni<Response> deliveries(Session session, String subscriber) {
        if (!subscriber.matches("[0-9]{1,18}")) {
            return Uni.createFrom().item(html(404, Templates.deliveries(site(views), session, subscriber,
                    List.of(), "There is no subscriber '" + subscriber + "'.")).build());
        }
        ZoneId zone = zone(views);
        return uni(api.call(HttpMethod.GET, "/api/v1/admin/subscribers/" + subscriber + "/deliveries?limit=200",
                session.token(), null)).map(answer -> {
                    List<DeliveryRow> rows = new ArrayList<>();
                    if (answer.ok() && answer.body() != null) {
                        for (JsonNode d : answer.body()) {
                            rows.add(new DeliveryRow(d.path("type").asText(""), d.path("state").asText(""),
                                    d.path("attempts").asInt(), d.hasNonNull("last_status_code")
                                            ? d.path("last_status_code").asText() : "",
                                    d.path("last_error").asText(""), stamp(d, "last_attempt_at", zone),
                                    stamp(d, "next_attempt_at", zone), stamp(d, "delivered_at", zone)));
                        }
                    }
                    return html(answer.ok() ? 200 : answer.status(), Templates.deliveries(site(views), session,
                            subscriber, rows, answer.ok() ? null : answer.problem())).build();
                });
    }

    private Uni<Response> listPage(Session session, int status, SubscribeForm form, Created created, String error) {
        ZoneId zone = zone(views);
        return uni(api.call(HttpMethod.GET, "/api/v1/admin/subscribers", session.token(), null))
                .onFailure().recoverWithItem(new Answer(0, null))
                .map(answer -> {
                    List<SubscriberRow> rows = new ArrayList<>();
                    if (answer.ok() && answer.body() != null) {
                        for (JsonNode s : answer.body()) {
                            List<String> components = new ArrayList<>();
                            s.path("components").forEach(c -> components.add(c.asText()));
                            rows.add(new SubscriberRow(s.path("id").asText(), s.path("kind").asText(""),
                                    s.path("target").asText(""),
                                    components.isEmpty() ? "whole page" : String.join(", ", components),
                                    s.path("component_changes").asBoolean(), s.path("confirmed").asBoolean(),
                                    stamp(s, "created_at", zone), s.path("created_by").asText(""),
                                    stamp(s, "unsubscribed_at", zone), s.path("unsubscribe_reason").asText("")));
                        }
                    }
                    String shown = error != null ? error : answer.ok() ? null
                            : answer.status() == 0 ? "status-api cannot be reached." : answer.problem();
                    int code = error == null && !answer.ok() && answer.status() != 0 ? answer.status() : status;
                    return html(code, Templates.list(site(views), session, rows, components(), form, created,
                            shown)).build();
                });
    }

    private List<ComponentView> components() {
        StatusView view = views.current();
        List<ComponentView> components = new ArrayList<>();
        if (view != null) {
            view.services().forEach(s -> components.addAll(s.components()));
        }
        return components;
    }

    private static Stamp stamp(JsonNode node, String field, ZoneId zone) {
        return node.hasNonNull(field)
                ? ViewAssembler.stamp(ViewAssembler.instant(node.path(field).asText()), zone, Language.EN.wording())
                : null;
    }
}
