package dev.supportassistant.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

import dev.supportassistant.desk.SharedBrowser;
import tools.jackson.databind.JsonNode;

/**
 * The customer's widget in a real browser ({@link OnTheCustomersSite}): the launcher, streamed replies,
 * the conversation across reloads and the back/forward cache, a person joining live, the keyboard,
 * phones, the host page's styles and languages, down to the service's records of it.
 *
 * <p>With {@code -Dwidget.screenshots=docs/images} it also saves the pictures docs/widget.md shows.
 */
class WidgetBrowserIT extends OnTheCustomersSite {

    @Test
    void theScriptTagAloneBringsTheLauncher() {
        browser.get(site.page());

        WebElement launcher = widget().findElement(By.cssSelector("button.launcher"));
        assertThat(launcher.getText()).isEqualTo("Chat with support");
        assertThat(launcher.isDisplayed()).isTrue();
        assertThat(widget().findElement(By.cssSelector("section.panel")).isDisplayed()).isFalse();
        // Nothing of the widget outside its shadow root but the host element.
        assertThat(browser.findElements(By.cssSelector("body > *")).stream().map(WebElement::getTagName))
                .containsExactly("h1", "p", "script", "div");
        assertThat(browser.getCurrentUrl()).doesNotContain("localhost:" + port());
    }

    @Test
    void aMessageStreamsAReplyRenderedWithItsSources() {
        openWidget();
        // Every text the reply being written showed, in order, as the widget set it.
        browser.executeScript("""
                window.seen = [];
                new MutationObserver(records => records.forEach(record => record.addedNodes.forEach(node => {
                  if (node.nodeType === 3 && record.target.matches('li.assistant > .text')) { window.seen.push(node.data); }
                }))).observe(arguments[0], {childList: true, subtree: true});
                """, widget().findElement(By.cssSelector("ol.history")));

        write("How do I reset my password?");

        WebElement reply = waitForReply(1);
        assertThat(reply.findElement(By.cssSelector(".who")).getText()).isEqualTo("Assistant");
        assertThat(reply.findElement(By.cssSelector(".sources")).getText()).startsWith("Sources:")
                .containsIgnoringCase("password");
        // The local agent writes its reply as one token event: the widget shows the text as it
        // arrives (raw), then, with the done event, as Markdown.
        @SuppressWarnings("unchecked")
        List<String> seen = (List<String>) browser.executeScript("return window.seen.filter(t => t !== arguments[0])",
                "Writing\u2026");
        String content = api.get("/api/v1/conversation/" + conversation()).json().get("messages").get(1)
                .get("content").asString();
        assertThat(seen).as("the text the reply showed while it was being written").isNotEmpty()
                .allSatisfy(shown -> assertThat(content).startsWith(shown));
        assertThat(seen.get(seen.size() - 1)).contains("**Forgot password?**");
        assertThat(reply.findElements(By.cssSelector(".text strong")).stream().map(WebElement::getText))
                .contains("Forgot password?");
        assertThat(reply.findElements(By.cssSelector(".text ol > li"))).hasSizeGreaterThan(3);
        WebElement mine = widget().findElement(By.cssSelector("li.user"));
        assertThat(mine.getText()).contains("You").contains("How do I reset my password?");
        assertThat(mine.getCssValue("background-color")).isNotEqualTo(reply.getCssValue("background-color"));
        JsonNode stored = api.get("/api/v1/conversation/" + conversation()).json();
        assertThat(stored.get("messages").values().stream().map(message -> message.get("role").asString()).toList())
                .containsExactly("user", "assistant");
    }

    @Test
    void theConversationSurvivesAReload() {
        openWidget();
        write("How do I reset my password?");
        waitForReply(1);
        String conversation = conversation();

        browser.navigate().refresh();
        widget().findElement(By.cssSelector("button.launcher")).click();

        waiting().until(driver -> widget().findElements(By.cssSelector("li.msg[data-id]")).size() == 2);
        assertThat(widget().findElement(By.cssSelector("li.user")).getText()).contains("How do I reset my password?");
        write("Thanks, and how do I change my email address?");
        waitForReply(2);
        assertThat(conversation()).isEqualTo(conversation);
        assertThat(api.get("/api/v1/conversation/" + conversation).json().get("messages").size()).isEqualTo(4);
    }

