package io.herald.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.http.PreparedBody.Representation;
import io.netty.buffer.ByteBuf;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ReadOnlyBufferException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

class PreparedBodyTest {
    private static final byte[] PAGE = "<li class=\"day\" data-status=\"operational\"></li>\n".repeat(500)
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void shouldCompressOnceAndPickTheEncodingTheClientAccepts() throws IOException {
        PreparedBody bytes = PreparedBody.of(PAGE);
        Representation plain = bytes.select(null);
        Representation gzip = bytes.select("gzip, deflate, br");

        assertThat(plain).isSameAs(bytes.identity());
        assertThat(plain.contentEncoding()).isNull();
        assertThat(plain.body().getBytes()).isEqualTo(PAGE);
        assertThat(gzip).isSameAs(bytes.gzip());
        assertThat(gzip.contentEncoding()).isEqualTo("gzip");
        assertThat(gzip.length()).isLessThan(PAGE.length / 20);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body().getBytes())).readAllBytes()).isEqualTo(PAGE);
        assertThat(bytes.select("br")).isSameAs(plain);
        assertThat(bytes.select("gzip;q=0")).isSameAs(plain);
    }

    @Test
    void shouldPrepareTheHeaderValuesOfEachEncoding() {
        PreparedBody bytes = PreparedBody.of(PAGE);
        Representation plain = bytes.identity();
        Representation gzip = bytes.gzip();
        assertThat(plain.etag()).isEqualTo(EntityTags.of(PAGE));
        assertThat(gzip.etag()).isEqualTo(plain.etag().replaceFirst("\"$", "-gzip\""));
        assertThat(plain.etagHeader().toString()).isEqualTo(plain.etag());
        assertThat(plain.contentLengthHeader().toString()).isEqualTo(Integer.toString(PAGE.length));
        assertThat(gzip.contentLengthHeader().toString()).isEqualTo(Integer.toString(gzip.length()));
        assertThat(plain.contentEncodingHeader()).isNull();
        assertThat(gzip.contentEncodingHeader().toString()).isEqualTo("gzip");
    }

    @Test
    void shouldKeepABodyThatGzipCannotShrinkOnlyAsItIs() {
        PreparedBody bytes = PreparedBody.of("ok".getBytes(StandardCharsets.UTF_8));
        assertThat(bytes.gzip()).isNull();
        assertThat(bytes.select("gzip")).isSameAs(bytes.identity());
    }

    @Test
    void shouldShareOneReadOnlyDirectBufferThatNoResponseCanFree() {
        Representation plain = PreparedBody.of(PAGE).identity();
        ByteBuf first = plain.body().getByteBuf();
        assertThat(first.isDirect()).as("Netty writes a direct buffer to the socket as it is").isTrue();
        assertThat(first.isReadOnly()).isTrue();
        assertThatThrownBy(() -> plain.body().setByte(0, (byte) 'x')).isInstanceOf(ReadOnlyBufferException.class);
        // What Netty does after each response: release what it wrote. The shared bytes must survive it.
        first.release();
        plain.body().getByteBuf().release();
        assertThat(plain.body().getBytes()).isEqualTo(PAGE);
    }
}
