package io.herald.web.admin;

import io.herald.web.view.Language;
import io.herald.web.view.SiteView;
import io.herald.web.view.StatusView;
import io.herald.web.view.StatusViewService;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** What every operators' page does alike: read a form field, render in English and never let a cache keep it. */
final class AdminPages {
    private AdminPages() {
    }

    /** The form field's first value, stripped; "" when it was not sent. */
    static String first(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }

    /** An operators' page: English, and no-store (it shows what only this operator may see). */
    static Response.ResponseBuilder html(int status, TemplateInstance page) {
        return Response.status(status).entity(page.setAttribute(TemplateInstance.LOCALE, Language.EN.locale()).render())
                .type(MediaType.TEXT_HTML + ";charset=UTF-8")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    /** The page's name, language and time zone; placeholders before status-api has ever answered. */
    static SiteView site(StatusViewService views) {
        StatusView view = views.current();
        return view == null ? new SiteView("Herald", "en", "UTC") : SiteView.of(view);
    }

    static ZoneId zone(StatusViewService views) {
        return ZoneId.of(site(views).timeZone());
    }

    /** A datetime-local value ("2026-11-28T20:00") in the page's time zone, as an ISO instant; else as typed. */
    static String instant(String local, ZoneId zone) {
        try {
            return LocalDateTime.parse(local).atZone(zone).toInstant().toString();
        } catch (DateTimeParseException e) {
            return local;
        }
    }

    static <T> Uni<T> uni(Future<T> future) {
        return Uni.createFrom().completionStage(future.toCompletionStage());
    }
}