    @Test
    void aPersonJoinsAndRepliesLiveAndTheCustomerRatesTheResolution() {
        openWidget();
        write("My export keeps failing");
        waitForReply(1);
        String conversation = conversation();

        button("Talk to a person").click();
        waitForNotice("Waiting for a person to join");
        var desk = api.asAdmin();
        assertThat(desk.post("/api/v1/desk/conversations/" + conversation + "/claim", null).status()).isEqualTo(200);
        waitForNotice("admin joined the conversation.");
        assertThat(desk.post("/api/v1/desk/conversations/" + conversation + "/messages",
                "{\"content\": \"Hi, I am looking at your **export** now. <b>raw</b> [a](javascript:alert(1))\"}")
                .status()).isEqualTo(201);

        WebElement human = waiting().until(driver -> widget().findElements(By.cssSelector("li.human")).stream()
                .filter(item -> item.getText().contains("looking at your export now")).findFirst().orElse(null));
        assertThat(human.findElement(By.cssSelector(".who")).getText()).isEqualTo("admin");
        assertThat(human.findElement(By.cssSelector("strong")).getText()).isEqualTo("export");
        // Safe Markdown: the agent's HTML is shown as text, and only http(s) links become links.
        assertThat(human.getText()).contains("<b>raw</b>").contains("[a](javascript:alert(1))");
        assertThat(human.findElements(By.cssSelector("b, a"))).isEmpty();
        assertThat(widget().findElement(By.cssSelector("ol.history")).getAttribute("aria-live")).isEqualTo("polite");

        desk.post("/api/v1/desk/conversations/" + conversation + "/resolve", null);
        waitForNotice("The conversation was resolved.");
        widget().findElement(By.cssSelector("button[aria-label='4 of 5']")).click();

        waitForNotice("Thank you for your rating.");
        JsonNode ratings = desk.get("/api/v1/desk/conversations/" + conversation + "/ratings").json();
        assertThat(ratings.toString()).contains("\"score\":4");
    }

    @Test
    void aPersonsReplyWrittenWhileTheHistoryLoadsAfterAReloadIsShown() {
        String conversation = aConversationAPersonHolds("My invoice shows the wrong amount");
        // After the reload, the history's answer (read before the person writes) waits in the page until released.
        onEveryNewPage("""
                const fetched = window.fetch.bind(window);
                let release;
                const held = new Promise(resolve => release = resolve);
                window.releaseHistory = () => release();
                window.fetch = (url, options) => {
                  const answer = fetched(url, options);
                  if (!/\\/api\\/v1\\/conversation\\/[^\\/?]+$/.test(String(url))) {
                    return answer;
                  }
                  return answer.then(response => {
                    window.historyRead = true;
                    return held.then(() => response);
                  });
                };
                """, () -> {
            browser.navigate().refresh();
            waiting().until(driver -> Boolean.TRUE.equals(browser.executeScript("return window.historyRead === true")));
            personWrites(conversation, "I corrected the invoice while the page loaded.");
            browser.executeScript("window.releaseHistory()");
            widget().findElement(By.cssSelector("button.launcher")).click();

            waitForPersonsReply("I corrected the invoice while the page loaded.");
            List<String> shown = widget().findElements(By.cssSelector("li.msg[data-id]")).stream()
                    .map(WebElement::getText).toList();
            // Once, and after the history it came after.
            assertThat(shown).filteredOn(text -> text.contains("I corrected the invoice")).hasSize(1);
            assertThat(shown.get(shown.size() - 1)).contains("I corrected the invoice");
            assertThat(shown.get(0)).contains("My invoice shows the wrong amount");
        });
    }

    /**
     * A page the browser keeps to go back to (its back/forward cache) must not hold its event stream
     * open: a browser opens only a few connections to one host, and such streams once used them all up.
     */
    @Test
    void aPageKeptToGoBackToClosesItsStreamAndResumesItWhenShownAgain() {
        String conversation = aConversationAPersonHolds("Where do I find my invoices?");
        onEveryNewPage("""
                window.streams = { opened: 0, closed: 0 };
                const fetched = window.fetch.bind(window);
                window.fetch = (url, options) => {
                  if (/\\/events(\\?|$)/.test(String(url))) {
                    window.streams.opened++;
                    options.signal.addEventListener('abort', () => window.streams.closed++);
                  }
                  return fetched(url, options);
                };
                """, () -> {
            browser.navigate().refresh();
            waiting().until(driver -> Long.valueOf(1).equals(browser.executeScript("return window.streams.opened")));
            widget().findElement(By.cssSelector("button.launcher")).click();

            browser.get(site.origin() + "/printer.wav");
            personWrites(conversation, "Your invoices are under Billing.");
            browser.navigate().back();

            waitForPersonsReply("Your invoices are under Billing.");
            assertThat(browser.executeScript("return window.streams")).isEqualTo(Map.of("opened", 2L, "closed", 1L));
        });
    }

