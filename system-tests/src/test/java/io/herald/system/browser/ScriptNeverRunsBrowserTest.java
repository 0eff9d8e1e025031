package io.herald.system.browser;

import static io.herald.system.browser.IncidentsAndUptimeBrowserTest.component;
import static io.herald.system.browser.IncidentsAndUptimeBrowserTest.incident;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
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
import org.openqa.selenium.WebDriver;

/**
 * The packaged status-web against a fake status-api whose every text a person could have typed (an incident's title
 * and updates, a service's and a component's name, a monitor's detail, the page's name and URL, a subscriber's
 * address, an operator's name, a template, an audit entry, status-api's own error words) is a script injection. In a
 * real Chromium, on every page, public and operators', and after a live update: no injected script ran, the payload
 * is shown as text, nothing injected carries an event handler or a javascript: link, and the Content-Security-Policy
 * is in force (an inline script added to the page is blocked and reported).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScriptNeverRunsBrowserTest {
    static final String SCRIPT = "<script>window.__xss=1</script>";
    static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
    static final String SVG = "\"><svg onload=window.__xss=1>";
    static final String LINK = "javascript:window.__xss=1";
    static final String QUOTE = "'><iframe src=\"javascript:window.__xss=1\"></iframe>";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIVE = Duration.ofSeconds(10);
    /** What the page must not hold: a script that runs, an injected element, a handler, a javascript: address. */
    private static final String INSPECT = "var bad = [];"
            + "if (typeof window.__xss !== 'undefined') bad.push('window.__xss=' + window.__xss);"
            + "document.querySelectorAll('script:not([src])').forEach(function (s) { bad.push('inline script: ' + s.outerHTML); });"
            + "document.querySelectorAll('svg[onload], iframe, object, embed, img[src=\"x\"]').forEach(function (e) {"
            + "  bad.push('injected: ' + e.outerHTML); });"
            + "document.querySelectorAll('*').forEach(function (e) { for (var i = 0; i < e.attributes.length; i++) {"
            + "  var a = e.attributes[i]; if (/^on/i.test(a.name)) bad.push('handler: ' + e.outerHTML);"
            + "  if (/^(href|src|action|formaction|xlink:href)$/i.test(a.name) && /^\\s*javascript:/i.test(a.value))"
            + "    bad.push('javascript: address: ' + e.outerHTML); } });"
            + "return bad;";
    private static FakeStatusApi api;
    private static BrowserStack stack;
    private static final List<WebDriver> drivers = new ArrayList<>();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        api = new FakeStatusApi();
        Map<String, Object> incident = incident("inc-x", "Mail " + SVG + SCRIPT, "identified",
                SCRIPT + " " + IMG + " see " + LINK + " and [here](" + LINK + ") " + QUOTE);
        api.serve("/api/v1/status", status(List.of(incident)));
        api.serve("/api/v1/incidents/inc-x", JSON.writeValueAsString(incident));
        api.serve("/api/v1/incidents", JSON.writeValueAsString(Map.of("incidents", List.of(incident))));
        Map<String, Object> maintenance = incident("mnt-x", "Upgrade " + SVG, "scheduled", IMG + " pause");
        maintenance.put("impact", "maintenance");
        maintenance.put("scheduled_for", "2025-11-28T20:00:00Z");
        maintenance.put("scheduled_until", "2025-11-28T22:00:00Z");
        api.serve("/api/v1/maintenances/mnt-x", JSON.writeValueAsString(maintenance));
        api.serve("/api/v1/uptime/days", IncidentsAndUptimeBrowserTest.uptime());
        api.serve("/api/v1/auth/sessions/current", JSON.writeValueAsString(Map.of("username", "dora",
                "display_name", "Dora " + SCRIPT, "scopes", List.of("admin"), "created_at", "2099-01-01T00:00:00Z",
                "expires_at", "2099-01-02T00:00:00Z")));
        api.serve("/api/v1/admin/incident-templates", JSON.writeValueAsString(Map.of("templates", List.of(Map.of(
                "id", "t1", "name", "Template " + SVG, "status", "investigating", "impact", "major",
                "body", SCRIPT + IMG)))));
        Map<String, Object> subscriber = new LinkedHashMap<>();
        subscriber.put("id", 1);
        subscriber.put("kind", "webhook");
        subscriber.put("target", "https://helpdesk.example.org/hook?a=" + SVG + SCRIPT);
        subscriber.put("components", List.of(IMG));
        subscriber.put("component_changes", false);
        subscriber.put("confirmed", true);
        subscriber.put("created_at", "2025-11-26T08:00:00Z");
        subscriber.put("created_by", "ops " + QUOTE);
        subscriber.put("unsubscribed_at", null);
        subscriber.put("unsubscribe_reason", null);
        api.serve("/api/v1/admin/subscribers", JSON.writeValueAsString(List.of(subscriber)));
        api.serve("/api/v1/admin/subscribers/1/deliveries", JSON.writeValueAsString(List.of(Map.of("id", "d1",
                "type", "incident.opened", "state", "pending", "attempts", 2, "last_status_code", 500,
                "last_error", "HTTP 500 " + SCRIPT + IMG, "last_attempt_at", "2025-11-26T09:02:00Z"))));
        api.serve("/api/v1/admin/audit", JSON.writeValueAsString(Map.of("entries", List.of(Map.of("id", "5",
                "at", "2025-11-26T09:40:00Z", "actor", "alice" + SVG, "action", "incident.update",
                "target", "incident:" + IMG, "after", Map.of("body", SCRIPT))))));
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
    void shouldShowEveryPayloadOnThePublicPagesAsTextAndRunNone() {
        browser.get(stack.web() + "/");
        BrowserWait.until(browser, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        assertThat(browser.getTitle()).contains(SCRIPT);
        assertShownAsText("/", SCRIPT, IMG, SVG, LINK, QUOTE);
        assertThat(browser.findElement(By.cssSelector("#incident-inc-x .update-body")).getText()).contains(SCRIPT, IMG);
        for (String path : List.of("/incidents/inc-x", "/history", "/maintenance/mnt-x", "/embed")) {
            browser.get(stack.web() + path);
            assertThat(inspect()).as(path).isEmpty();
        }
        browser.get(stack.web() + "/incidents/inc-x");
        assertShownAsText("/incidents/inc-x", SCRIPT, IMG, LINK, QUOTE);
        browser.get(stack.web() + "/history");
        assertShownAsText("/history", SVG, SCRIPT);
        browser.get(stack.web() + "/maintenance/mnt-x");
        assertShownAsText("/maintenance/mnt-x", SVG, IMG);
        browser.get(stack.web() + "/embed");
        assertThat(browser.findElement(By.id("banner-box")).getAttribute("href"))
                .as("the page's URL was a javascript: address; the widget links to this site instead")
                .startsWith(stack.web());
        Browsers.screenshot(browser, stack.root, "xss-incident-desktop");
    }

    @Test
    @Order(2)
    void shouldShowAPayloadArrivingLiveAsText() throws Exception {
        browser.get(stack.web() + "/");
        BrowserWait.until(browser, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        ((JavascriptExecutor) browser).executeScript("window.heraldNoReload = true;");
        Map<String, Object> live = incident("inc-live", "Live " + IMG + SVG, "investigating", SCRIPT + QUOTE);
        api.serve("/api/v1/status", status(List.of(live, incident("inc-x", "Mail", "identified", "x"))));
        api.push("incident", "1764147600000-2", JSON.writeValueAsString(live));
        BrowserWait.until(browser, LIVE, d -> !d.findElements(By.id("incident-inc-live")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("#incident-inc-live .update-body")).getText())
                .isEqualTo(SCRIPT + QUOTE);
        assertThat(browser.findElement(By.id("incident-inc-live")).getText()).contains("Live " + IMG + SVG);
        assertThat(inspect()).isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldNoReload === true;"))
                .as("rendered in place by the page's script").isEqualTo(true);
    }

    @Test
    @Order(3)
    void shouldShowEveryPayloadOnTheOperatorsPagesAsTextAndRunNone() {
        // status-api's refusal words, and the name typed, shown back on the login form
        api.answer("POST /api/v1/auth/sessions", 429, "{\"type\":\"about:blank\",\"title\":\"Too many\","
                + "\"status\":429,\"detail\":\"Try later " + SCRIPT.replace("\"", "\\\"") + "\"}");
        browser.get(stack.web() + "/admin/login");
        assertThat(inspect()).isEmpty();
        browser.findElement(By.id("username")).sendKeys(SVG + SCRIPT);
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("form.admin-form button[type=submit], form.admin-form [type=submit]")).click();
        BrowserWait.until(browser, LIVE, d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("Try later " + SCRIPT);
        assertThat(browser.findElement(By.id("username")).getAttribute("value")).isEqualTo(SVG + SCRIPT);
        assertThat(inspect()).as("the login form shown again").isEmpty();

        api.answer("POST /api/v1/auth/sessions", 201, "{\"token\":\"xss-session-token\",\"expires_at\":"
                + "\"2099-01-02T00:00:00Z\",\"username\":\"dora\",\"display_name\":\"Dora\",\"scopes\":[\"admin\"]}");
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("dora");
        browser.findElement(By.id("password")).sendKeys("secret");
        browser.findElement(By.cssSelector("form.admin-form button[type=submit], form.admin-form [type=submit]")).click();
        BrowserWait.until(browser, LIVE, d -> d.getCurrentUrl().endsWith("/admin"));
        assertShownAsText("/admin", "Dora " + SCRIPT, SVG);

        browser.get(stack.web() + "/admin?template=t1");
        assertThat(inspect()).as("/admin?template=t1").isEmpty();
        browser.get(stack.web() + "/admin/subscribers");
        assertShownAsText("/admin/subscribers", "https://helpdesk.example.org/hook?a=" + SVG + SCRIPT, QUOTE);
        browser.get(stack.web() + "/admin/subscribers/1");
        assertShownAsText("/admin/subscribers/1", "HTTP 500 " + SCRIPT + IMG);
        browser.get(stack.web() + "/admin/audit");
        assertShownAsText("/admin/audit", "alice" + SVG, "incident:" + IMG);
        Browsers.screenshot(browser, stack.root, "xss-subscribers-desktop");
    }

    @Test
    @Order(4)
    void shouldBlockAnInlineScriptAddedToAnyPage() {
        for (String path : List.of("/", "/incidents/inc-x", "/history", "/embed", "/admin/login")) {
            browser.get(stack.web() + path);
            Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                    "var done = arguments[arguments.length - 1];"
                            + "document.addEventListener('securitypolicyviolation', function (e) {"
                            + "  done(e.effectiveDirective + ' ' + e.blockedURI + ' ran=' + (window.__csp === 1)); });"
                            + "var s = document.createElement('script'); s.textContent = 'window.__csp = 1;';"
                            + "document.body.appendChild(s);"
                            + "if (window.__csp === 1) done('inline script ran');");
            assertThat(String.valueOf(result)).as(path).startsWith("script-src").endsWith("ran=false");
            assertThat(((JavascriptExecutor) browser).executeScript("return typeof window.__csp;")).as(path)
                    .isEqualTo("undefined");
        }
    }

    private static void assertShownAsText(String page, String... payloads) {
        assertThat(inspect()).as(page).isEmpty();
        String text = browser.findElement(By.tagName("body")).getText();
        for (String payload : payloads) {
            assertThat(text).as("%s shows %s as text", page, payload).contains(payload);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> inspect() {
        return (List<String>) ((JavascriptExecutor) browser).executeScript(INSPECT);
    }

    /** The status document, every name and detail in it a payload. */
    static String status(List<Map<String, Object>> incidents) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("page", Map.of("id", "herald-xss", "name", "Herald " + SCRIPT, "url", LINK + "//",
                "time_zone", "Europe/Paris", "updated_at", "2025-11-26T09:05:00Z"));
        doc.put("status", Map.of("indicator", "major", "description", "Partial System Outage " + IMG));
        doc.put("services", List.of(
                Map.of("id", "email", "name", "Email " + SVG, "status", "operational", "components", List.of(
                        component("smtp-submission", "SMTP " + IMG, "operational", null))),
                Map.of("id", "activesync", "name", "ActiveSync " + QUOTE, "status", "partial_outage",
                        "components", List.of(component("activesync-endpoints", "Endpoints " + LINK, "partial_outage",
                                "2 of 5 fail " + SCRIPT)))));
        doc.put("last_event_id", "1764147600000-1");
        doc.put("incidents", incidents);
        doc.put("maintenances", List.of());
        return JSON.writeValueAsString(doc);
    }
}
