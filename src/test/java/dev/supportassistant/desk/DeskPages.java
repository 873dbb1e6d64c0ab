package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
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
        return browser.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
    }

    /** A wait that looks again when the page was reloaded under it (a form's answer, a live update). */
    FluentWait<WebDriver> waiting() {
        return new WebDriverWait(browser, PATIENCE).ignoring(StaleElementReferenceException.class);
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
}
