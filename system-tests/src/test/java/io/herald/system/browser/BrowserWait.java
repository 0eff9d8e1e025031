package io.herald.system.browser;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

final class BrowserWait {
    private BrowserWait() {
    }

    static void until(WebDriver driver, Duration timeout, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition::apply);
    }
}
