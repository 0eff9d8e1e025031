package io.herald.web.feed;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
import static io.herald.web.support.StatusDocs.incident;
import static io.herald.web.support.StatusDocs.maintenance;
import static io.herald.web.support.StatusDocs.service;
import static io.herald.web.support.StatusDocs.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.model.HeraldJson;
import io.herald.web.support.Eventually;
import io.herald.web.support.FakeStatusApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@QuarkusTest
class FeedsBadgesEmbedTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(11000);

    @BeforeEach
    void twoIncidentsAndAMaintenance() {
        FakeStatusApi api = FakeStatusApi.shared();
        api.serve("/api/v1/incidents", HeraldJson.write(Map.of("incidents", List.of(
                incident("42", "ActiveSync: some users cannot connect", "identified", "major", "2025-11-26T08:00:00Z",
                        null, List.of(affected("activesync-endpoints", "ActiveSync endpoints", "partial_outage")),
                        update("identified", "A change at the <mail> provider & co", "2025-11-26T08:40:00Z")),
                incident("41", "SMTP slow", "resolved", "minor", "2025-11-20T08:00:00Z", "2025-11-20T09:00:00Z",
                        List.of(affected("smtp-submission", "SMTP submission", "operational")),
                        update("resolved", "Fixed", "2025-11-20T09:00:00Z"))))));
        api.serve("/api/v1/maintenances", HeraldJson.write(Map.of("scheduled_maintenances", List.of(
                maintenance("7", "Mail server upgrade", "scheduled", "2025-11-28T20:00:00Z", "2025-11-28T22:00:00Z",
                        List.of(affected("smtp-submission", "SMTP submission", "operational")),
                        update("scheduled", "Sending may pause", "2025-11-26T07:00:00Z"))))));
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document("major", "2025-11-26T08:00:00Z", id,
                service("email", "Email", "operational", component("smtp-submission", "SMTP submission", "operational", null),
                        component("imap-pop", "IMAP / POP", "operational", null)),
                service("activesync", "ActiveSync", "partial_outage",
                        component("activesync-endpoints", "ActiveSync endpoints", "partial_outage", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/").asString())
                .contains("datetime=\"2025-11-26T08:00:00Z\"").contains("Partial outage: ActiveSync"));
    }

    @Test
    void shouldServeAnAtomFeedOfIncidents() throws Exception {
        Response response = given().get("/feeds/incidents.atom");
        response.then().statusCode(200).contentType("application/atom+xml;charset=UTF-8");
        Document atom = xml(response.asByteArray());
        assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
        NodeList entries = atom.getElementsByTagNameNS("*", "entry");
        assertThat(entries.getLength()).isEqualTo(2);
        assertThat(text(atom, "title", 1)).isEqualTo("ActiveSync: some users cannot connect");
        assertThat(text(atom, "content", 0)).isEqualTo("Identified: A change at the <mail> provider & co");
        assertThat(response.asString()).contains("&lt;mail&gt; provider &amp; co",
                "<link rel=\"alternate\" type=\"text/html\" href=\"http://localhost:8080/incidents/42\"/>");
        given().header("If-None-Match", response.header("ETag")).get("/feeds/incidents.atom").then().statusCode(304);
    }

    @Test
    void shouldServeRssAndPerComponentFeeds() throws Exception {
        Document rss = xml(given().get("/feeds/incidents.rss").then().statusCode(200)
                .contentType("application/rss+xml;charset=UTF-8").extract().asByteArray());
        assertThat(rss.getElementsByTagName("item").getLength()).isEqualTo(2);
        Document smtp = xml(given().get("/feeds/components/smtp-submission/incidents.atom").then().statusCode(200)
                .extract().asByteArray());
        assertThat(smtp.getElementsByTagNameNS("*", "entry").getLength()).isEqualTo(1);
        assertThat(text(smtp, "title", 1)).isEqualTo("SMTP slow");
        Document maintenance = xml(given().get("/feeds/components/smtp-submission/maintenance.rss").then()
                .statusCode(200).extract().asByteArray());
        assertThat(maintenance.getElementsByTagName("item").getLength()).isEqualTo(1);
        assertThat(xml(given().get("/feeds/maintenance.atom").then().statusCode(200).extract().asByteArray())
                .getElementsByTagNameNS("*", "entry").getLength()).isEqualTo(1);
        given().get("/feeds/components/nope/incidents.atom").then().statusCode(404);
    }

    @Test
    void shouldDrawBadgesWithTheStatusInWords() throws Exception {
        Response badge = given().get("/badges/components/activesync-endpoints.svg");
        badge.then().statusCode(200).contentType("image/svg+xml;charset=UTF-8");
        Document svg = xml(badge.asByteArray());
        assertThat(svg.getDocumentElement().getAttribute("aria-label")).isEqualTo("ActiveSync endpoints: Partial outage");
        assertThat(badge.asString()).contains("fill=\"#b35900\"", ">Partial outage</text>");
        String page = given().get("/badges/status.svg").then().statusCode(200).extract().asString();
        assertThat(page).contains("aria-label=\"Acme &lt;Test&gt; organisation: Partial outage: ActiveSync\"");
        given().get("/badges/components/nope.svg").then().statusCode(404);
    }

    @Test
    void shouldServeAWidgetOtherSitesMayFrameButNoOtherPage() {
        Response embed = given().get("/embed");
        embed.then().statusCode(200);
        assertThat(embed.header("Content-Security-Policy")).contains("frame-ancestors *", "default-src 'none'",
                "script-src 'self'", "connect-src 'self'");
        assertThat(embed.header("X-Frame-Options")).isNull();
        // Kept current in place by its own script (a reload would take the focus away), by a refresh without script.
        assertThat(embed.asString()).contains("Partial outage: ActiveSync", "href=\"http://localhost:8080/\"",
                "<noscript><meta http-equiv=\"refresh\" content=\"60\"></noscript>",
                "<script src=\"/js/embed.js\" defer></script>", "data-refresh-seconds=\"60\"");
        assertThat(embed.asString()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=\"/)");
        given().get("/js/embed.js").then().statusCode(200);
        for (String path : new String[] {"/", "/embed/", "/embedded", "/history", "/feeds/incidents.atom"}) {
            Response other = given().get(path);
            assertThat(other.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(other.header("Content-Security-Policy")).as(path).contains("frame-ancestors 'none'");
        }
    }

    private static Document xml(byte[] bytes) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static String text(Document doc, String tag, int index) {
        return doc.getElementsByTagNameNS("*", tag).item(index).getTextContent();
    }
}
