package io.herald.api.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Answers a public read from a precomputed body: Cache-Control so a CDN may hold it, an ETag, and 304 when the
 * caller's If-None-Match already names the current tag.
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
        Response.ResponseBuilder builder = matches(ifNoneMatch, body.etag())
                ? Response.notModified()
                : Response.ok(body.bytes(), MediaType.APPLICATION_JSON_TYPE);
        return builder.header(HttpHeaders.ETAG, body.etag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    /**
     * Like {@link #respond(String, CachedBody)}, sending the precompressed bytes when the client accepts gzip (large
     * bodies: compressed once when computed, never per request).
     */
    public Response respond(String ifNoneMatch, CachedBody body, byte[] gzipped, String acceptEncoding) {
        if (gzipped == null || acceptEncoding == null || !acceptEncoding.toLowerCase().contains("gzip")) {
            return Response.fromResponse(respond(ifNoneMatch, body)).header(HttpHeaders.VARY, "Accept-Encoding")
                    .build();
        }
        // The gzip bytes are another representation, so they carry their own strong tag (RFC 9110 8.8.3).
        String etag = gzipTag(body.etag());
        Response.ResponseBuilder builder = matches(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(gzipped, MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.CONTENT_ENCODING, "gzip");
        return builder.header(HttpHeaders.VARY, "Accept-Encoding")
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    static String gzipTag(String etag) {
        return etag.endsWith("\"") ? etag.substring(0, etag.length() - 1) + "-gzip\"" : etag + "-gzip";
    }

    /**
     * The smallest gzip output: these bodies are compressed once per computation and then sent many times, so the
     * extra milliseconds of the best level are paid once.
     */
    public static byte[] gzip(byte[] bytes) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(bytes.length / 8 + 64);
        try (java.util.zip.GZIPOutputStream zip = new java.util.zip.GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(bytes);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot gzip a body in memory", e);
        }
        return out.toByteArray();
    }

    /** If-None-Match may list several tags, may use weak tags (W/), or "*"; all compare weakly (RFC 9110). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
