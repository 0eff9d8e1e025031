package io.herald.system.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Single sign-on in Chromium, end to end: the packaged status-web and status-api (real PostgreSQL) against an OpenID
 * Connect provider on another site. The provider sends the browser back cross-site; the operator still lands on the
 * dashboard with a working session, and a person who is not an operator is told an administrator must add them.
 */
class OidcSignInBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static BrowserOidcProvider provider;
    private static BrowserStack stack;
    private static final List<WebDriver> drivers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        provider = new BrowserOidcProvider();
        stack = new BrowserStack().with(List.of("-Dherald.api.oidc.issuer=" + provider.issuer(),
                        "-Dherald.api.oidc.client-id=" + BrowserOidcProvider.CLIENT_ID,
                        "-Dherald.api.oidc.client-secret=" + BrowserOidcProvider.CLIENT_SECRET,
                        "-Dherald.api.oidc.auto-provision.email-domains=ops.example.org",
                        "-Dherald.api.oidc.auto-provision.scopes=incidents:write,audit:read"),
                List.of("-Dherald.web.oidc.enabled=true", "-Dherald.web.oidc.display-name=Acme SSO")).start();
    }

    @AfterAll
    static void stop() throws Exception {
        Browsers.quit(drivers);
        if (stack != null) {
            stack.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static WebDriver browser() {
        WebDriver driver = Browsers.chromium(true);
        drivers.add(driver);
        return driver;
    }

    @Test
    void shouldSignInThroughTheProviderAndUseTheDashboard() {
        provider.signsIn(Map.of("sub", "olivia-1", "email", "olivia@ops.example.org", "email_verified", true,
                "name", "Olivia Ops"));
        WebDriver operator = browser();
        operator.get(stack.web() + "/admin");
        assertThat(operator.getCurrentUrl()).endsWith("/admin/login");
        Browsers.screenshot(operator, stack.root, "operators-login-sso-desktop");
        operator.findElement(By.id("oidc-login")).click();
        BrowserWait.until(operator, WAIT, d -> !d.findElements(By.id("new-heading")).isEmpty());
        assertThat(operator.getCurrentUrl()).isEqualTo(stack.web() + "/admin");
        assertThat(operator.getPageSource()).contains("Olivia Ops");
        assertThat(operator.manage().getCookieNamed("herald_admin").isHttpOnly()).isTrue();
        assertThat(operator.manage().getCookieNamed("herald_oidc")).as("the flow cookie is gone").isNull();

        operator.get(stack.web() + "/admin/audit");
        assertThat(operator.findElement(By.id("audit")).getText()).contains("olivia@ops.example.org",
                "session.create");
    }

    @Test
    void shouldTellSomeoneWhoIsNotAnOperatorThatAnAdministratorMustAddThem() {
        provider.signsIn(Map.of("sub", "gina-1", "email", "gina@elsewhere.example.com", "email_verified", true));
        WebDriver stranger = browser();
        stranger.get(stack.web() + "/admin/login");
        stranger.findElement(By.id("oidc-login")).click();
        BrowserWait.until(stranger, WAIT, d -> !d.findElements(By.id("login-error")).isEmpty());
        assertThat(stranger.findElement(By.id("login-error")).getText())
                .contains("gina@elsewhere.example.com", "an administrator must add them");
        assertThat(stranger.manage().getCookieNamed("herald_admin")).isNull();
        Browsers.screenshot(stranger, stack.root, "operators-login-sso-refused-desktop");
    }
}
