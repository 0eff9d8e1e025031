package io.herald.system.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The packaged status-web against a fake status-api that serves incidents, maintenance and uptime: an incident
 * body holding a script tag is shown as text and never runs, the uptime bars are read by keyboard, a new
 * incident appears live, and the page is screenshot in light, dark and French.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncidentsAndUptimeBrowserTest {
    static final String SCRIPT_BODY = "<script>document.title='pwned';window.heraldPwned=true</script>"
            + "<img src=x onerror=\"window.heraldPwned=true\"> We are looking into it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIVE = Duration.ofSeconds(10);
    private static FakeStatusApi api;
    private static BrowserStack stack;
    private static final List<WebDriver> drivers = new ArrayList<>();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        api = new FakeStatusApi();
        api.serve("/api/v1/status", status(List.of(incident("inc-1", "ActiveSync: some users cannot connect",
                "identified", SCRIPT_BODY))));
        api.serve("/api/v1/uptime/days", uptime());
        stack = new BrowserStack().startWebOnly(api.url());
        browser = Browsers.chromium(true);
        drivers.add(browser);
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.quit(drivers);
        if (stack != null) {
            stack.close();
        }
        if (api != null) {
            api.close();
        }
    }

    @Test
    @Order(1)
    void shouldShowAScriptTagInAnIncidentAsTextAndNeverRunIt() {
        browser.get(stack.web() + "/");
        BrowserWait.until(browser, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        // live.js may re-render the incident right after connecting, so the text is read inside the wait.
        BrowserWait.until(browser, LIVE,
                d -> SCRIPT_BODY.equals(d.findElement(By.cssSelector("#incident-inc-1 .update-body")).getText()));
        assertThat(browser.findElements(By.cssSelector("#incident-inc-1 script, #incident-inc-1 img"))).isEmpty();
        assertThat(browser.getTitle()).isEqualTo("Herald browser test status");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldPwned === true;")).isEqualTo(false);

        String html = given().get(stack.web() + "/").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>document.title").doesNotContain("<img src=x")
                .contains("&lt;script&gt;document.title=&#39;pwned&#39;;window.heraldPwned=true&lt;/script&gt;");
        Browsers.screenshot(browser, stack.root, "home-incident-desktop");
    }

    @Test
    @Order(2)
    void shouldReadTheUptimeBarDayByDayWithTheKeyboard() {
        browser.get(stack.web() + "/");
        WebElement today = browser.findElement(
                By.cssSelector("#component-activesync-endpoints .day[data-date='" + TODAY + "']"));
        // Tab order: the bar is one stop (today); Tab reaches it from the component link just before it.
        browser.findElement(By.cssSelector("#component-activesync-endpoints .component-name a")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement()).isEqualTo(today);
        WebElement tip = today.findElement(By.cssSelector(".tip"));
        assertThat(tip.isDisplayed()).isTrue();
        assertThat(tip.getText()).startsWith(TODAY_WORDS + ": 100").contains("% uptime");

        today.sendKeys(Keys.ARROW_LEFT);
        WebElement yesterday = browser.switchTo().activeElement();
        assertThat(yesterday.getAttribute("data-date")).isEqualTo(TODAY.minusDays(1).toString());
        assertThat(yesterday.getAttribute("tabindex")).isEqualTo("0");
        assertThat(today.getAttribute("tabindex")).isEqualTo("-1");
        assertThat(yesterday.getAttribute("data-status")).isEqualTo("partial_outage");
        WebElement yesterdayTip = yesterday.findElement(By.cssSelector(".tip"));
        assertThat(yesterdayTip.isDisplayed()).isTrue();
        assertThat(yesterdayTip.getText()).contains("45.00", "Partial outage: 13 h 12 min",
                "Incident: ActiveSync: some users cannot connect");
        assertThat(yesterday.getAccessibleName()).contains("Partial outage: 13 h 12 min");
        Browsers.screenshot(browser, stack.root, "uptime-bar-keyboard-desktop");

        yesterday.sendKeys(Keys.HOME);
        assertThat(browser.switchTo().activeElement().getAttribute("data-date"))
                .isEqualTo(TODAY.minusDays(89).toString());
        browser.switchTo().activeElement().sendKeys(Keys.END);
        assertThat(browser.switchTo().activeElement().getAttribute("data-date")).isEqualTo(TODAY.toString());
        browser.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("class")).as("Tab leaves the bar")
                .doesNotContain("day");

        new Actions(browser).moveToElement(browser.findElement(
                By.cssSelector("#component-smtp-submission .day[data-date='" + TODAY.minusDays(3) + "']"))).perform();
        assertThat(browser.findElement(By.cssSelector(
                "#component-smtp-submission .day[data-date='" + TODAY.minusDays(3) + "'] .tip")).isDisplayed())
                .as("the day's words on hover").isTrue();
    }

    @Test
    @Order(3)
    void shouldShowANewIncidentAndItsUpdatesWithoutAReload() throws Exception {
        browser.get(stack.web() + "/");
        BrowserWait.until(browser, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        ((JavascriptExecutor) browser).executeScript("window.heraldNoReload = true;");

        Map<String, Object> second = incident("inc-2", "Intranet is slow", "investigating", "Pages take 20 s to load");
        api.serve("/api/v1/status", status(List.of(second, incident("inc-1", "ActiveSync: some users cannot connect",
                "identified", SCRIPT_BODY))));
        api.push("incident", "1764147600000-2", JSON.writeValueAsString(second));

        BrowserWait.until(browser, LIVE, d -> !d.findElements(By.id("incident-inc-2")).isEmpty());
        List<WebElement> items = browser.findElements(By.cssSelector("#incident-list > .incident"));
        assertThat(items).extracting(e -> e.getAttribute("id")).containsExactly("incident-inc-2", "incident-inc-1");
        assertThat(browser.findElement(By.cssSelector("#incident-inc-2 .update-body")).getText())
                .isEqualTo("Pages take 20 s to load");
        assertThat(browser.findElement(By.id("announcer")).getText()).contains("Intranet is slow");
        assertThat(browser.findElement(By.cssSelector("#incident-inc-1 .update-body")).getText()).isEqualTo(SCRIPT_BODY);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldPwned === true;")).isEqualTo(false);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldNoReload === true;")).isEqualTo(true);
    }

    @Test
    @Order(4)
    void shouldTakeScreenshotsInDarkModeOnAPhoneAndInFrench() {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
        browser.get(stack.web() + "/");
        Object background = ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.body).backgroundColor;");
        assertThat(background).isEqualTo("rgb(13, 17, 23)");
        Browsers.screenshot(browser, stack.root, "home-incident-dark-desktop");
        browser.manage().window().setSize(Browsers.PHONE);
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0L);
        Browsers.screenshot(browser, stack.root, "home-incident-dark-phone");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        browser.get(stack.web() + "/?lang=fr");
        assertThat(browser.findElement(By.id("incidents-heading")).getText()).isEqualTo("Incidents en cours");
        BrowserWait.until(browser, LIVE, d -> "En direct".equals(d.findElement(By.id("live-state")).getText()));
        Browsers.screenshot(browser, stack.root, "home-incident-fr-phone");
        browser.manage().window().setSize(Browsers.DESKTOP);
    }

    /** A monitor goes silent and speaks again: the words beside the status come and go in place, nothing else moves. */
    @Test
    @Order(5)
    void shouldShowAStaleStatusInWordsBesideItLiveAndPassTheAccessibilityScan() throws Exception {
        browser.get(stack.web() + "/");
        BrowserWait.until(browser, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        ((JavascriptExecutor) browser).executeScript("window.heraldNoReload = true;");
        String announced = browser.findElement(By.id("announcer")).getText();
        List<Map<String, Object>> incidents = List.of(
                incident("inc-2", "Intranet is slow", "investigating", "Pages take 20 s to load"),
                incident("inc-1", "ActiveSync: some users cannot connect", "identified", SCRIPT_BODY));
        String silent = "no recent data from activesync-monitor since 09:12 UTC";

        api.serve("/api/v1/status", status(incidents, silent));
        api.push("change", "1764147600000-3", refresh("1764147600000-3", true, silent));
        BrowserWait.until(browser, LIVE, d -> !d.findElements(
                By.cssSelector("#component-activesync-endpoints .stale-words")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#component-activesync-endpoints .stale-words")).getText())
                .isEqualTo("Last known status: " + silent);
        assertThat(browser.findElement(By.cssSelector("#component-activesync-endpoints .row .status-words")).getText())
                .isEqualTo("Partial outage");
        assertThat(browser.findElement(By.id("announcer")).getText()).as("a refresh announces nothing")
                .isEqualTo(announced);
        assertThat(browser.findElements(By.cssSelector(".stale-words"))).hasSize(1);
        StringBuilder report = new StringBuilder();
        for (String scheme : List.of("light", "dark")) {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia",
                    Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
            BrowserWait.until(browser, LIVE, d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "return document.getAnimations().every(function (a) { return a.playState !== 'running'; });")));
            report.append(AxeScan.report("home-stale-" + scheme, AxeScan.run(browser).violations()));
            Browsers.screenshot(browser, stack.root, "home-stale-" + scheme + "-desktop");
        }
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
        assertThat(report.toString()).as("axe-core WCAG 2.1 AA violations with a stale component").isEmpty();

        api.serve("/api/v1/status", status(incidents, null));
        api.push("change", "1764147600000-4", refresh("1764147600000-4", false, ""));
        BrowserWait.until(browser, LIVE, d -> d.findElements(By.cssSelector(".stale-words")).isEmpty());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldNoReload === true;"))
                .as("updated without a reload").isEqualTo(true);
    }

    /** A change of status-api's stream that keeps the ActiveSync endpoints in partial outage: only its staleness. */
    static String refresh(String id, boolean stale, String words) throws Exception {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("component", "activesync-endpoints");
        change.put("from", "partial_outage");
        change.put("to", "partial_outage");
        change.put("at", "2025-11-26T09:12:00Z");
        change.put("cause", "activesync-monitor");
        change.put("detail", "2 of 5 fail");
        change.put("stale", stale);
        change.put("stale_detail", words);
        return JSON.writeValueAsString(Map.of("id", id, "change", change));
    }

    static final LocalDate TODAY = LocalDate.now(java.time.ZoneId.of("Europe/Paris"));
    static final String TODAY_WORDS = TODAY.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy",
            java.util.Locale.ENGLISH));

    static String status(List<Map<String, Object>> incidents) throws Exception {
        return status(incidents, null);
    }

    /** @param staleDetail the ActiveSync endpoints' stale words, null while fresh */
    static String status(List<Map<String, Object>> incidents, String staleDetail) throws Exception {
        Map<String, Object> endpoints = component("activesync-endpoints", "Mailbox endpoints", "partial_outage",
                "2 of 5 fail");
        if (staleDetail != null) {
            endpoints.put("stale", true);
            endpoints.put("stale_detail", staleDetail);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", Map.of("id", "herald-browser", "name", "Herald browser test", "url", "http://localhost",
                "time_zone", "Europe/Paris", "updated_at", "2025-11-26T09:05:00Z"));
        doc.put("status", Map.of("indicator", "major", "description", "Partial System Outage"));
        doc.put("services", List.of(
                Map.of("id", "email", "name", "Email", "status", "operational", "components", List.of(
                        component("smtp-submission", "SMTP submission", "operational", null))),
                Map.of("id", "activesync", "name", "ActiveSync", "status", "partial_outage", "components", List.of(
                        endpoints))));
        doc.put("last_event_id", "1764147600000-1");
        doc.put("incidents", incidents);
        doc.put("maintenances", List.of(maintenance()));
        return JSON.writeValueAsString(doc);
    }

    static Map<String, Object> component(String id, String name, String status, String detail) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("id", id);
        c.put("name", name);
        c.put("status", status);
        c.put("since", "2025-11-26T08:00:00Z");
        c.put("detail", detail);
        return c;
    }

    static Map<String, Object> incident(String id, String name, String status, String body) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("id", id);
        i.put("name", name);
        i.put("status", status);
        i.put("impact", "major");
        i.put("created_at", "2025-11-26T08:00:00Z");
        i.put("started_at", "2025-11-26T08:00:00Z");
        i.put("resolved_at", null);
        i.put("incident_updates", List.of(Map.of("id", id + "-u1", "status", status, "body", body,
                "created_at", "2025-11-26T08:40:00Z", "display_at", "2025-11-26T08:40:00Z")));
        i.put("components", List.of(Map.of("id", "activesync-endpoints", "name", "Mailbox endpoints",
                "status", "partial_outage")));
        return i;
    }

    static Map<String, Object> maintenance() {
        Map<String, Object> m = incident("mnt-1", "Mail server upgrade", "scheduled", "Sending may pause for a minute");
        m.put("impact", "maintenance");
        m.put("scheduled_for", "2025-11-28T20:00:00Z");
        m.put("scheduled_until", "2025-11-28T22:00:00Z");
        return m;
    }

    /** status-api's day arrays (index 0 is 89 days ago): ActiveSync had a partial outage and an incident yesterday. */
    static String uptime() throws Exception {
        List<Map<String, Object>> components = new ArrayList<>();
        for (String id : List.of("smtp-submission", "activesync-endpoints")) {
            boolean active = id.equals("activesync-endpoints");
            List<Double> percents = new ArrayList<>();
            List<String> worst = new ArrayList<>();
            List<Long> partial = new ArrayList<>();
            for (int back = 89; back >= 0; back--) {
                boolean bad = active && back == 1;
                percents.add(bad ? 45.0 : 100.0);
                worst.add(bad ? "partial_outage" : "operational");
                partial.add(bad ? 47520L : 0L);
            }
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("id", id);
            component.put("name", id);
            component.put("uptime_percent", active ? 99.39 : 100.0);
            component.put("uptime_percent_by_day", percents);
            component.put("worst_status_by_day", worst);
            component.put("seconds_by_day", active ? Map.of("partial_outage", partial) : Map.of());
            component.put("incidents", active ? List.of(Map.of("id", "inc-1",
                    "name", "ActiveSync: some users cannot connect", "impact", "major", "first_day", 88,
                    "last_day", 88)) : List.of());
            components.add(component);
        }
        return JSON.writeValueAsString(Map.of("time_zone", "Europe/Paris", "days", 90,
                "first_day", TODAY.minusDays(89).toString(), "last_day", TODAY.toString(), "components", components));
    }
}
