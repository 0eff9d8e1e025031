package io.herald.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import java.nio.ByteBuffer;

/**
 * A body (a page, a JSON document) prepared once and served many times: the bytes as rendered and gzip-compressed,
 * each in a read-only direct buffer that every response shares, each with its own strong ETag (two encodings are two
 * representations, RFC 9110 8.8.3). Built when the data change, never per request; a response only picks one.
 */
public final class PreparedBody {
    private final Representation identity;
    private final Representation gzip;

    private PreparedBody(Representation identity, Representation gzip) {
        this.identity = identity;
        this.gzip = gzip;
    }

    /** Compresses once; a body that gzip does not make smaller is only ever sent as it is. */
    public static PreparedBody of(byte[] body) {
        String etag = EntityTags.of(body);
        Representation identity = new Representation(readOnlyDirect(body), etag, null);
        byte[] compressed = Gzip.best(body);
        Representation gzip = compressed.length < body.length
                ? new Representation(readOnlyDirect(compressed), EntityTags.withEncoding(etag, "gzip"), "gzip")
                : null;
        return new PreparedBody(identity, gzip);
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

        public Representation(Buffer body, String etag, String contentEncoding) {
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
}
