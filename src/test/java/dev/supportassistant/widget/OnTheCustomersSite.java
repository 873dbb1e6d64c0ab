package dev.supportassistant.widget;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import dev.supportassistant.ApiTest;
import dev.supportassistant.desk.SharedBrowser;
import dev.supportassistant.platform.config.ApiSettings;

/**
 * The customer's widget in a real browser, on a company's page served from another origin than
 * the service's ({@link CustomerSite}, allowed by the shared context's {@code CORS_ORIGINS}), with
 * nothing of the service on it but the script tag: the page, the shared browser, and what a
 * customer does there, for the widget's browser tests.
 */
@ExtendWith(SharedBrowser.class)
abstract class OnTheCustomersSite extends ApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    static CustomerSite site;

    @Autowired
    ApiSettings settings;

    ChromeDriver browser;

    @BeforeEach
    void openTheCustomersSite() {
        if (site == null) {
            String origin = settings.corsOrigins().stream()
                    .filter(candidate -> candidate.startsWith("http://127.0.0.1:") && !candidate.endsWith(":3000"))
                    .findFirst().orElseThrow();
            site = CustomerSite.at(origin, "http://localhost:" + port());
        }
        browser = SharedBrowser.driver();
        browser.get("about:blank");
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    }

    @AfterEach
    void leaveThePage() {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        // Forget the conversation, so that each test starts as a new visitor.
        if (browser.getCurrentUrl().startsWith("http://127.0.0.1")) {
            browser.executeScript("localStorage.clear()");
        }
        browser.get("about:blank");
    }

    @AfterAll
    static void closeTheSite() {
        if (site != null) {
            site.close();
            site = null;
        }
    }

    // ---- Steps

    void openWidget() {
        browser.get(site.page());
        widget().findElement(By.cssSelector("button.launcher")).click();
        waiting().until(driver -> widget().findElement(By.cssSelector("textarea")).isDisplayed());
    }

    void write(String message) {
        WebElement box = widget().findElement(By.cssSelector("textarea"));
        box.sendKeys(message);
        widget().findElement(By.cssSelector("button.send")).click();
    }

    /** The {@code count}-th reply of the assistant, once it is complete (has its id). */
    WebElement waitForReply(int count) {
        return waiting().until(driver -> {
            List<WebElement> replies = widget().findElements(By.cssSelector("li.assistant[data-id]"));
            return replies.size() >= count ? replies.get(count - 1) : null;
        });
    }

    void waitForNotice(String text) {
        waiting().until(driver -> widget().findElement(By.cssSelector(".notice")).getText().contains(text));
    }

    String conversation() {
        return (String) browser.executeScript(
                "return Object.keys(localStorage).filter(k => k.endsWith(':conversation')).map(k => localStorage[k])[0]");
    }

    void keys(CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** The accessible name of the focused control inside the widget (its label, aria-label or text). */
    String focused() {
        return (String) browser.executeScript("""
                const root = arguments[0].shadowRoot;
                const element = root.activeElement;
                if (!element) { return null; }
                const label = element.id && root.querySelector('label[for="' + element.id + '"]');
                return label ? label.textContent : (element.getAttribute('aria-label') || element.textContent.trim());
                """, host());
    }

    WebElement host() {
        return waiting().until(driver -> driver.findElements(By.cssSelector("[data-support-assistant]")).stream()
                .findFirst().orElse(null));
    }

    SearchContext widget() {
        return host().getShadowRoot();
    }

    WebDriverWait waiting() {
        return SharedBrowser.waiting(PATIENCE);
    }

    WebElement button(String text) {
        return widget().findElements(By.cssSelector("button")).stream().filter(button -> button.getText().equals(text))
                .findFirst().orElseThrow();
    }
}
