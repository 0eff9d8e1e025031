package io.herald.web.page;

import io.herald.web.WebConfig;
import io.herald.web.view.StatusView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The public status page. Serves cached bytes only: no I/O and no rendering per request. */
@Path("/")
public class StatusPageResource {
    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(StatusView view, int refreshSeconds);

        static native TemplateInstance unavailable(int refreshSeconds);
    }

    private final HomePage homePage;
    private final WebConfig config;

    StatusPageResource(HomePage homePage, WebConfig config) {
        this.homePage = homePage;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    @NonBlocking
    @Operation(summary = "The status page",
            description = "HTML; 503 with a refreshing placeholder until status-api has answered once. "
                    + "ETag and If-None-Match (304) supported.")
    @APIResponse(responseCode = "200", description = "The page",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(implementation = String.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "503", description = "status-api has not answered yet; the page refreshes itself")
    public Response home(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
            @Parameter(description = "en or fr; overrides Accept-Language") @QueryParam("lang") String lang) {
        RenderedPage page = homePage.current(PageLanguageChoice.of(lang, acceptLanguage));
        if (page == null) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .entity(homePage.unavailable().html())
                    .type(HTML_UTF8)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .header(HttpHeaders.RETRY_AFTER, config.pageRefreshSeconds())
                    .build();
        }
        // no-cache: browsers and CDNs may keep the page but must revalidate, which costs a 304.
        if (EntityTags.matches(ifNoneMatch, page.etag())) {
            return Response.notModified()
                    .tag(page.etag().substring(1, page.etag().length() - 1))
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                    .build();
        }
        return Response.ok(page.html(), HTML_UTF8)
                .header(HttpHeaders.ETAG, page.etag())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}
