package io.herald.system.browser;

import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

public final class BrowserWait {
    private BrowserWait() {
    }

    /** Polls until the condition holds; an element that live.js replaced meanwhile (stale) means "look again". */
    public static void until(WebDriver driver, Duration timeout, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, timeout, Duration.ofMillis(100))
                .ignoring(StaleElementReferenceException.class)
                .until(condition::apply);
    }
}