    /** A conversation with one answered message, handed to a person and claimed by the operator. */
    private String aConversationAPersonHolds(String message) {
        openWidget();
        write(message);
        waitForReply(1);
        String conversation = conversation();
        button("Talk to a person").click();
        waitForNotice("Waiting for a person to join");
        assertThat(api.asAdmin().post("/api/v1/desk/conversations/" + conversation + "/claim", null).status())
                .isEqualTo(200);
        return conversation;
    }

    private void personWrites(String conversation, String text) {
        assertThat(api.asAdmin().post("/api/v1/desk/conversations/" + conversation + "/messages",
                "{\"content\": \"" + text + "\"}").status()).isEqualTo(201);
    }

    private void waitForPersonsReply(String text) {
        waiting().until(driver -> widget().findElements(By.cssSelector("li.human")).stream()
                .anyMatch(item -> item.getText().contains(text)));
    }

    /** Runs {@code test} with {@code script} run first on every page the browser loads meanwhile. */
    private void onEveryNewPage(String script, Runnable test) {
        Map<String, Object> added = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", script));
        try {
            test.run();
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", added.get("identifier")));
        }
    }

    @Test
    void everythingWorksFromTheKeyboardAndEscapeReturnsToTheLauncher() {
        browser.get(site.page());
        widget().findElement(By.cssSelector("button.launcher"));
        // From the page's own link, one Tab reaches the launcher.
        browser.findElement(By.linkText("Top of the page")).sendKeys("");
        keys(Keys.TAB);
        assertThat(focused()).isEqualTo("Chat with support");

        keys(Keys.ENTER);
        assertThat(focused()).isEqualTo("Message");
        keys("How do I reset my password?", Keys.ENTER);
        waitForReply(1);
        keys(Keys.chord(Keys.SHIFT, Keys.TAB));
        assertThat(focused()).as("the control before the text box").isNotBlank();

        keys(Keys.ESCAPE);
        assertThat(widget().findElement(By.cssSelector("section.panel")).isDisplayed()).isFalse();
        assertThat(focused()).isEqualTo("Chat with support");

        // Every control has a name a screen reader reads.
        keys(Keys.ENTER);
        @SuppressWarnings("unchecked")
        List<String> unnamed = (List<String>) browser.executeScript("""
                return [...arguments[0].shadowRoot.querySelectorAll('button, textarea')]
                  .filter(control => !(control.getAttribute('aria-label') || control.textContent.trim()
                     || (control.id && arguments[0].shadowRoot.querySelector('label[for="' + control.id + '"]'))))
                  .map(control => control.outerHTML);
                """, host());
        assertThat(unnamed).isEmpty();
    }

    @Test
    void onA360PixelPhoneThePanelFillsTheScreenWithoutSpillingOver() {
        phone();
        openWidget();
        write("How do I reset my password?");
        waitForReply(1);

        Map<?, ?> panel = box("section.panel");
        assertThat(((Number) panel.get("left")).doubleValue()).isGreaterThanOrEqualTo(0);
        assertThat(((Number) panel.get("right")).doubleValue()).isLessThanOrEqualTo(360);
        assertThat(((Number) panel.get("width")).doubleValue()).isEqualTo(360);
        assertThat((Boolean) browser.executeScript("""
                const panel = arguments[0].shadowRoot.querySelector('section.panel');
                return [...panel.querySelectorAll('button:not([hidden]), textarea, li.msg')].every(element => {
                  const box = element.getBoundingClientRect();
                  return box.left >= 0 && box.right <= 360;
                }) && panel.scrollWidth <= panel.clientWidth;
                """, host())).isTrue();
        assertThat(((Number) box("textarea").get("width")).doubleValue()).isGreaterThan(300);
        showTheCustomersMessage();
        screenshotForTheDocs("widget-phone.png");
    }

