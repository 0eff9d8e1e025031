package io.herald.web.feed;

import static io.herald.web.support.StatusDocs.affected;
import static io.herald.web.support.StatusDocs.component;
import static io.herald.web.support.StatusDocs.document;
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
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The maintenance calendar, read back with ical4j's parser (and validated by it) as a calendar program would. */
@QuarkusTest
class MaintenanceCalendarTest {
    private static final AtomicInteger SEQUENCE = new AtomicInteger(31000);
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
    private static final Instant UPGRADE = NOW.plus(Duration.ofDays(2));

    private String tag;

    @BeforeEach
    void threeMaintenances() {
        tag = "m" + SEQUENCE.incrementAndGet();
        Map<String, Object> upgrade = maintenance("7107", "Mail server upgrade " + tag, "scheduled", UPGRADE.toString(),
                UPGRADE.plus(Duration.ofHours(2)).toString(),
                List.of(affected("smtp-submission", "SMTP submission", "operational")),
                update("scheduled", "Sending may pause; retry, nothing is lost", NOW.toString()));
        upgrade.put("revision", 3);
        Map<String, Object> cancelled = maintenance("7108", "ActiveSync certificate renewal", "completed",
                NOW.minus(Duration.ofDays(1)).toString(), NOW.minus(Duration.ofDays(1)).plus(Duration.ofHours(1))
                        .toString(), List.of(affected("activesync-endpoints", "ActiveSync endpoints", "operational")),
                update("completed", "This maintenance has been cancelled.", NOW.minus(Duration.ofDays(2)).toString()));
        cancelled.put("cancelled_at", NOW.minus(Duration.ofDays(2)).toString());
        cancelled.put("resolved_at", NOW.minus(Duration.ofDays(2)).toString());
        cancelled.put("revision", 1);
        Map<String, Object> old = maintenance("7103", "Old move", "completed", NOW.minus(Duration.ofDays(200)).toString(),
                NOW.minus(Duration.ofDays(200)).plus(Duration.ofHours(1)).toString(),
                List.of(affected("smtp-submission", "SMTP submission", "operational")),
                update("completed", "Done", NOW.minus(Duration.ofDays(200)).toString()));
        old.put("resolved_at", NOW.minus(Duration.ofDays(200)).plus(Duration.ofHours(1)).toString());
        FakeStatusApi api = FakeStatusApi.shared();
        api.serve("/api/v1/maintenances", HeraldJson.write(Map.of("scheduled_maintenances",
                List.of(upgrade, cancelled, old))));
        String id = "1764147600000-" + SEQUENCE.incrementAndGet();
        api.status(document("none", NOW.toString(), id,
                service("email", "Email", "operational",
                        component("smtp-submission", "SMTP submission", "operational", null)),
                service("activesync", "ActiveSync", "operational",
                        component("activesync-endpoints", "ActiveSync endpoints", "operational", null))));
        api.announceGap();
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/maintenance.ics").asString())
                .contains(tag));
    }

    @Test
    void shouldListUpcomingAndRecentMaintenanceAsEventsInThePagesTimeZone() throws Exception {
        Response response = given().get("/maintenance.ics");
        response.then().statusCode(200).contentType("text/calendar;charset=UTF-8");
        Calendar calendar = parse(response.asString());
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(e -> value(e, "UID"))
                .containsExactly("maintenance-7107@localhost", "maintenance-7108@localhost");

        VEvent upgrade = events.get(0);
        assertThat(value(upgrade, "SUMMARY")).isEqualTo("Mail server upgrade " + tag);
        assertThat(value(upgrade, "SEQUENCE")).isEqualTo("3");
        assertThat(value(upgrade, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(upgrade, "URL")).isEqualTo("http://localhost:8080/maintenance/7107");
        assertThat(value(upgrade, "DESCRIPTION")).contains("Affects: SMTP submission",
                "Scheduled: Sending may pause; retry, nothing is lost");
        DtStart<?> start = upgrade.getDateTimeStart().orElseThrow();
        assertThat(start.getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Paris");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(UPGRADE);
        assertThat(start.getValue()).isEqualTo(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")
                .format(UPGRADE.atZone(ZoneId.of("Europe/Paris"))));
        assertThat(calendar.<VTimeZone>getComponents("VTIMEZONE")).extracting(z -> value(z, "TZID"))
                .containsExactly("Europe/Paris");

        VEvent cancelled = events.get(1);
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(cancelled, "SEQUENCE")).isEqualTo("1");
        assertThat(value(cancelled, "SUMMARY")).startsWith("Cancelled: ");
        given().header("If-None-Match", response.header("ETag")).get("/maintenance.ics").then().statusCode(304);
    }

    @Test
    void shouldServeOneComponentsCalendarAndOneMaintenanceToAdd() throws Exception {
        Calendar smtp = parse(given().get("/components/smtp-submission/maintenance.ics").then().statusCode(200)
                .extract().asString());
        assertThat(smtp.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, "UID"))
                .containsExactly("maintenance-7107@localhost");
        Calendar one = parse(given().get("/maintenance/7108/calendar.ics").then().statusCode(200).extract().asString());
        assertThat(one.<VEvent>getComponents("VEVENT")).extracting(e -> value(e, "UID"))
                .containsExactly("maintenance-7108@localhost");
        given().get("/components/no-such-thing/maintenance.ics").then().statusCode(404);
        given().get("/maintenance/999/calendar.ics").then().statusCode(404);
    }

    @Test
    void shouldOfferAddToCalendarOnTheMaintenancePage() {
        FakeStatusApi.shared().serve("/api/v1/maintenances/7107", HeraldJson.write(maintenance("7107",
                "Mail server upgrade " + tag, "scheduled", UPGRADE.toString(), UPGRADE.plus(Duration.ofHours(2))
                        .toString(), List.of(affected("smtp-submission", "SMTP submission", "operational")),
                update("scheduled", "Sending may pause", NOW.toString()))));
        Eventually.within(Duration.ofSeconds(10), () -> assertThat(given().get("/maintenance/7107").then()
                .statusCode(200).extract().asString()).contains(tag)
                .contains("href=\"/maintenance/7107/calendar.ics\"").contains("Add to calendar"));
        assertThat(given().get("/maintenance/7107?lang=fr").asString()).contains("Ajouter à l’agenda");
    }

    private static Calendar parse(String text) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        calendar.validate();
        return calendar;
    }

    private static String value(net.fortuna.ical4j.model.Component component, String name) {
        return component.<Property>getProperty(name).map(Property::getValue).orElse(null);
    }
}
