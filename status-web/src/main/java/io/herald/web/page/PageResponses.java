package io.herald.web.page;

import io.herald.http.PreparedBody;
import io.herald.http.EntityTags;
import io.herald.web.cache.UpstreamPageCache.Page;
import io.herald.http.PreparedBody.Representation;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP answer for a page rendered once: the encoding Accept-Encoding allows, its ETag, If-None-Match,
 * Cache-Control, Vary. The body is the prepared buffer itself, which RESTEasy hands to Vert.x without copying it.
 */
public final class PageResponses {
    /** Every page exists in each language, and as it is and gzip-compressed. */
    public static final String VARY = HttpHeaders.ACCEPT_LANGUAGE + ", " + HttpHeaders.ACCEPT_ENCODING;

    private PageResponses() {
    }

    public static Page page(int status, String body, String mediaType) {
        return new Page(status, PreparedBody.of(body.getBytes(StandardCharsets.UTF_8)), mediaType);
    }

    /**
     * @param ifNoneMatch    the request's If-None-Match, matched against the ETag of the chosen encoding
     * @param acceptEncoding the request's Accept-Encoding
     */
    public static Response respond(Page page, String ifNoneMatch, String acceptEncoding) {
        Representation chosen = page.bytes().select(acceptEncoding);
        if (page.status() == 200 && EntityTags.matches(ifNoneMatch, chosen.etag())) {
            return notModified(chosen);
        }
        // no-cache: browsers and CDNs may keep the page but must revalidate, which costs a 304.
        return body(page.status(), chosen, page.mediaType(), page.status() == 200 ? "no-cache" : "no-store").build();
    }

    static Response notModified(Representation chosen) {
        return Response.notModified()
                .header(HttpHeaders.ETAG, chosen.etagHeader())
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .header(HttpHeaders.VARY, VARY)
                .build();
    }

    static Response.ResponseBuilder body(int status, Representation chosen, String mediaType, String cacheControl) {
        return Response.status(status)
                .entity(chosen.body())
                .type(mediaType)
                .header(HttpHeaders.CONTENT_LENGTH, chosen.contentLengthHeader())
                .header(HttpHeaders.CONTENT_ENCODING, chosen.contentEncodingHeader())
                .header(HttpHeaders.ETAG, status == 200 ? chosen.etagHeader() : null)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                .header(HttpHeaders.VARY, VARY);
    }
}
