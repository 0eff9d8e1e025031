package io.herald.system.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * An automated WCAG 2.1 AA check of every public page and of the operators' pages: Deque's axe-core runs in the
 * packaged status-web (backed by the real status-api and ingest-worker) in light and dark colour schemes, on a
 * desktop and on a phone, and fails with each rule, element and reason it finds. Then what axe cannot judge: the
 * home page's keyboard focus order and that focus is visible at every stop.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityBrowserTest {
    private static final Duration LIVE = Duration.ofSeconds(15);
    private static final List<Mode> MODES = List.of(
            new Mode("light", "desktop", Browsers.DESKTOP), new Mode("light", "phone", Browsers.PHONE),
            new Mode("dark", "desktop", Browsers.DESKTOP), new Mode("dark", "phone", Browsers.PHONE));
    /** None so far: every node axe reported was fixed in status-web. */
    private static final List<AxeScan.Exclusion> FALSE_POSITIVES = List.of();
    private static BrowserStack stack;
    private static final List<WebDriver> drivers = new ArrayList<>();
    private static WebDriver browser;
    private static String operatorToken;
    private static String incidentId;
    private static String maintenanceId;
    private static final List<String> scanned = new ArrayList<>();

    record Mode(String scheme, String device, Dimension size) {
        String name() {
            return scheme + "-" + device;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        // The widget refreshes every 2 s here (a minute by default), so its in-place update is seen in the test.
        stack = new BrowserStack().webProperty("herald.web.embed-refresh-seconds", "2").start();
        operatorToken = given().contentType("application/json")
                .body(Map.of("username", BrowserStack.OPERATOR, "password", BrowserStack.OPERATOR_PASSWORD))
                .post(stack.api() + "/api/v1/auth/sessions")
                .then().statusCode(201).extract().path("token");
        browser = Browsers.chromium(true);
        drivers.add(browser);
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.quit(drivers);
        if (stack != null) {
            stack.close();
        }
        System.out.println("AccessibilityBrowserTest: axe-core scans " + scanned.size() + ": " + scanned);
    }

    @Test
    @Order(1)
    void shouldFindNoWcagViolationOnTheHomePageWhenAllIsWell() {
        scanEveryMode("home", "/", d -> live(d)
                && d.findElement(By.id("banner")).getText().equals("All Systems Operational"), Duration.ofSeconds(45));
    }

    @Test
    @Order(2)
    void shouldFindNoWcagViolationOnTheHomePageDuringAnOutageWithTheLiveNoticeShown() {
        setMode(MODES.get(0));
        browser.get(stack.web() + "/");
        BrowserWait.until(browser, LIVE, AccessibilityBrowserTest::live);

        OffsetDateTime from = OffsetDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.HOURS);
        maintenanceId = admin().body(Map.of("name", "Mail server upgrade",
                        "body", "Sending may pause for a minute.", "scheduled_for", from.toString(),
                        "scheduled_until", from.plusHours(2).toString(), "components", List.of("smtp-submission"),
                        "auto_transition", false))
                .post(stack.api() + "/api/v1/admin/maintenances").then().statusCode(201).extract().jsonPath()
                .getString("id");
        given().header("Authorization", "Bearer " + BrowserStack.TOKEN).contentType("application/json")
                .body(Map.of("check", "activesync-monitor", "status", "down",
                        "detail", "ActiveSync OPTIONS fails on 2 of 5 mailbox endpoints", "id", "a11y-1"))
                .post(stack.ingest() + "/ingest/browser").then().statusCode(202);
        incidentId = admin().body(Map.of("name", "Intranet is unreachable", "status", "investigating",
                        "impact", "major", "body", "The intranet answers 502 to everyone. We are looking into it.",
                        "components", Map.of("intranet", "major_outage"), "deliver_notifications", false))
                .post(stack.api() + "/api/v1/admin/incidents").then().statusCode(201).extract().jsonPath()
                .getString("id");
        admin().body(Map.of("status", "identified", "body", "A failed certificate renewal on the proxy.",
                        "deliver_notifications", false))
                .post(stack.api() + "/api/v1/admin/incidents/" + incidentId + "/updates").then().statusCode(201);

        // The page changes in place: banner, components, the incident and maintenance lists, and the announcement.
        BrowserWait.until(browser, Duration.ofSeconds(30),
                d -> d.findElement(By.id("banner")).getText().contains("Partial outage: ActiveSync")
                        && !d.findElements(By.id("incident-" + incidentId)).isEmpty()
                        && !d.findElements(By.id("incident-" + maintenanceId)).isEmpty()
                        && d.findElement(By.id("announcer")).getText().contains("Intranet is unreachable"));
        scanInPlace("home-outage");
    }

    @Test
    @Order(3)
    void shouldFindNoWcagViolationOnTheHomePageInFrench() {
        ChromeDriver chrome = (ChromeDriver) browser;
        String agent = (String) chrome.executeScript("return navigator.userAgent;");
        setMode(MODES.get(0));
        chrome.executeCdpCommand("Emulation.setUserAgentOverride", Map.of("userAgent", agent, "acceptLanguage", "fr"));
        try {
            browser.get(stack.web() + "/");
            BrowserWait.until(browser, LIVE, AccessibilityBrowserTest::live);
            assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("fr");
            assertThat(browser.findElement(By.id("live-state")).getText()).isEqualTo("En direct");
            scanHere("home-fr-" + MODES.get(0).name());
        } finally {
            chrome.executeCdpCommand("Emulation.setUserAgentOverride",
                    Map.of("userAgent", agent, "acceptLanguage", "en-GB,en"));
        }
    }

    @Test
    @Order(4)
    void shouldFindNoWcagViolationOnAnIncidentPage() {
        scanEveryMode("incident", "/incidents/" + incidentId,
                d -> d.findElements(By.cssSelector("#timeline .timeline-item")).size() == 2, LIVE);
    }

    @Test
    @Order(5)
    void shouldFindNoWcagViolationOnAMaintenancePage() {
        scanEveryMode("maintenance", "/maintenance/" + maintenanceId,
                d -> d.findElement(By.tagName("h1")).getText().equals("Mail server upgrade"), LIVE);
    }

    @Test
    @Order(6)
    void shouldFindNoWcagViolationOnTheHistoryPage() {
        scanEveryMode("history", "/history",
                d -> !d.findElements(By.id("incident-" + incidentId)).isEmpty(), LIVE);
    }

    @Test
    @Order(7)
    void shouldFindNoWcagViolationOnAComponentPageWithItsLatencyChart() {
        // The probe's first samples reach the chart within seconds; the page is fetched again once they do.
        BrowserWait.until(browser, Duration.ofSeconds(90), d -> {
            d.get(stack.web() + "/components/outlook-web");
            return !d.findElements(By.cssSelector("#chart-outlook-web-http svg.chart")).isEmpty();
        });
        scanEveryMode("component", "/components/outlook-web",
                d -> !d.findElements(By.cssSelector("#chart-outlook-web-http svg.chart polyline")).isEmpty(), LIVE);
    }

    @Test
    @Order(8)
    void shouldFindNoWcagViolationInTheEmbedWidget() {
        scanEveryMode("embed", "/embed",
                d -> d.findElement(By.id("banner")).getText().contains("Partial outage"), LIVE);
    }

    @Test
    @Order(9)
    void shouldKeepTheWidgetCurrentInPlaceSoTheFocusStaysOnItsLink() {
        setMode(MODES.get(0));
        browser.get(stack.web() + "/embed");
        ((JavascriptExecutor) browser).executeScript("window.heraldNoReload = true;");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("banner-box");

        given().header("Authorization", "Bearer " + BrowserStack.TOKEN).contentType("application/json")
                .body(Map.of("check", "activesync-monitor", "status", "up",
                        "detail", "ActiveSync answers on all mailbox endpoints", "id", "a11y-2"))
                .post(stack.ingest() + "/ingest/browser").then().statusCode(202);

        BrowserWait.until(browser, Duration.ofSeconds(30),
                d -> !d.findElement(By.id("banner")).getText().contains("ActiveSync"));
        assertThat(browser.findElement(By.id("banner-box")).getAttribute("data-indicator"))
                .isEqualTo(browser.findElement(By.id("banner")).getAttribute("data-indicator"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldNoReload === true;"))
                .as("updated without a reload").isEqualTo(true);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the focus stayed on the link")
                .isEqualTo("banner-box");
    }

    @Test
    @Order(10)
    void shouldFindNoWcagViolationOnTheOperatorsLoginPage() {
        scanEveryMode("login", "/admin/login", d -> !d.findElements(By.id("username")).isEmpty(), LIVE);
    }

    @Test
    @Order(11)
    void shouldFindNoWcagViolationOnTheOperatorsDashboardAndItsPreview() {
        setMode(MODES.get(0));
        browser.get(stack.web() + "/admin/login");
        browser.findElement(By.id("username")).sendKeys(BrowserStack.OPERATOR);
        browser.findElement(By.id("password")).sendKeys(BrowserStack.OPERATOR_PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        BrowserWait.until(browser, LIVE, d -> !d.findElements(By.id("new-heading")).isEmpty());

        scanEveryMode("dashboard", "/admin",
                d -> !d.findElements(By.id("admin-incident-" + incidentId)).isEmpty(), LIVE);

        setMode(MODES.get(0));
        browser.findElement(By.id("name")).sendKeys("Calendar sync is delayed");
        browser.findElement(By.id("body")).sendKeys("Invitations arrive up to 10 minutes late.");
        browser.findElement(By.cssSelector("button[value=preview]")).click();
        BrowserWait.until(browser, LIVE, d -> !d.findElements(By.id("preview")).isEmpty());
        scanInPlace("dashboard-preview");
    }

    @Test
    @Order(12)
    void shouldMoveFocusFromTheSkipLinkThroughTheStatusAndEachUptimeBarInOrderAndShowIt() {
        setMode(MODES.get(0));
        browser.get(stack.web() + "/");
        BrowserWait.until(browser, LIVE, AccessibilityBrowserTest::live);
        // What a keyboard user meets in the status, in reading order: each incident and maintenance, then every
        // component's page link followed by its uptime bar (one stop, today), in the catalog's order.
        List<String> expected = new ArrayList<>();
        for (String list : List.of("incident-list", "maintenance-list")) {
            for (var item : browser.findElements(By.cssSelector("#" + list + " > li"))) {
                expected.add("link " + item.getAttribute("id"));
            }
        }
        assertThat(expected).contains("link incident-" + incidentId, "link incident-" + maintenanceId);
        String today = (String) ((JavascriptExecutor) browser).executeScript(
                "var d = document.querySelectorAll('#component-intranet .day'); return d[d.length - 1].dataset.date;");
        for (String component : List.of("smtp-submission", "outlook-web", "activesync-endpoints", "intranet")) {
            expected.add("link component-" + component);
            expected.add("bar component-" + component + " " + today);
        }

        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(focused()).isEqualTo("skip-link");
        assertThat(focusVisible()).as("the skip link shows its focus").isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        BrowserWait.until(browser, LIVE, d -> "main".equals(focused()));

        List<String> order = new ArrayList<>();
        List<String> invisible = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            String stop = focused();
            order.add(stop);
            if (!focusVisible()) {
                invisible.add(stop);
            }
        }
        assertThat(order).as("Tab order after the skip link").containsExactlyElementsOf(expected);
        assertThat(invisible).as("stops without a visible focus indicator").isEmpty();
        new Actions(browser).sendKeys(Keys.TAB).perform();
        assertThat(focused()).as("after the last bar, Tab leaves the status for the footer").startsWith("footer");
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + operatorToken).contentType("application/json");
    }

    private static boolean live(WebDriver d) {
        return "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state"));
    }

    /** Loads the page afresh in each mode, waits until it shows what it should, and scans it. */
    private static void scanEveryMode(String page, String path, Function<WebDriver, Boolean> ready, Duration wait) {
        StringBuilder report = new StringBuilder();
        for (Mode mode : MODES) {
            setMode(mode);
            browser.get(stack.web() + path);
            BrowserWait.until(browser, wait, ready);
            report.append(scan(page + "-" + mode.name()));
        }
        assertThat(report.toString()).as("axe-core WCAG 2.1 AA violations on " + page).isEmpty();
    }

    /** Scans the page as it is now (a live state a reload would lose) in each mode. */
    private static void scanInPlace(String page) {
        StringBuilder report = new StringBuilder();
        for (Mode mode : MODES) {
            setMode(mode);
            report.append(scan(page + "-" + mode.name()));
        }
        setMode(MODES.get(0));
        assertThat(report.toString()).as("axe-core WCAG 2.1 AA violations on " + page).isEmpty();
    }

    private static void scanHere(String name) {
        String report = scan(name);
        assertThat(report).as("axe-core WCAG 2.1 AA violations on " + name).isEmpty();
    }

    private static String scan(String name) {
        // A colour-scheme switch starts the colour transitions; axe must read the colours they end on.
        BrowserWait.until(browser, LIVE, d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.getAnimations().every(function (a) { return a.playState !== 'running'; });")));
        AxeScan.Result result = AxeScan.run(browser);
        scanned.add(name);
        Browsers.screenshot(browser, stack.root, "a11y-" + name);
        assertThat(result.axeVersion()).startsWith("4.");
        assertThat(result.applied()).as("rules axe checked on " + name)
                .contains("color-contrast", "html-has-lang", "document-title");
        if (!result.incomplete().isEmpty()) {
            System.out.println("axe " + result.axeVersion() + " needs review (not a failure):"
                    + AxeScan.report(name, result.incomplete()));
        }
        return AxeScan.report(name, AxeScan.without(result.violations(), FALSE_POSITIVES));
    }

    private static void setMode(Mode mode) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features",
                List.of(Map.of("name", "prefers-color-scheme", "value", mode.scheme()))));
        if (!browser.manage().window().getSize().equals(mode.size())) {
            browser.manage().window().setSize(mode.size());
        }
    }

    /** The focused element in words: which incident, component or bar day it belongs to, or what it is. */
    private static String focused() {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                var e = document.activeElement;
                if (e.classList.contains('skip-link')) { return 'skip-link'; }
                if (e.id === 'main') { return 'main'; }
                if (e.closest('footer')) { return 'footer ' + e.textContent.trim(); }
                if (e.classList.contains('day')) {
                  return 'bar ' + e.closest('.component').id + ' ' + e.dataset.date;
                }
                var owner = e.closest('.incident, .component');
                if (e.tagName === 'A' && owner) { return 'link ' + owner.id; }
                return e.tagName.toLowerCase() + ' ' + e.id + ' ' + e.className;
                """);
    }

    /** A keyboard focus indicator is drawn: an outline, or the ring the uptime bar's days use (a box shadow). */
    private static boolean focusVisible() {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript("""
                var s = getComputedStyle(document.activeElement);
                var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
                return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
                """));
    }
}
