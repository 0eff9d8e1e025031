package io.herald.web.badge;

import io.herald.web.page.PageResponses;
import io.herald.web.view.Language;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusView.ComponentView;
import io.herald.web.view.ViewChanged;
import io.herald.web.cache.UpstreamPageCache.Page;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import io.herald.web.problem.ProblemMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** SVG status badges for the page and each component, rendered once per view change. */
@Path("/badges")
@ApplicationScoped
public class BadgeResource {
    static final String SVG = "image/svg+xml;charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance badge(Badge badge);
    }

    private volatile Page page;
    private volatile Map<String, Page> components = Map.of();

    void onViewChanged(@Observes ViewChanged changed) {
        StatusView view = changed.view();
        page = render(Badge.of(view.pageName(), view.banner(), view.indicator()));
        Map<String, Page> rendered = new HashMap<>();
        for (StatusView.ServiceView service : view.services()) {
            for (ComponentView component : service.components()) {
                // Short, like every badge: the status, and that it is the last known one.
                String message = component.stale()
                        ? String.format(Language.EN.wording().staleBadge(), component.words()) : component.words();
                rendered.put(component.id(), render(Badge.of(component.name(), message, component.status())));
            }
        }
        components = Map.copyOf(rendered);
    }

    private static Page render(Badge badge) {
        return PageResponses.page(200, Templates.badge(badge).render(), SVG);
    }

    @GET
    @Path("status.svg")
    @Produces("image/svg+xml")
    @NonBlocking
    @Operation(summary = "Badge of the whole page: its name and the banner text")
    @APIResponse(responseCode = "200", description = "SVG")
    public Response status(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        return respond(page, ifNoneMatch, acceptEncoding);
    }

    @GET
    @Path("components/{id}.svg")
    @Produces("image/svg+xml")
    @NonBlocking
    @Operation(summary = "Badge of one component: its name and its status in words, \"(stale)\" after it when it is "
            + "the last known one")
    @APIResponse(responseCode = "200", description = "SVG")
    @APIResponse(responseCode = "404", description = "No such component")
    public Response component(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding) {
        if (page == null) {
            return respond(null, ifNoneMatch, acceptEncoding);
        }
        Page badge = components.get(id);
        if (badge == null) {
            throw ProblemMapper.notFound("There is no such component on this page, so no badge for it.");
        }
        return respond(badge, ifNoneMatch, acceptEncoding);
    }

    private static Response respond(Page badge, String ifNoneMatch, String acceptEncoding) {
        if (badge == null) {
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        Response response = PageResponses.respond(badge, ifNoneMatch, acceptEncoding);
        // Badges live in READMEs and intranet pages: let image proxies keep them a minute.
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "public, max-age=60");
        return response;
    }
}
