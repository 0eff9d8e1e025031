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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * An operator logs in on status-web's operators' pages (backed by the real status-api), posts an incident whose
 * body holds a script tag, and a reader who has the public page open sees it appear live, as text, never run;
 * then the operator resolves it and it leaves the page. The operator's session survives a restart of status-web and
 * is accepted by a second status-web replica (the cookie carries status-api's session token), and a logout on one
 * replica ends it on the other.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorsBrowserTest {
    static final String SCRIPT_BODY = "<script>window.heraldPwned=true;document.title='pwned'</script>"
            + "<img src=x onerror=\"window.heraldPwned=true\"> Some mail is delayed";
    private static final Duration LIVE = Duration.ofSeconds(15);
    private static BrowserStack stack;
    private static final List<WebDriver> drivers = new ArrayList<>();
    private static WebDriver operator;
    private static WebDriver reader;

    @BeforeAll
    static void start() throws Exception {
        stack = new BrowserStack().start();
        int login = given().contentType("application/json").body("{\"username\":\"nobody\",\"password\":\"x\"}")
                .post(stack.api() + "/api/v1/auth/sessions").statusCode();
        assertThat(login).as("status-api's session endpoint refuses an unknown operator (a 404 means it is not routed)")
                .isEqualTo(401);
        operator = Browsers.chromium(true);
        reader = Browsers.chromium(true);
        drivers.add(operator);
        drivers.add(reader);
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
    void shouldLogInThroughStatusApi() {
        operator.get(stack.web() + "/admin");
        assertThat(operator.getCurrentUrl()).endsWith("/admin/login");
        operator.findElement(By.id("username")).sendKeys(BrowserStack.OPERATOR);
        operator.findElement(By.id("password")).sendKeys(BrowserStack.OPERATOR_PASSWORD);
        operator.findElement(By.cssSelector("form button[type=submit]")).click();
        BrowserWait.until(operator, LIVE, d -> !d.findElements(By.id("new-heading")).isEmpty());
        assertThat(operator.getCurrentUrl()).endsWith("/admin");
        assertThat(operator.manage().getCookieNamed("herald_admin").isHttpOnly()).isTrue();
        assertThat(((JavascriptExecutor) operator).executeScript("return document.cookie;")).asString()
                .doesNotContain("herald_admin");
    }

    @Test
    @Order(2)
    void shouldPreviewAndPostAnIncidentThatReadersSeeLiveAsText() {
        reader.get(stack.web() + "/");
        BrowserWait.until(reader, LIVE, d -> "live".equals(d.findElement(By.id("live-state")).getAttribute("data-state")));
        ((JavascriptExecutor) reader).executeScript("window.heraldNoReload = true;");

        operator.findElement(By.id("name")).sendKeys("Mail is delayed");
        new Select(operator.findElement(By.id("impact"))).selectByValue("minor");
        operator.findElement(By.id("body")).sendKeys(SCRIPT_BODY);
        new Select(operator.findElement(By.id("component_smtp-submission"))).selectByValue("degraded_performance");
        operator.findElement(By.cssSelector("button[value=preview]")).click();
        BrowserWait.until(operator, LIVE, d -> !d.findElements(By.id("preview")).isEmpty());
        assertThat(operator.findElement(By.cssSelector("#preview .update-body")).getText()).isEqualTo(SCRIPT_BODY);
        Browsers.screenshot(operator, stack.root, "operators-preview-desktop");
        operator.findElement(By.cssSelector("button[value=post]")).click();
        BrowserWait.until(operator, LIVE, d -> !d.findElements(By.id("message")).isEmpty()
                || !d.findElements(By.id("error")).isEmpty());
        assertThat(operator.findElements(By.id("error"))).as("status-api's answer").isEmpty();
        assertThat(operator.findElement(By.id("message")).getText()).isEqualTo("Incident posted.");

        BrowserWait.until(reader, LIVE, d -> !d.findElements(By.cssSelector("#incident-list .incident")).isEmpty());
        assertThat(reader.findElement(By.cssSelector("#incident-list .incident .incident-name")).getText())
                .isEqualTo("Mail is delayed");
        assertThat(reader.findElement(By.cssSelector("#incident-list .incident .update-body")).getText())
                .isEqualTo(SCRIPT_BODY);
        assertThat(reader.findElements(By.cssSelector("#incident-list script, #incident-list img"))).isEmpty();
        assertThat(((JavascriptExecutor) reader).executeScript("return window.heraldPwned === true;")).isEqualTo(false);
        assertThat(reader.getTitle()).doesNotContain("pwned");
        assertThat(((JavascriptExecutor) reader).executeScript("return window.heraldNoReload === true;"))
                .as("appeared without a reload").isEqualTo(true);
        Browsers.screenshot(reader, stack.root, "home-posted-incident-desktop");

        String html = given().get(stack.web() + "/").then().statusCode(200).extract().asString();
        assertThat(html).doesNotContain("<script>window.heraldPwned").doesNotContain("<img src=x")
                .contains("&lt;script&gt;window.heraldPwned=true;document.title=&#39;pwned&#39;&lt;/script&gt;");
    }

    @Test
    @Order(3)
    void shouldResolveTheIncidentAndReadersSeeItGo() {
        operator.get(stack.web() + "/admin");
        operator.findElement(By.cssSelector(".admin-incident form[action$='/resolve'] button")).click();
        BrowserWait.until(operator, LIVE, d -> !d.findElements(By.id("message")).isEmpty());
        assertThat(operator.findElement(By.id("message")).getText()).isEqualTo("Incident resolved.");
        BrowserWait.until(reader, LIVE, d -> d.findElements(By.cssSelector("#incident-list .incident")).isEmpty());
        assertThat(reader.findElement(By.id("incidents")).isDisplayed()).isFalse();

        operator.get(stack.web() + "/admin/audit");
        assertThat(operator.findElement(By.id("audit")).getText()).contains(BrowserStack.OPERATOR);
    }

    @Test
    @Order(4)
    void shouldKeepTheOperatorSignedInAcrossARestartAndOnASecondReplicaUntilLogout() throws Exception {
        stack.stopWeb();
        stack.startWeb();
        operator.get(stack.web() + "/admin");
        assertThat(operator.getCurrentUrl()).as("still signed in after the restart").endsWith("/admin");
        assertThat(operator.findElements(By.id("new-heading"))).isNotEmpty();

        // cookies do not depend on the port: the browser sends the same cookie to the replica, as behind a balancer
        String replica = stack.startWebReplica();
        operator.get(replica + "/admin");
        assertThat(operator.getCurrentUrl()).as("signed in on the other replica").endsWith("/admin");
        assertThat(operator.findElements(By.id("new-heading"))).isNotEmpty();

        String kept = operator.manage().getCookieNamed("herald_admin").getValue();
        operator.findElement(By.cssSelector("form[action='/admin/logout'] button")).click();
        BrowserWait.until(operator, LIVE, d -> d.getCurrentUrl().endsWith("/admin/login"));
        operator.get(stack.web() + "/admin");
        assertThat(operator.getCurrentUrl()).as("logged out on the first replica too").endsWith("/admin/login");
        // a copy of the cookie kept from before the logout opens nothing on either replica
        for (String web : List.of(stack.web(), replica)) {
            given().redirects().follow(false).cookie("herald_admin", kept).get(web + "/admin").then().statusCode(303);
        }
    }
}
