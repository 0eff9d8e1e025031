package io.herald.api.http;

import io.herald.http.AcceptEncoding;
import io.herald.http.EntityTags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a public read from a precomputed body: Cache-Control so a CDN may hold it, an ETag, and 304 when the
 * caller's If-None-Match already names the current tag. Tags, the gzip copy and the Accept-Encoding choice are
 * herald-http's, as in status-web.
 */
@ApplicationScoped
public class HttpCaching {
    private final String cacheControl;

    public HttpCaching(HttpConfig config) {
        this.cacheControl = "public, max-age=" + config.cacheMaxAge().toSeconds();
    }

    /** The Cache-Control header of public reads. */
    public String cacheControl() {
        return cacheControl;
    }

    public Response respond(String ifNoneMatch, CachedBody body) {
        Response.ResponseBuilder builder = EntityTags.matches(ifNoneMatch, body.etag())
                ? Response.notModified()
                : Response.ok(body.bytes(), MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, body.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /**
     * Like {@link #respond(String, CachedBody)}, sending the precompressed bytes when the client accepts gzip (large
     * bodies: compressed once when computed, never per request).
     */
    public Response respond(String ifNoneMatch, CachedBody body, byte[] gzipped, String acceptEncoding) {
        if (gzipped == null || !AcceptEncoding.acceptsGzip(acceptEncoding)) {
            return Response.fromResponse(respond(ifNoneMatch, body)).header(HttpHeaders.VARY, "Accept-Encoding")
                    .build();
        }
        // The gzip bytes are another representation, so they carry their own strong tag (RFC 9110 8.8.3).
        String etag = EntityTags.withEncoding(body.etag(), "gzip");
        Response.ResponseBuilder builder = EntityTags.matches(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(gzipped, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_ENCODING, "gzip");
        return builder.header(HttpHeaders.VARY, "Accept-Encoding")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }
}
