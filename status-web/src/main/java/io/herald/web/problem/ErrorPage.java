package io.herald.web.problem;

import io.herald.model.problem.Problem;
import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusViewService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The page in words a browser gets for a problem with its request (a month the history does not cover, a chart
 * window Herald does not draw), in the page's language, inside the site's layout. Programs get the problem+json.
 */
@ApplicationScoped
public class ErrorPage {
    static final String HTML_UTF8 = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.ACCEPT_LANGUAGE;

    @CheckedTemplate
    static class Templates {
        /** @param kind the problem's slug, which chooses the words; detail is shown for a kind without words */
        static native TemplateInstance error(SiteView site, String kind, String detail);
    }

    private final StatusViewService views;

    ErrorPage(StatusViewService views) {
        this.views = views;
    }

    Response answer(Problem problem, Language language, Map<String, String> headers) {
        StatusView view = views.current(language);
        SiteView site = view != null ? SiteView.of(view) : new SiteView("Service status", language.tag(), "UTC");
        String html = Templates.error(site, problem.slug(), problem.detail())
                .setAttribute(TemplateInstance.LOCALE, language.locale()).render();
        Response.ResponseBuilder response = Response.status(problem.status()).type(HTML_UTF8).entity(html)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").header(HttpHeaders.VARY, VARY);
        headers.forEach(response::header);
        return response.build();
    }
}
