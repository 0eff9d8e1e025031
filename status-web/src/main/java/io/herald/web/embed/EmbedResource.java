package io.herald.web.embed;

import io.herald.web.WebConfig;
import io.herald.web.cache.UpstreamPageCache.Page;
import io.herald.web.page.PageResponses;
import io.herald.web.view.Language;
import io.herald.web.view.StatusView;
import io.herald.web.view.ViewChanged;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The widget other sites embed in an iframe: the banner and a link to the page, kept current every
 * {@code embed-refresh-seconds}. Its one script (/js/embed.js) updates it in place, because reloading the frame would
 * take the focus away from whoever is on its link; without script a meta refresh reloads it. The only page that may
 * be framed (its own Content-Security-Policy allows any frame ancestor).
 */
@Path("/embed")
@ApplicationScoped
public class EmbedResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance embed(StatusView view, int refreshSeconds);
    }

    private final WebConfig config;
    private volatile Map<Language, Page> pages;

    EmbedResource(WebConfig config) {
        this.config = config;
    }

    void onViewChanged(@Observes ViewChanged changed) {
        Map<Language, Page> rendered = new EnumMap<>(Language.class);
        changed.views().forEach((language, view) -> rendered.put(language, PageResponses.page(200,
                Templates.embed(view, config.embedRefreshSeconds()).setAttribute(TemplateInstance.LOCALE, language.locale()).render(),
                MediaType.TEXT_HTML + ";charset=UTF-8")));
        pages = rendered;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @NonBlocking
    @Operation(summary = "Embeddable status widget (for an iframe); keeps itself current every minute")
    @APIResponse(responseCode = "200", description = "HTML")
    public Response embed(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @QueryParam("lang") String lang) {
        Map<Language, Page> current = pages;
        if (current == null) {
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, 5).build();
        }
        return PageResponses.respond(current.get(Language.choose(lang, acceptLanguage)), ifNoneMatch,
                acceptEncoding);
    }
}
