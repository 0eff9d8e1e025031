package io.herald.system.browser;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person sees in a real browser: the page goes live, an outage reported by a monitor appears without a
 * reload, the page works by keyboard and without JavaScript, and it says so while it reconnects.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LiveStatusPageBrowserTest {
    private static final Duration LIVE = Duration.ofSeconds(10);
    private static BrowserStack stack;
    private static final List<WebDriver> drivers = new ArrayList<>();
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        stack = new BrowserStack().start();
        browser = Browsers.chromium(true);
        drivers.add(browser);
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.quit(drivers);
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void shouldGoLiveAndShowEveryComponentOperational() {
        browser.get(stack.web() + "/");
        waitFor(browser, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        WebElement state = browser.findElement(By.id("live-state"));
        assertThat(state.isDisplayed()).isTrue();
        assertThat(state.getText()).isEqualTo("Live");
        waitFor(browser, Duration.ofSeconds(45),
                d -> d.findElement(By.id("banner")).getText().equals("All Systems Operational"));
        assertThat(browser.findElements(By.cssSelector(".component"))).hasSize(4);
        Browsers.screenshot(browser, stack.root, "home-operational-desktop");
    }

    @Test
    @Order(2)
    void shouldShowAnOutageReportedByAMonitorWithoutAReload() {
        // A reload would lose this marker: the test proves the page changed in place.
        ((JavascriptExecutor) browser).executeScript("window.heraldNoReload = true;");
        postSignal("activesync-monitor", "down", "ActiveSync OPTIONS fails on 2 of 5 mailbox endpoints", "b-1");

        waitFor(browser, LIVE, d -> d.findElement(By.id("banner")).getText().contains("Partial outage: ActiveSync"));
        WebElement component = browser.findElement(By.id("component-activesync-endpoints"));
        assertThat(component.getAttribute("data-status")).isEqualTo("partial_outage");
        assertThat(component.findElement(By.cssSelector(".status-words")).getText()).isEqualTo("Partial outage");
        assertThat(component.findElement(By.cssSelector(".detail")).getText())
                .isEqualTo("ActiveSync OPTIONS fails on 2 of 5 mailbox endpoints");
        assertThat(browser.findElement(By.id("banner")).getAttribute("data-indicator")).isEqualTo("major");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldNoReload === true;"))
                .as("the page was not reloaded").isEqualTo(true);

        Browsers.screenshot(browser, stack.root, "home-outage-desktop");
        browser.manage().window().setSize(Browsers.PHONE);
        Long overflow = (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).as("no horizontal scrolling on a phone").isLessThanOrEqualTo(0L);
        Browsers.screenshot(browser, stack.root, "home-outage-phone");
        browser.manage().window().setSize(Browsers.DESKTOP);
    }

    @Test
    @Order(3)
    void shouldLetAKeyboardUserSkipToTheStatus() {
        browser.get(stack.web() + "/");
        WebElement body = browser.findElement(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        assertThat(first.getAttribute("class")).contains("skip-link");
        assertThat(first.isDisplayed()).as("the skip link shows when focused").isTrue();
        first.sendKeys(Keys.ENTER);
        waitFor(browser, LIVE, d -> d.getCurrentUrl().endsWith("#main"));
        Object outline = ((JavascriptExecutor) browser).executeScript(
                "var a = document.querySelector('.skip-link'); a.focus();"
                        + " var s = getComputedStyle(a); return s.outlineStyle + ' ' + s.outlineWidth;");
        assertThat(String.valueOf(outline)).as("a visible focus indicator").doesNotStartWith("none");
    }

    @Test
    @Order(4)
    void shouldShowTheWholeStatusWithoutJavaScript() {
        WebDriver noScript = Browsers.chromium(false);
        drivers.add(noScript);
        noScript.get(stack.web() + "/");
        assertThat(noScript.findElement(By.id("banner")).getText()).contains("Partial outage: ActiveSync");
        assertThat(noScript.findElements(By.cssSelector(".component"))).hasSize(4);
        assertThat(noScript.findElement(By.id("component-activesync-endpoints"))
                .findElement(By.cssSelector(".status-words")).getText()).isEqualTo("Partial outage");
        assertThat(noScript.findElement(By.id("live-state")).isDisplayed())
                .as("no live indicator without the script").isFalse();
        assertThat(noScript.findElement(By.id("last-updated")).getText()).isNotBlank();
        assertThat(noScript.getPageSource()).contains("http-equiv=\"refresh\"");
        Browsers.screenshot(noScript, stack.root, "home-no-javascript-desktop");
    }

    @Test
    @Order(5)
    void shouldSayReconnectingWhileStatusWebIsDownAndGoLiveAgain() throws Exception {
        browser.get(stack.web() + "/");
        waitFor(browser, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        ((JavascriptExecutor) browser).executeScript("window.heraldNoReload = true;");

        stack.stopWeb();
        waitFor(browser, LIVE, d -> "reconnecting".equals(
                d.findElement(By.id("live-state")).getAttribute("data-state")));
        assertThat(browser.findElement(By.id("live-state")).getText()).isEqualTo("Reconnecting\u2026");
        Browsers.screenshot(browser, stack.root, "home-reconnecting-desktop");

        stack.startWeb();
        waitFor(browser, Duration.ofSeconds(30),
                d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        postSignal("activesync-monitor", "up", "ActiveSync answers on all mailbox endpoints", "b-2");
        waitFor(browser, LIVE, d -> d.findElement(By.id("banner")).getText().equals("All Systems Operational"));
        assertThat(((JavascriptExecutor) browser).executeScript("return window.heraldNoReload === true;"))
                .as("recovered in place after the reconnection").isEqualTo(true);
    }

    @Test
    @Order(6)
    void shouldOpenAComponentPageWithItsUptimeAndResponseTimeChart() {
        browser.get(stack.web() + "/");
        browser.findElement(By.cssSelector("#component-outlook-web .component-name a")).click();
        waitFor(browser, LIVE, d -> d.getCurrentUrl().endsWith("/components/outlook-web"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Outlook on the web");
        assertThat(browser.findElements(By.cssSelector("#uptime-windows li"))).hasSize(5);
        // The probed check of this component (from the catalog) gets a figure: a chart, or words saying there is none.
        assertThat(browser.findElement(By.id("chart-outlook-web-http")).getText()).contains("outlook-web-http");
        Browsers.screenshot(browser, stack.root, "component-desktop");
        browser.manage().window().setSize(Browsers.PHONE);
        Browsers.screenshot(browser, stack.root, "component-phone");
        browser.manage().window().setSize(Browsers.DESKTOP);
        browser.get(stack.web() + "/history");
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Incident history");
    }

    static void waitFor(WebDriver driver, Duration timeout, java.util.function.Function<WebDriver, Boolean> until) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(until::apply);
    }

    private static void postSignal(String check, String status, String detail, String id) {
        given().header("Authorization", "Bearer " + BrowserStack.TOKEN).contentType("application/json")
                .body("{\"check\":\"" + check + "\",\"status\":\"" + status + "\",\"detail\":\"" + detail
                        + "\",\"id\":\"" + id + "\"}")
                .post(stack.ingest() + "/ingest/browser")
                .then().statusCode(202);
    }
}
