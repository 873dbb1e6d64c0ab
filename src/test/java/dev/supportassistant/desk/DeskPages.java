package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;

/**
 * Base of the desk's browser tests: the shared service ({@link dev.supportassistant.ServiceTest}),
 * the shared Chromium ({@link SharedBrowser}) on a blank page without cookies at the start of each
 * test, and the steps a person takes: get an account, sign in, open a page, wait for something to
 * show.
 */
@ExtendWith(SharedBrowser.class)
abstract class DeskPages extends ApiTest {

    static final String PASSWORD = DeskAccountsForTests.PASSWORD;
    static final Duration PATIENCE = Duration.ofSeconds(20);

    WebDriver browser;

    @BeforeEach
    void freshBrowser() {
        ChromeDriver chromium = SharedBrowser.driver();
        // Leave the last test's page before its cookies go: a live desk page left open would notice
        // being signed out at its next event and send the browser to the sign-in page by itself,
        // in the middle of this test's own sign-in.
        chromium.get("about:blank");
        chromium.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        browser = chromium;
    }

    String url(String path) {
        return "http://localhost:" + port() + path;
    }

    /** A new account with a name no other test uses. */
    String account(String role) {
        return DeskAccountsForTests.create(api, role);
    }

    void signIn(String name, String password) {
        browser.get(url("/desk/sign-in"));
        labelled("Name").sendKeys(name);
        labelled("Password").sendKeys(password);
        button("Sign in").click();
    }

    /** The form control whose label says {@code label}, as a person finds it. */
    WebElement labelled(String label) {
        WebElement labelElement = browser.findElement(By.xpath("//label[normalize-space()='" + label + "']"));
        return browser.findElement(By.id(labelElement.getAttribute("for")));
    }

    WebElement button(String text) {
        return browser.findElement(buttonSaying(text));
    }

    static By buttonSaying(String text) {
        return By.xpath("//button[normalize-space()='" + text + "']");
    }

    /**
     * A wait that looks again when the page was reloaded under it (a form's answer, a live update).
     * Chromium reports a node replaced in the middle of a call either as a stale element or, from
     * inside its own scripts, as a generic error saying the node left the document: both mean
     * "look again".
     */
    FluentWait<WebDriver> waiting() {
        return new WebDriverWait(browser, PATIENCE, SharedBrowser.POLLING) {
            @Override
            public <V> V until(Function<? super WebDriver, ? extends V> condition) {
                return super.until(new LookingAgainWhenReplaced<>(condition));
            }
        }.ignoring(StaleElementReferenceException.class);
    }

    /**
     * The text of a part of the page, read again if a live update replaced the part between finding
     * and reading it (on the desk's live pages that can happen at any time); waits for it to be there.
     */
    String textOf(By where) {
        return waiting().until(driver -> driver.findElement(where).getText());
    }

    /** Clicks what {@code where} finds, finding it again if a live update replaced it first. */
    void click(By where) {
        waiting().until(driver -> {
            driver.findElement(where).click();
            return true;
        });
    }

    void waitForText(By where, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    /** A customer's message through the API the frontend uses; returns the conversation id. */
    String customerWrites(String conversationId, String message) {
        var reply = api.chat(ChatRequest.message(message).in(conversationId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("conversation_id").asString();
    }

    /** A wait's condition that counts a node replaced under it as "not yet" (and keeps its description). */
    private record LookingAgainWhenReplaced<V>(Function<? super WebDriver, ? extends V> condition)
            implements Function<WebDriver, V> {

        @Override
        public V apply(WebDriver driver) {
            try {
                return condition.apply(driver);
            } catch (WebDriverException replaced) {
                if (String.valueOf(replaced.getMessage()).contains("Node with given id does not belong to the document")) {
                    return null;
                }
                throw replaced;
            }
        }

        @Override
        public String toString() {
            return condition.toString();
        }
    }
}
