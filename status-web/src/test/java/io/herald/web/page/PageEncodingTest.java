package io.herald.web.page;

import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.service;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The home page as prepared bytes: as it is and gzip-compressed, chosen by Accept-Encoding, each with its own ETag.
 * Requests here never decode: they send the Accept-Encoding a test names and read the bytes as they came.
 */
@QuarkusTest
class PageEncodingTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(20000);
    private static final Duration SETTLE = Duration.ofSeconds(10);
    private static final RestAssuredConfig RAW = RestAssuredConfig.config()
            .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

    private FakeStatusApi api;
    private String updatedAt;

    @BeforeEach
    void allOperational() {
        api = FakeStatusApi.shared();
        updatedAt = "2025-11-27T08:00:" + String.format("%02d", SEQUENCE.incrementAndGet() % 60) + "Z";
        push("none", updatedAt, "operational");
        Eventually.within(SETTLE, () -> assertThat(identity().get("/").asString())
                .contains("datetime=\"" + updatedAt + "\"").doesNotContain("Status may be out of date"));
    }

    @ParameterizedTest(name = "lang={0}")
    @CsvSource({"en", "fr"})
    void shouldServeTheSamePageGzippedAndAsItIs(String lang) {
        Response plain = identity().queryParam("lang", lang).get("/");
        Response gzip = gzip().queryParam("lang", lang).get("/");
        plain.then().statusCode(200);
        gzip.then().statusCode(200);

        assertThat(plain.header("Content-Encoding")).isNull();
        assertThat(gzip.header("Content-Encoding")).isEqualTo("gzip");
        byte[] compressed = gzip.asByteArray();
        byte[] page = plain.asByteArray();
        assertThat(gunzip(compressed)).isEqualTo(page);
        assertThat(new String(page, StandardCharsets.UTF_8)).contains("<html lang=\"" + lang + "\">");
        assertThat(compressed.length).as("gzip makes the page much smaller").isLessThan(page.length / 3);
        assertThat(Integer.parseInt(plain.header("Content-Length"))).isEqualTo(page.length);
        assertThat(Integer.parseInt(gzip.header("Content-Length"))).isEqualTo(compressed.length);
    }

    @Test
    void shouldSendTheSameHeadersOnBothEncodings() {
        for (Response response : new Response[] {identity().get("/"), gzip().get("/"),
                identity().header("Accept-Language", "fr").get("/"), gzip().queryParam("lang", "fr").get("/")}) {
            response.then().statusCode(200);
            assertThat(response.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
            assertThat(response.header("Cache-Control")).isEqualTo("no-cache");
            assertThat(response.header("Vary")).contains("Accept-Encoding").contains("Accept-Language");
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'")
                    .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline")
                    .doesNotContain("nonce-");
            assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    @Test
    void shouldGiveEachEncodingItsOwnETagAndAnswer304ForIt() {
        String plainTag = identity().get("/").header("ETag");
        String gzipTag = gzip().get("/").header("ETag");
        assertThat(plainTag).matches("\"[A-Za-z0-9_-]{27}\"");
        assertThat(gzipTag).matches("\"[A-Za-z0-9_-]{27}-gzip\"").isNotEqualTo(plainTag);

        Response revalidated = gzip().header("If-None-Match", gzipTag).get("/");
        assertThat(revalidated.statusCode()).isEqualTo(304);
        assertThat(revalidated.asByteArray()).isEmpty();
        assertThat(revalidated.header("ETag")).isEqualTo(gzipTag);
        assertThat(revalidated.header("Vary")).contains("Accept-Encoding");
        assertThat(revalidated.header("Cache-Control")).isEqualTo("no-cache");
        identity().header("If-None-Match", plainTag).get("/").then().statusCode(304);
        // A proxy that compresses on its way may weaken the tag; If-None-Match compares weakly.
        gzip().header("If-None-Match", "W/" + gzipTag).get("/").then().statusCode(304);
        identity().header("If-None-Match", "\"other\", " + plainTag).get("/").then().statusCode(304);
        // The other encoding's tag names another representation: the full page goes out.
        gzip().header("If-None-Match", plainTag).get("/").then().statusCode(200).header("Content-Encoding", "gzip");
        identity().header("If-None-Match", gzipTag).get("/").then().statusCode(200);
    }

    @Test
    void shouldPrepareNewBytesAndNewETagsWhenTheStatusChanges() {
        Response plainBefore = identity().get("/");
        Response gzipBefore = gzip().get("/");
        String plainTag = plainBefore.header("ETag");
        String gzipTag = gzipBefore.header("ETag");

        push("major", "2025-11-27T09:30:00Z", "partial_outage");

        Eventually.within(SETTLE, () -> {
            Response plain = identity().header("If-None-Match", plainTag).get("/");
            Response gzip = gzip().header("If-None-Match", gzipTag).get("/");
            assertThat(plain.statusCode()).isEqualTo(200);
            assertThat(gzip.statusCode()).isEqualTo(200);
            assertThat(plain.header("ETag")).isNotEqualTo(plainTag);
            assertThat(gzip.header("ETag")).isNotEqualTo(gzipTag).isEqualTo(
                    plain.header("ETag").substring(0, plain.header("ETag").length() - 1) + "-gzip\"");
            String page = plain.asString();
            assertThat(page).contains("Partial outage: ActiveSync").isNotEqualTo(plainBefore.asString());
            assertThat(gunzip(gzip.asByteArray())).isEqualTo(plain.asByteArray()).isNotEqualTo(
                    gunzip(gzipBefore.asByteArray()));
        });
    }

    @Test
    void shouldAnswerHeadWithTheHeadersOfGetAndNoBody() {
        for (RequestSpecification request : new RequestSpecification[] {identity(), gzip()}) {
            Response get = request.get("/");
            Response head = request.head("/");
            head.then().statusCode(200);
            assertThat(head.asByteArray()).isEmpty();
            for (String name : new String[] {"Content-Type", "Content-Length", "Content-Encoding", "ETag",
                    "Cache-Control", "Vary", "Content-Security-Policy"}) {
                assertThat(head.header(name)).as(name).isEqualTo(get.header(name));
            }
            assertThat(Integer.parseInt(head.header("Content-Length"))).isEqualTo(get.asByteArray().length);
        }
    }

    @Test
    void shouldSendThePageAsItIsWhenGzipIsRefused() {
        Response refused = given().config(RAW).header("Accept-Encoding", "gzip;q=0, br").get("/");
        refused.then().statusCode(200);
        assertThat(refused.header("Content-Encoding")).isNull();
        assertThat(refused.asString()).startsWith("<!DOCTYPE html>");
        Response any = given().config(RAW).header("Accept-Encoding", "*").get("/");
        assertThat(any.header("Content-Encoding")).isEqualTo("gzip");
    }

    @Test
    void shouldServeBadgesWidgetAndFeedsGzippedToo() {
        api.serve("/api/v1/incidents", "{\"incidents\":[]}");
        try {
            for (String path : new String[] {"/badges/status.svg", "/badges/components/smtp-submission.svg", "/embed",
                    "/feeds/incidents.atom"}) {
                // A feed may be refetched in the background after the change of this test's set-up: wait till it is.
                Eventually.within(SETTLE, () -> {
                    Response plain = identity().get(path);
                    Response gzip = gzip().get(path);
                    plain.then().statusCode(200);
                    gzip.then().statusCode(200).header("Content-Encoding", "gzip");
                    assertThat(gunzip(gzip.asByteArray())).as(path).isEqualTo(plain.asByteArray());
                    assertThat(gzip.header("Vary")).as(path).contains("Accept-Encoding");
                    assertThat(gzip.header("ETag")).as(path).isNotEqualTo(plain.header("ETag"));
                    gzip().header("If-None-Match", gzip.header("ETag")).get(path).then().statusCode(304);
                    identity().header("If-None-Match", plain.header("ETag")).get(path).then().statusCode(304);
                });
            }
        } finally {
            api.serve("/api/v1/incidents", null);
        }
    }

    private void push(String indicator, String at, String activeSync) {
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document(indicator, at, id,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", activeSync,
                        component("activesync-endpoints", "ActiveSync endpoints", activeSync, null))));
        if (activeSync.equals("operational")) {
            // Back to all operational, whatever the previous test left: status-web reads the document.
            api.announceGap();
        } else {
            api.pushChange(id, "activesync-endpoints", "operational", activeSync, at, "");
        }
    }

    private static RequestSpecification identity() {
        return given().config(RAW).header("Accept-Encoding", "identity");
    }

    private static RequestSpecification gzip() {
        return given().config(RAW).header("Accept-Encoding", "gzip, deflate, br");
    }

    private static byte[] gunzip(byte[] compressed) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
