package io.herald.web.page;

import io.herald.web.cache.UpstreamPageCache.Page;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/** The HTTP answer for a page rendered once: ETag, If-None-Match, Cache-Control, Vary. */
public final class PageResponses {
    private PageResponses() {
    }

    public static Page page(int status, String body, String mediaType) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return new Page(status, bytes, EntityTags.of(bytes), mediaType);
    }

    public static Response respond(Page page, String ifNoneMatch) {
        if (page.status() == 200 && EntityTags.matches(ifNoneMatch, page.etag())) {
            return Response.notModified()
                    .tag(page.etag().substring(1, page.etag().length() - 1))
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                    .build();
        }
        return Response.status(page.status())
                .entity(page.body())
                .type(page.mediaType())
                .header(HttpHeaders.ETAG, page.status() == 200 ? page.etag() : null)
                .header(HttpHeaders.CACHE_CONTROL, page.status() == 200 ? "no-cache" : "no-store")
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .build();
    }
}
