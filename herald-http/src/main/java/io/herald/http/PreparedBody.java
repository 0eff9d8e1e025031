package io.herald.web.page;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A page body prepared once and served many times: the bytes as rendered and gzip-compressed, each in a read-only
 * direct buffer that every response shares, each with its own strong ETag (two encodings are two representations,
 * RFC 9110 8.8.3). Built when the page's data change, never per request; a response only picks one.
 */
public final class PageBytes {
    private static final int GZIP_LEVEL = Deflater.BEST_COMPRESSION;

    private final Representation identity;
    private final Representation gzip;

    private PageBytes(Representation identity, Representation gzip) {
        this.identity = identity;
        this.gzip = gzip;
    }

    /** Compresses once; a body that gzip does not make smaller is only ever sent as it is. */
    public static PageBytes of(byte[] body) {
        String etag = EntityTags.of(body);
        Representation identity = new Representation(readOnlyDirect(body), etag, null);
        byte[] compressed = gzip(body);
        Representation gzip = compressed.length < body.length
                ? new Representation(readOnlyDirect(compressed), EntityTags.withEncoding(etag, "gzip"), "gzip")
                : null;
        return new PageBytes(identity, gzip);
    }

    /** The representation to send for this Accept-Encoding. */
    public Representation select(String acceptEncoding) {
        return gzip != null && AcceptEncoding.acceptsGzip(acceptEncoding) ? gzip : identity;
    }

    public Representation identity() {
        return identity;
    }

    /** The gzip representation, or null when gzip does not make this body smaller. */
    public Representation gzip() {
        return gzip;
    }

    /**
     * One encoding of the body. The header values are prepared as ASCII strings, so a response copies no text.
     *
     * @param contentEncoding "gzip", or null for the body as rendered
     */
    public record Representation(Buffer body, String etag, String contentEncoding, CharSequence etagHeader,
            CharSequence contentEncodingHeader, CharSequence contentLengthHeader) {

        Representation(Buffer body, String etag, String contentEncoding) {
            this(body, etag, contentEncoding, HttpHeaders.createOptimized(etag),
                    contentEncoding == null ? null : HttpHeaders.createOptimized(contentEncoding),
                    HttpHeaders.createOptimized(Integer.toString(body.length())));
        }

        public int length() {
            return body.length();
        }
    }

    /**
     * The bytes in memory outside the heap, so Netty hands them to the socket as they are instead of copying them into
     * a direct buffer per response. Read-only, because every response shares them; unreleasable, because no response
     * owns them. The JDK frees the memory when the buffer is no longer referenced (it is not pooled).
     */
    @SuppressWarnings("deprecation") // Buffer.buffer(ByteBuf) is Vert.x 4's way to wrap without a copy.
    public static Buffer readOnlyDirect(byte[] bytes) {
        ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length);
        direct.put(bytes).flip();
        ByteBuf shared = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct.asReadOnlyBuffer()));
        return Buffer.buffer(shared);
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new LevelledGzip(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** GZIPOutputStream at the best compression: it runs once per change, and smaller bytes go out on every view. */
    private static final class LevelledGzip extends GZIPOutputStream {
        LevelledGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 8192);
            def.setLevel(GZIP_LEVEL);
        }
    }
}