    @Test
    void theHostPagesAggressiveCssDoesNotChangeTheWidget() {
        openWidget();
        Map<?, ?> plain = looks();

        browser.get(site.page("* { all: unset !important; font-family: serif; } body { font-size: 30px; }", ""));
        widget().findElement(By.cssSelector("button.launcher")).click();
        Map<?, ?> underAttack = looks();

        assertThat(underAttack).isEqualTo(plain);
    }

    @Test
    void theTagsAttributesSetTitleColourSideAndLanguage() {
        browser.get(site.page("", "data-title=\"Acme help\" data-colour=\"#8a2be2\" data-position=\"left\" "
                + "data-language=\"de\""));

        WebElement launcher = widget().findElement(By.cssSelector("button.launcher"));
        assertThat(launcher.getText()).isEqualTo("Mit dem Support chatten");
        assertThat(launcher.getCssValue("background-color")).isEqualTo("rgba(138, 43, 226, 1)");
        assertThat(launcher.getRect().getX()).isLessThan(100);
        launcher.click();
        assertThat(widget().findElement(By.cssSelector("h2")).getText()).isEqualTo("Acme help");
        assertThat(widget().findElement(By.cssSelector("label")).getText()).isEqualTo("Nachricht");
        assertThat(widget().findElement(By.cssSelector("button.send")).getText()).isEqualTo("Senden");
    }

    @Test
    void itSpeaksTheBrowsersLanguage() {
        Map<String, Object> languages = browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of(
                "source", "Object.defineProperty(navigator, 'languages', {get: () => ['es-ES', 'es', 'en']});"));
        try {
            browser.get(site.page());

            WebElement launcher = widget().findElement(By.cssSelector("button.launcher"));
            assertThat(launcher.getText()).isEqualTo("Chatear con soporte");
            launcher.click();
            assertThat(widget().findElement(By.cssSelector("label")).getText()).isEqualTo("Mensaje");
            assertThat(widget().findElement(By.cssSelector("section.panel")).getDomAttribute("lang")).isEqualTo("es");
        } finally {
            browser.executeCdpCommand("Page.removeScriptToEvaluateOnNewDocument",
                    Map.of("identifier", languages.get("identifier")));
        }
    }

    @Test
    void aLaptopScreenshotForTheDocs() {
        openWidget();
        write("How do I reset my password?");
        waitForReply(1);
        assertThat(widget().findElement(By.cssSelector("section.panel")).isDisplayed()).isTrue();
        showTheCustomersMessage();
        screenshotForTheDocs("widget-laptop.png");
    }

    /** What the widget looks like: computed styles and boxes of its main parts. */
    private Map<?, ?> looks() {
        return (Map<?, ?>) browser.executeScript("""
                const root = arguments[0].shadowRoot;
                const result = {};
                for (const selector of ['button.launcher', 'section.panel', 'header', 'h2', 'textarea', 'button.send', 'label', 'ol.history']) {
                  const element = root.querySelector(selector);
                  const style = getComputedStyle(element);
                  const box = element.getBoundingClientRect();
                  result[selector] = ['font-family', 'font-size', 'font-weight', 'color', 'background-color', 'padding-top',
                    'padding-left', 'border-top-width', 'border-radius', 'display', 'position', 'line-height']
                    .map(name => name + '=' + style.getPropertyValue(name)).join(';')
                    + ';box=' + [box.left, box.top, box.width, box.height].map(Math.round).join(',');
                }
                return result;
                """, host());
    }

    private Map<?, ?> box(String selector) {
        return (Map<?, ?>) browser.executeScript(
                "const b = arguments[0].shadowRoot.querySelector(arguments[1]).getBoundingClientRect();"
                        + "return {left: b.left, right: b.right, width: b.width, height: b.height};", host(), selector);
    }

    private void phone() {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 360, "height", 740, "deviceScaleFactor", 2, "mobile", true));
    }

    /** The history scrolled up to the customer's message, for a picture with both sides. */
    private void showTheCustomersMessage() {
        browser.executeScript("arguments[0].shadowRoot.querySelector('li.user').scrollIntoView()", host());
    }

    private void screenshotForTheDocs(String name) {
        String folder = System.getProperty("widget.screenshots");
        if (folder == null) {
            return;
        }
        try {
            Files.write(Path.of(folder, name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (java.io.IOException notWritten) {
            throw new java.io.UncheckedIOException(notWritten);
        }
    }
}
