package io.herald.system.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.system.browser.BrowserWait;
import io.herald.system.browser.Browsers;
import io.herald.system.faults.Figures;
import io.herald.system.faults.Psql;
import io.herald.system.faults.ServiceProcess;
import io.herald.system.faults.SseRecorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.assertj.core.data.Offset;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The day the mail stopped (../shared/SCENARIO.md), replayed on the three packaged services as processes: three
 * ingest-workers, one per probe location, probing Debian's nginx (Outlook on the web, five ActiveSync mailbox
 * endpoints, the intranet, the public site), postfix (SMTP) and dovecot (IMAP), pulling a Microsoft Graph-shaped
 * service health and taking an Alertmanager webhook; status-api on a database of its own, with the help desk
 * subscribed by webhook and by email (delivered by the same postfix into a mailbox); status-web read by a real
 * Chromium. Each step is asserted where a person sees it.
 *
 * <p><b>How thirteen hours fit in a few minutes.</b> Herald's clock is not moved; its durations are scaled. A probe
 * round of 30 s is 2 s here (so "3 failed probes" take about 6 s), the flapping window of 15 minutes is 60 s and
 * its quiet period 10 s, and each "hour" of the story lasts as long as what it must show needs (the flapping hour
 * about 40 s). The outage's length is therefore the test's own, measured from the first partial-outage event on
 * status-api's stream to the recovery; "about 13 hours of partial outage in the uptime bar" becomes: today's bar
 * holds that measured time in partial outage, to within a probe round or two, and the 24 h uptime percentage is
 * what that time makes of the time observed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration SECONDS_30 = Duration.ofSeconds(30);
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static final List<String> LOCATIONS = List.of("paris", "lyon", "lille");
    private static final String PROM_TOKEN = "prom-" + UUID.randomUUID();
    private static final String ADMIN_TOKEN = "scenario-admin-" + UUID.randomUUID();
    private static final String OPERATOR = "duty-operator";
    /** bcrypt of "bootstrap operator password". */
    private static final String OPERATOR_BCRYPT = "$2a$10$yT7mP8PVmj4eqlpa.xIetej7xhC1UREqjdy7C4xM3UHG4OSPXk0Ie";
    private static final String OPERATOR_PASSWORD = "bootstrap operator password";
    private static final String INCIDENT_NAME = "ActiveSync: some users cannot connect";
    private static final String IDENTIFIED = "Identified: a change at the mail provider prevents some Outlook and"
            + " ActiveSync connections";

    private static final Path ROOT = Path.of(System.getProperty("herald.root", "..")).toAbsolutePath().normalize();
    private static final Path TARGET = ROOT.resolve("system-tests/target/scenario");
    private static final String DATABASE = "herald_scenario";
    private static final String PREFIX = "herald-scenario-" + UUID.randomUUID().toString().substring(0, 8) + ":";

    private static FrontEnds frontEnds;
    private static MailServers mail;
    private static GraphUpstream graph;
    private static HelpDesk helpDesk;
    private static ServiceProcess api;
    private static ServiceProcess web;
    private static final List<ServiceProcess> workers = new ArrayList<>();
    private static SseRecorder stream;
    private static WebDriver browser;
    private static Figures figures;

    private static String operatorToken;
    private static long incidentId;
    private static long outageStartedNanos;
    private static long outageEndedNanos;
    /** The changes' own times (the evaluator's), which history and the uptime bar count from. */
    private static Instant outageStartedAt;
    private static Instant outageEndedAt;
    private static int deliveriesBeforeFlapping;

    @BeforeAll
    static void startTheOrganisation() throws Exception {
        figures = new Figures("scenario", TARGET.resolve("figures.txt"));
        frontEnds = new FrontEnds(TARGET.resolve("nginx"), LOCATIONS).start();
        mail = new MailServers(TARGET.resolve("mail")).start();
        graph = new GraphUpstream();
        helpDesk = new HelpDesk();
        Psql.recreate(DATABASE);

        Path logs = TARGET.resolve("logs");
        List<String> common = List.of(
                "-Dherald.catalog.path=" + ROOT.resolve("system-tests/src/test/resources/scenario-catalog.yaml"),
                "-Dherald.redis.prefix=" + PREFIX,
                "-Dquarkus.redis.hosts=redis://127.0.0.1:6379");
        int webPort = ServiceProcess.freePort();
        Map<String, String> pageUrl = Map.of("SCENARIO_WEB_URL", "http://127.0.0.1:" + webPort);
        List<String> apiOptions = new ArrayList<>(common);
        apiOptions.addAll(List.of(
                "-Dquarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + DATABASE,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                "-Dherald.api.consumer=scenario-api",
                "-Dherald.api.bootstrap-admin-token-sha256=" + sha256(ADMIN_TOKEN),
                "-Dherald.api.bootstrap-admin-user=" + OPERATOR,
                "-Dherald.api.bootstrap-admin-password-bcrypt=" + OPERATOR_BCRYPT,
                "-Dherald.api.uptime.cache-ttl=1s",
                "-Dquarkus.mailer.host=127.0.0.1",
                "-Dquarkus.mailer.port=" + mail.smtpPort,
                "-Dquarkus.mailer.start-tls=DISABLED",
                "-Dherald.subscribers.mail-from=Parliament IT status <status@herald.test>",
                "-Dherald.subscribers.allow-private-targets=true",
                "-Dherald.subscribers.public-url=http://127.0.0.1:" + webPort,
                "-Dherald.subscribers.delivery.poll-interval=200ms"));
        api = new ServiceProcess(ROOT, "status-api", "status-api", ServiceProcess.freePort(), logs, apiOptions,
                pageUrl);
        api.start();
        api.awaitReady(Duration.ofSeconds(120));
        for (String location : LOCATIONS) {
            List<String> options = new ArrayList<>(common);
            options.addAll(List.of(
                    "-Dherald.ingest.location=" + location,
                    "-Dherald.evaluator.consumer=scenario-" + location,
                    "-Dherald.evaluator.claim-idle=5s",
                    "-Dherald.evaluator.tick=1s",
                    "-Dherald.evaluator.flapping.max-changes=3",
                    "-Dherald.evaluator.flapping.window=60s",
                    "-Dherald.evaluator.flapping.quiet=10s",
                    "-Dherald.ingest.sources.prom.format=alertmanager",
                    "-Dherald.ingest.sources.prom.token-sha256=" + sha256(PROM_TOKEN)));
            workers.add(new ServiceProcess(ROOT, "ingest-worker", "ingest-" + location, ServiceProcess.freePort(),
                    logs, options, Map.of(
                            "SCENARIO_FRONT_END", frontEnds.url(location),
                            "SCENARIO_SMTP_PORT", Integer.toString(mail.smtpPort),
                            "SCENARIO_IMAP_PORT", Integer.toString(mail.imapPort),
                            "SCENARIO_GRAPH_URL", graph.url(),
                            "SCENARIO_GRAPH_SECRET", GraphUpstream.CLIENT_SECRET,
                            "SCENARIO_WEB_URL", "http://127.0.0.1:" + webPort)));
        }
        for (ServiceProcess worker : workers) {
            worker.start();
        }
        List<String> webOptions = new ArrayList<>(common);
        webOptions.addAll(List.of("-Dherald.web.api-url=" + api.url(), "-Dherald.web.reconnect-max=2s"));
        web = new ServiceProcess(ROOT, "status-web", "status-web", webPort, logs, webOptions, pageUrl);
        web.start();
        for (ServiceProcess worker : workers) {
            worker.awaitReady(Duration.ofSeconds(120));
        }
        web.awaitReady(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stopTheOrganisation() throws Exception {
        if (figures != null) {
            figures.write();
        }
        if (browser != null) {
            Browsers.quit(List.of(browser));
        }
        if (stream != null) {
            stream.close();
        }
        List<AutoCloseable> all = new ArrayList<>(workers);
        all.add(web);
        all.add(api);
        all.add(helpDesk);
        all.add(graph);
        all.add(mail);
        all.add(frontEnds);
        for (AutoCloseable closeable : all) {
            if (closeable != null) {
                closeable.close();
            }
        }
        Psql.drop(DATABASE);
        Process scan = new ProcessBuilder("sh", "-c", "redis-cli -h 127.0.0.1 --scan --pattern '" + PREFIX
                + "*' | xargs -r redis-cli -h 127.0.0.1 del").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        scan.waitFor(20, TimeUnit.SECONDS);
    }

    /** 08:55. A quiet morning: every probe answers from every location; the help desk signs up. */
    @Test
    @Order(1)
    void shouldShowAQuietMorningWithTheHelpDeskSubscribed() throws Exception {
        JsonNode status = awaitJson("every component evaluated and operational", MINUTE, api.url() + "/api/v1/status",
                s -> s.path("services").findValues("evaluated").stream().allMatch(JsonNode::asBoolean)
                        && s.path("status").path("indicator").asText().equals("none"));
        assertThat(status.path("services").findValuesAsText("id")).contains("email", "activesync", "web");

        List<String> watched = List.of("smtp-submission", "imap", "outlook-web", "exchange-online",
                "activesync-endpoints");
        JsonNode hook = send("POST", api.url() + "/api/v1/admin/subscribers", ADMIN_TOKEN,
                Map.of("kind", "webhook", "url", helpDesk.url(), "components", watched), 201);
        helpDesk.secret(hook.path("secret").asText());
        JsonNode email = send("POST", api.url() + "/api/v1/admin/subscribers", ADMIN_TOKEN,
                Map.of("kind", "email", "email", "helpdesk@herald.test", "components", watched), 201);
        assertThat(email.path("confirmed").asBoolean()).as("an operator's sign-up needs no confirmation").isTrue();

        stream = new SseRecorder(api.url(), null).start();
        await("status-api's stream open").atMost(SECONDS_30).until(() -> stream.connections.get() > 0);
        browser = Browsers.chromium(true);
        browser.get(web.url() + "/");
        BrowserWait.until(browser, SECONDS_30, d -> "live".equals(d.findElement(By.id("live-state"))
                .getAttribute("data-state")));
        BrowserWait.until(browser, SECONDS_30, d -> d.findElement(By.id("banner")).getText()
                .equals("All Systems Operational"));
        // A mark that only this page load has: if the page reloaded, it would be gone.
        ((JavascriptExecutor) browser).executeScript("window.__sameLoad = true;");
    }

    /**
     * 09:00. Two of five ActiveSync endpoints fail from every location and Outlook on the web is slow: ActiveSync goes
     * to partial outage, Email to degraded; an automatic incident opens; the page changes live; the help desk hears.
     */
    @Test
    @Order(2)
    void shouldTellEveryoneAtOnceWhenActiveSyncFailsForSomeUsers() throws Exception {
        int mailsBefore = countMails();
        int changes = stream.changes.size();
        long changed = System.nanoTime();
        frontEnds.set("mbx2.down", true);
        frontEnds.set("mbx4.down", true);
        frontEnds.set("owa.slow", true);

        SseRecorder.Received partial = awaitChange("activesync-endpoints", "partial_outage", changes, MINUTE);
        outageStartedNanos = partial.nanos();
        outageStartedAt = Instant.parse(JSON.readTree(partial.data()).path("change").path("at").asText());
        figures.add("failure to partial_outage on status-api's stream (3 probe rounds of 2 s, quorum 2 of 3)",
                Duration.ofNanos(partial.nanos() - changed));
        JsonNode change = JSON.readTree(partial.data()).path("change");
        assertThat(change.path("from").asText()).isEqualTo("operational");
        assertThat(change.path("cause").asText()).containsAnyOf("mailbox-2", "mailbox-4")
                .doesNotContain("mailbox-1", "mailbox-3", "mailbox-5");
        // The second endpoint's failure, a moment later, is a refresh of the same status: the page names both.
        awaitJson("the page names both failing endpoints", SECONDS_30, api.url() + "/api/v1/status",
                s -> componentCause(s, "activesync-endpoints").contains("mailbox-2")
                        && componentCause(s, "activesync-endpoints").contains("mailbox-4"));

        JsonNode summary = awaitJson("summary.json shows the outage", SECONDS_30, api.url() + "/api/v2/summary.json",
                s -> "degraded_performance".equals(componentStatus(s, "outlook-web")));
        assertThat(componentStatus(summary, "activesync-endpoints")).isEqualTo("partial_outage");
        assertThat(summary.path("status").path("indicator").asText()).isEqualTo("major");
        assertThat(groupStatus(summary, "Email")).isEqualTo("degraded_performance");

        BrowserWait.until(browser, SECONDS_30, d -> d.findElement(By.id("banner")).getText()
                .contains("Partial outage: ActiveSync"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameLoad === true;"))
                .as("the banner changed without a reload").isEqualTo(true);
        assertThat(browser.findElement(By.id("component-activesync-endpoints")).getAttribute("data-status"))
                .isEqualTo("partial_outage");

        JsonNode incident = awaitJson("an automatic incident", SECONDS_30, api.url() + "/api/v1/incidents",
                list -> openIncidents(list).size() == 1);
        JsonNode opened = openIncidents(incident).get(0);
        incidentId = opened.path("id").asLong();
        assertThat(opened.path("name").asText()).isEqualTo(INCIDENT_NAME);
        assertThat(opened.path("impact").asText()).isEqualTo("major");
        assertThat(opened.path("automatic").asBoolean()).isTrue();
        String firstUpdate = opened.path("incident_updates").get(opened.path("incident_updates").size() - 1)
                .path("body").asText();
        assertThat(firstUpdate).containsAnyOf("Mailbox endpoint 2", "Mailbox endpoint 4")
                .doesNotContain("Mailbox endpoint 1", "Mailbox endpoint 3", "Mailbox endpoint 5");

        HelpDesk.Delivery told = awaitDelivery("incident.opened", 0, SECONDS_30);
        figures.add("partial_outage on the stream to the help desk's webhook",
                Duration.ofNanos(Math.max(0, told.receivedNanos() - partial.nanos())));
        assertThat(told.body().path("data").toString()).contains(INCIDENT_NAME);
        await("the help desk's mail").atMost(SECONDS_30).pollInterval(Duration.ofMillis(200))
                .until(() -> countMails() > mailsBefore);
        figures.add("partial_outage on the stream to the help desk's mail in its mailbox",
                Duration.ofNanos(System.nanoTime() - partial.nanos()));
        assertThat(mail.mailbox()).contains("Subject: [Parliament IT status]").contains(INCIDENT_NAME);

        String atom = awaitText("the Atom entry", SECONDS_30, web.url() + "/feeds/incidents.atom",
                text -> text.contains(INCIDENT_NAME));
        assertThat(atom).contains("<entry>");
    }

    /** 09:02. One location's own network fails for several probe rounds: quorum holds, nothing changes. */
    @Test
    @Order(3)
    void shouldIgnoreOneLocationsBlip() throws Exception {
        int changesBefore = stream.changes.size();
        frontEnds.set("blip-lille", true);
        // Long enough for lille's own view of the intranet to go down (3 failed rounds of 2 s), as the evaluator
        // keeps it: the quorum of 2 of 3 locations is what keeps the page as it was.
        await("lille's view of the intranet down").atMost(SECONDS_30).pollInterval(Duration.ofMillis(200))
                .until(() -> locationState("intranet-http", "lille").equals("DOWN"));
        frontEnds.set("blip-lille", false);
        await("lille's view of the intranet up again").atMost(SECONDS_30).pollInterval(Duration.ofMillis(200))
                .until(() -> locationState("intranet-http", "lille").equals("UP"));
        List<String> moved = changesSince(changesBefore).stream()
                .filter(c -> !c.path("from").asText().equals(c.path("to").asText()))
                .map(c -> c.path("component").asText() + " " + c.path("to").asText()).toList();
        assertThat(moved).as("status changes during one location's blip").isEmpty();
        JsonNode summary = json(api.url() + "/api/v2/summary.json");
        assertThat(componentStatus(summary, "intranet")).isEqualTo("operational");
        assertThat(componentStatus(summary, "public-site")).isEqualTo("operational");
    }

    /**
     * 09:20. Alertmanager fires for ActiveSync and Microsoft 365 reports Exchange Online degraded: both become
     * signals on the same components; one incident still; the alert delivered twice is applied once. A worker is
     * killed with the alert just accepted and comes back; nothing it accepted is lost.
     */
    @Test
    @Order(4)
    void shouldTakeTheAlertAndTheVendorsWordWithoutDoublingAnything() throws Exception {
        int deliveries = helpDesk.deliveries.size();
        ServiceProcess lyon = workers.get(1);
        String alert = alertmanager("firing");
        JsonNode accepted = postWebhook(lyon, alert, 202);
        lyon.kill();
        JsonNode again = postWebhook(workers.get(0), alert, 202);
        assertThat(again.path("duplicate").asBoolean()).as("the same alert delivered twice").isTrue();
        assertThat(accepted.path("duplicate").asBoolean(false)).isFalse();
        graph.degraded("EX226792", "Some users cannot connect to Exchange Online through ActiveSync or Outlook");

        awaitJson("the alert and the vendor's word applied", MINUTE, api.url() + "/api/v1/status",
                s -> componentCause(s, "activesync-endpoints").contains("activesync-alert")
                        && "degraded_performance".equals(componentStatusV1(s, "exchange-online")));
        JsonNode status = json(api.url() + "/api/v1/status");
        assertThat(componentDetail(status, "exchange-online")).contains("EX226792");
        assertThat(componentStatusV1(status, "activesync-endpoints")).isEqualTo("partial_outage");

        lyon.start();
        lyon.awaitReady(MINUTE);
        JsonNode incidents = json(api.url() + "/api/v1/incidents");
        assertThat(openIncidents(incidents)).as("one incident, not one per signal").hasSize(1);
        assertThat(helpDesk.since(deliveries)).as("no second incident told to the help desk")
                .noneMatch(d -> d.type().equals("incident.opened"));
        assertThat(graph.mistakes).as("requests to Graph out of its format").isEmpty();
    }

    /** 09:40. The duty operator takes the incident over; the help desk gets the update; automation only adds facts. */
    @Test
    @Order(5)
    void shouldLetTheOperatorTakeTheIncidentOver() throws Exception {
        int deliveries = helpDesk.deliveries.size();
        JsonNode session = send("POST", api.url() + "/api/v1/auth/sessions", null,
                Map.of("username", OPERATOR, "password", OPERATOR_PASSWORD), 201);
        operatorToken = session.path("token").asText();
        JsonNode taken = send("POST", api.url() + "/api/v1/admin/incidents/" + incidentId + "/updates",
                operatorToken, Map.of("status", "identified", "body", IDENTIFIED), 201);
        assertThat(taken.path("taken_over").asBoolean()).isTrue();
        assertThat(taken.path("status").asText()).isEqualTo("identified");

        HelpDesk.Delivery update = awaitDelivery("incident.updated", deliveries, SECONDS_30);
        assertThat(update.body().path("data").toString()).contains("a change at the mail provider");
        String page = awaitText("the incident page shows the update", SECONDS_30,
                web.url() + "/incidents/" + incidentId, html -> html.contains("a change at the mail provider"));
        assertThat(page).contains(INCIDENT_NAME);
    }

    /**
     * 12:00. PostgreSQL's connections are cut for a while, and Outlook on the web recovers meanwhile: the live
     * status goes on, and history gets the change once PostgreSQL is back.
     */
    @Test
    @Order(6)
    void shouldKeepHistoryThroughAPostgresCut() throws Exception {
        Psql.query("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
        try {
            Psql.query("postgres", "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = '"
                    + DATABASE + "'");
            int changes = stream.changes.size();
            frontEnds.set("owa.slow", false);
            awaitChange("outlook-web", "operational", changes, MINUTE);
            assertThat(status(api.url() + "/api/v2/summary.json")).as("summary.json during the cut").isEqualTo(200);
            assertThat(status(api.url() + "/api/v1/incidents")).as("a read that needs PostgreSQL").isEqualTo(503);
        } finally {
            Psql.query("postgres", "ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
        }
        JsonNode history = awaitJson("the change made during the cut in history", MINUTE,
                api.url() + "/api/v1/components/outlook-web/history",
                h -> h.toString().contains("\"to\":\"operational\"") && h.toString().contains("degraded_performance"));
        assertThat(history.toString()).contains("degraded_performance");
    }

    /**
     * The flapping hour. Mailbox endpoint 2 recovers and fails again every few "minutes": the page holds partial
     * outage (the alert still fires, the flapping check is held), nothing toggles, the help desk is not flooded.
     */
    @Test
    @Order(7)
    void shouldHoldPartialOutageThroughTheFlappingHour() throws Exception {
        deliveriesBeforeFlapping = helpDesk.deliveries.size();
        int changesBefore = stream.changes.size();
        boolean sawFlapping = false;
        for (int flip = 0; flip < 8; flip++) {
            boolean down = flip % 2 == 1;
            frontEnds.set("mbx2.down", down);
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(7);
            while (System.nanoTime() < until) {
                JsonNode status = json(api.url() + "/api/v1/status");
                sawFlapping |= flapping("mailbox-2");
                assertThat(componentStatusV1(status, "activesync-endpoints")).as("ActiveSync during the flapping hour")
                        .isEqualTo("partial_outage");
                awaitQuietly(Duration.ofMillis(500));
            }
        }
        frontEnds.set("mbx2.down", true);
        assertThat(sawFlapping).as("the evaluator held Mailbox endpoint 2 as flapping").isTrue();
        List<String> activesync = changesSince(changesBefore).stream()
                .filter(c -> c.path("component").asText().equals("activesync-endpoints"))
                .filter(c -> !c.path("from").asText().equals(c.path("to").asText()))
                .map(c -> c.path("to").asText()).toList();
        assertThat(activesync).as("ActiveSync status changes during the flapping hour").isEmpty();
        assertThat(helpDesk.since(deliveriesBeforeFlapping)).as("deliveries to the help desk in the flapping hour")
                .isEmpty();
        figures.add("deliveries to the help desk during the flapping hour", helpDesk.since(deliveriesBeforeFlapping)
                .size());
    }

    /** status-api restarts: the page stays up and says it shows the last known state, then carries on live. */
    @Test
    @Order(8)
    void shouldKeepThePageUpWhileStatusApiRestarts() throws Exception {
        api.kill();
        BrowserWait.until(browser, MINUTE, d -> d.findElement(By.id("stale")).isDisplayed());
        assertThat(browser.findElement(By.id("stale")).getText()).isNotBlank();
        assertThat(browser.findElement(By.id("component-activesync-endpoints")).getAttribute("data-status"))
                .as("the last known state").isEqualTo("partial_outage");
        String html = awaitText("status-web serves the page without status-api", SECONDS_30, web.url() + "/",
                text -> text.contains("Partial outage: ActiveSync"));
        assertThat(html).as("the notice is shown, not hidden").contains("id=\"stale\">");
        long killed = System.nanoTime();
        api.start();
        api.awaitReady(Duration.ofSeconds(120));
        BrowserWait.until(browser, MINUTE, d -> !d.findElement(By.id("stale")).isDisplayed());
        figures.add("status-api killed to the page live again", Duration.ofNanos(System.nanoTime() - killed));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameLoad === true;"))
                .as("the page was never reloaded").isEqualTo(true);
        await("status-api's stream open again").atMost(MINUTE).until(() -> stream.connections.get() > 1);
    }

    /**
     * 22:00. The vendor reverts the change: every probe recovers, the alert resolves, Microsoft 365 is operational.
     * The components come back, the operator resolves the incident, the help desk is told, the page is green.
     */
    @Test
    @Order(9)
    void shouldResolveWhenTheVendorReverts() throws Exception {
        int deliveries = helpDesk.deliveries.size();
        int mailsBefore = countMails();
        int changes = stream.changes.size();
        frontEnds.set("mbx2.down", false);
        frontEnds.set("mbx4.down", false);
        postWebhook(workers.get(2), alertmanager("resolved"), 202);
        graph.operational();
        SseRecorder.Received back = awaitChange("activesync-endpoints", "operational", changes, MINUTE);
        outageEndedNanos = back.nanos();
        outageEndedAt = Instant.parse(JSON.readTree(back.data()).path("change").path("at").asText());
        figures.add("partial outage measured on status-api's stream (the scenario's 13 hours)",
                Duration.ofNanos(outageEndedNanos - outageStartedNanos));
        JsonNode recovered = awaitJson("every component operational", MINUTE, api.url() + "/api/v2/summary.json",
                s -> {
                    for (JsonNode component : s.path("components")) {
                        if (!component.path("status").asText().equals("operational")) {
                            return false;
                        }
                    }
                    return true;
                });
        assertThat(recovered.path("status").path("indicator").asText())
                .as("the open incident's impact holds the indicator until the operator resolves it").isEqualTo("major");

        JsonNode facts = awaitJson("automation says all recovered", SECONDS_30,
                api.url() + "/api/v1/incidents/" + incidentId,
                i -> i.toString().contains("operational again"));
        assertThat(facts.path("status").asText()).as("an operator's incident is left to the operator to resolve")
                .isNotEqualTo("resolved");
        send("POST", api.url() + "/api/v1/admin/incidents/" + incidentId + "/resolve", operatorToken,
                Map.of("body", "Resolved: the provider reverted its change; Outlook and ActiveSync connect again."),
                200);
        HelpDesk.Delivery resolved = awaitDelivery("incident.resolved", deliveries, SECONDS_30);
        assertThat(resolved.body().path("data").toString()).contains("reverted its change");
        await("the help desk's mail about the resolution").atMost(SECONDS_30).pollInterval(Duration.ofMillis(200))
                .until(() -> countMails() > mailsBefore);
        awaitJson("summary.json all clear", SECONDS_30, api.url() + "/api/v2/summary.json",
                s -> s.path("status").path("indicator").asText().equals("none")
                        && s.path("status").path("description").asText().equals("All Systems Operational"));
        BrowserWait.until(browser, SECONDS_30, d -> d.findElement(By.id("banner")).getText()
                .equals("All Systems Operational"));
        assertThat(helpDesk.refused).as("deliveries whose signature did not verify").isEmpty();
    }

    /** The day after: the uptime bar, the percentages, the incident's whole timeline, the month, the audit log. */
    @Test
    @Order(10)
    void shouldKeepTheWholeDayOnRecord() throws Exception {
        long outageSeconds = Duration.between(outageStartedAt, outageEndedAt).toSeconds();
        JsonNode days = awaitJson("today's bar holds the outage", MINUTE, api.url() + "/api/v1/uptime/days?days=1",
                d -> partialSecondsToday(d) > 0 && !worstToday(d).equals("operational"));
        long partial = partialSecondsToday(days);
        figures.add("seconds of partial outage on ActiveSync's bar today", partial);
        assertThat(partial).as("the bar's partial outage against the changes' own times on the stream (%d s)",
                outageSeconds).isBetween(outageSeconds - 2, outageSeconds + 2);
        assertThat(worstToday(days)).isEqualTo("partial_outage");

        JsonNode day = json(api.url() + "/api/v1/components/activesync-endpoints/uptime?window=24h");
        JsonNode seconds = day.path("seconds");
        long observed = seconds.path("operational").asLong() + seconds.path("degraded_performance").asLong()
                + seconds.path("partial_outage").asLong() + seconds.path("major_outage").asLong();
        double expected = 100.0 * (observed - seconds.path("partial_outage").asLong()) / observed;
        // The seconds are whole ones and the percentage exact: allow two seconds of rounding over the time observed.
        assertThat(day.path("uptime_percent").asDouble()).as("24 h uptime from %s", seconds).isCloseTo(expected,
                Offset.offset(100.0 * 2 / observed + 0.1)).isLessThan(100.0);
        for (String window : List.of("7d", "30d", "90d")) {
            assertThat(json(api.url() + "/api/v1/components/activesync-endpoints/uptime?window=" + window)
                    .path("uptime_percent").asDouble()).as(window + " uptime").isLessThan(100.0);
        }

        String page = awaitText("the incident page with its whole timeline", SECONDS_30,
                web.url() + "/incidents/" + incidentId, html -> html.contains("reverted its change"));
        assertThat(page).contains(INCIDENT_NAME, "a change at the mail provider", "Resolved")
                .containsAnyOf("Mailbox endpoint 2", "Mailbox endpoint 4");
        assertThat(page.indexOf("reverted its change")).as("newest first").isLessThan(page.indexOf(
                "a change at the mail provider"));
        String month = LocalDate.now(ZoneId.of("Europe/Paris")).toString().substring(0, 7);
        assertThat(text(web.url() + "/history/" + month)).contains("href=\"/incidents/" + incidentId + "\"",
                INCIDENT_NAME);

        JsonNode audit = send("GET", api.url() + "/api/v1/admin/audit?limit=100", ADMIN_TOKEN, null, 200);
        List<String> done = new ArrayList<>();
        audit.path("entries").forEach(e -> done.add(e.path("actor").asText() + " " + e.path("action").asText()
                + " " + e.path("target").asText()));
        assertThat(done).anyMatch(e -> e.contains(OPERATOR) && e.contains("incident.add_update")
                && e.contains("incident:" + incidentId));
        assertThat(done).anyMatch(e -> e.contains(OPERATOR) && e.contains("incident.resolve")
                && e.contains("incident:" + incidentId));
    }

    // ---- what the test reads, where a person would

    /** The first change of the component to that status on status-api's stream, from the index given on. */
    private static SseRecorder.Received awaitChange(String component, String to, int from, Duration atMost) {
        SseRecorder.Received[] found = {null};
        await(component + " to " + to + " on status-api's stream").atMost(atMost).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    for (SseRecorder.Received received : stream.changes.subList(from, stream.changes.size())) {
                        JsonNode change = JSON.readTree(received.data()).path("change");
                        if (found[0] == null && component.equals(change.path("component").asText())
                                && to.equals(change.path("to").asText()) && !change.path("from").asText().equals(to)) {
                            found[0] = received;
                        }
                    }
                    return found[0] != null;
                });
        return found[0];
    }

    private static List<JsonNode> changesSince(int index) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (SseRecorder.Received received : stream.changes.subList(index, stream.changes.size())) {
            out.add(JSON.readTree(received.data()).path("change"));
        }
        return out;
    }

    private static HelpDesk.Delivery awaitDelivery(String type, int since, Duration atMost) {
        HelpDesk.Delivery[] found = {null};
        await("the help desk's webhook: " + type).atMost(atMost).pollInterval(Duration.ofMillis(50)).until(() -> {
            found[0] = helpDesk.since(since).stream().filter(d -> d.type().equals(type)).findFirst().orElse(null);
            return found[0] != null;
        });
        return found[0];
    }

    private static int countMails() throws IOException {
        return mail.mailbox().split("\nFrom ", -1).length - (mail.mailbox().isEmpty() ? 1 : 0);
    }

    private static List<JsonNode> openIncidents(JsonNode list) {
        List<JsonNode> open = new ArrayList<>();
        list.path("incidents").forEach(i -> {
            if (!i.path("status").asText().equals("resolved")) {
                open.add(i);
            }
        });
        return open;
    }

    private static String componentStatus(JsonNode summary, String id) {
        for (JsonNode component : summary.path("components")) {
            if (id.equals(component.path("id").asText())) {
                return component.path("status").asText();
            }
        }
        return "missing";
    }

    private static String groupStatus(JsonNode summary, String name) {
        for (JsonNode component : summary.path("components")) {
            if (name.equals(component.path("name").asText()) && component.path("group").asBoolean()) {
                return component.path("status").asText();
            }
        }
        return "missing";
    }

    private static JsonNode componentV1(JsonNode status, String id) {
        for (JsonNode service : status.path("services")) {
            for (JsonNode component : service.path("components")) {
                if (id.equals(component.path("id").asText())) {
                    return component;
                }
            }
        }
        return JSON.createObjectNode();
    }

    private static String componentStatusV1(JsonNode status, String id) {
        return componentV1(status, id).path("status").asText();
    }

    private static String componentDetail(JsonNode status, String id) {
        return componentV1(status, id).path("detail").asText("");
    }

    private static String componentCause(JsonNode status, String id) {
        return componentV1(status, id).path("cause").asText("");
    }

    private static JsonNode activeSyncDays(JsonNode days) {
        for (JsonNode component : days.path("components")) {
            if ("activesync-endpoints".equals(component.path("id").asText())) {
                return component;
            }
        }
        return JSON.createObjectNode();
    }

    private static long partialSecondsToday(JsonNode days) {
        JsonNode partial = activeSyncDays(days).path("seconds_by_day").path("partial_outage");
        return partial.isArray() && partial.size() > 0 ? partial.get(partial.size() - 1).asLong() : 0;
    }

    private static String worstToday(JsonNode days) {
        JsonNode worst = activeSyncDays(days).path("worst_status_by_day");
        return worst.isArray() && worst.size() > 0 ? worst.get(worst.size() - 1).asText() : "";
    }

    private static String alertmanager(String state) throws IOException {
        Map<String, Object> alert = Map.of(
                "status", state,
                "labels", Map.of("alertname", "ActiveSyncProbeFailed", "severity", "critical",
                        "instance", "mail.parliament.example:443", "job", "blackbox"),
                "annotations", Map.of("summary", "ActiveSync OPTIONS fails on some mailbox endpoints"),
                "startsAt", "2026-12-06T08:20:00Z",
                "endsAt", state.equals("firing") ? "0001-01-01T00:00:00Z" : "2026-12-06T21:00:00Z",
                "generatorURL", "http://prometheus.parliament.example:9090/graph",
                "fingerprint", "5c1e0a6b2f7d9e31");
        return JSON.writeValueAsString(Map.of(
                "version", "4",
                "groupKey", "{}:{alertname=\"ActiveSyncProbeFailed\"}",
                "truncatedAlerts", 0,
                "status", state,
                "receiver", "herald",
                "groupLabels", Map.of("alertname", "ActiveSyncProbeFailed"),
                "commonLabels", Map.of("alertname", "ActiveSyncProbeFailed", "severity", "critical"),
                "commonAnnotations", Map.of(),
                "externalURL", "http://alertmanager.parliament.example:9093",
                "alerts", List.of(alert)));
    }

    private static JsonNode postWebhook(ServiceProcess worker, String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(worker.url() + "/ingest/prom"))
                .header("Authorization", "Bearer " + PROM_TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("Alertmanager's delivery: " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static JsonNode send(String method, String url, String token, Object body, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }

    private static JsonNode json(String url) throws Exception {
        return JSON.readTree(text(url));
    }

    private static String text(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static int status(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static JsonNode awaitJson(String what, Duration atMost, String url, Predicate<JsonNode> condition) {
        JsonNode[] last = {null};
        try {
            await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                last[0] = json(url);
                return condition.test(last[0]);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not seen within " + atMost.toSeconds() + " s; " + url
                    + " last answered " + last[0], e);
        }
        return last[0];
    }

    private static String awaitText(String what, Duration atMost, String url, Predicate<String> condition) {
        String[] last = {null};
        try {
            await(what).atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
                last[0] = text(url);
                return condition.test(last[0]);
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(what + ": not seen within " + atMost.toSeconds() + " s; " + url
                    + " last answered " + last[0], e);
        }
        return last[0];
    }

    /** Lets a poll loop breathe between reads (the flapping hour is read continuously, not slept through). */
    private static void awaitQuietly(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).atMost(pause.plusSeconds(1))
                .until(() -> System.nanoTime() >= until);
    }

    /** Whether the evaluators hold the check as flapping (its record in Redis). */
    private static boolean flapping(String check) throws Exception {
        String record = redis("HGET", PREFIX + "{status}:checks", check).trim();
        return !record.isEmpty() && JSON.readTree(record).path("flap").path("flapping").asBoolean();
    }

        /** A probe location's own view of a check, as the evaluators keep it in Redis. */
    private static String locationState(String check, String location) throws Exception {
        String record = redis("HGET", PREFIX + "{status}:checks", check).trim();
        return record.isEmpty() ? "" : JSON.readTree(record).path("locations").path(location).path("state").asText();
    }

    private static String redis(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1"));
        full.addAll(List.of(command));
        return LocalProcess.run(TARGET, full.toArray(String[]::new));
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
