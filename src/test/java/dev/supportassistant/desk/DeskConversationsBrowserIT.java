package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.pagefactory.ByChained;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;

import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;

/**
 * The Conversations page and a conversation's Reopen and Assign to, in a real browser: a support
 * person finds a conversation by a word of it, reopens a resolved one, passes one on to a
 * colleague, and reads times in their own time zone. With {@code -Ddesk.screenshots=<folder>} the
 * pages are saved there as PNG files (how docs/images' pictures of them are taken).
 */
class DeskConversationsBrowserIT extends DeskPages {

    @Autowired
    private Conversations conversations;

    private String handedOver(String customer, String message) {
        String conversation = api.chat(ChatRequest.message(message).from(customer)).json().get("conversation_id").asString();
        assertThat(api.post("/api/v1/conversation/" + conversation + "/handoff", "{}").status()).isEqualTo(200);
        return conversation;
    }

    @Test
    void searchFindsAConversationByAWordOfItsText() {
        String word = "wombat" + UUID.randomUUID().toString().substring(0, 6);
        String customer = "dana-" + UUID.randomUUID().toString().substring(0, 4);
        api.chat(ChatRequest.message("My invoices stopped syncing last week").from(customer));
        String wanted = customerWrites(null, "The " + word + " report shows an empty chart since the update");
        // Indexed in the background on the embedded database, within about a second: the page asks once it is.
        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.asAdmin().get("/api/v1/desk/search?q=" + word).body().contains(wanted));
        signIn(account("agent"), PASSWORD);
        waitForText(By.tagName("h1"), "Queue");

        browser.findElement(By.linkText("Conversations")).click();
        waitForText(By.tagName("h1"), "Conversations");
        saveScreenshot("desk-conversations.png");
        labelled("Search").sendKeys(word);
        button("Find").click();

        By row = By.cssSelector("#conversations tr[data-conversation='" + wanted + "']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(row));
        assertThat(browser.findElements(By.cssSelector("#conversations tbody tr"))).hasSize(1);
        assertThat(textOf(row)).contains("AI only").contains("Anonymous customer");
        click(new ByChained(row, By.tagName("a")));
        waitForText(By.tagName("h1"), "Conversation with");
        assertThat(browser.getCurrentUrl()).isEqualTo(url("/desk/conversations/" + wanted));
    }

    @Test
    void theListShowsANewRequestAndAClaimWithoutAReload() {
        signIn(account("agent"), PASSWORD);
        waitForText(By.tagName("h1"), "Queue");
        browser.findElement(By.linkText("Conversations")).click();
        waitForText(By.tagName("h1"), "Conversations");
        JavascriptExecutor page = (JavascriptExecutor) browser;
        page.executeScript("window.sameDocument = true;");

        String conversation = customerWrites(null, "I want to talk to a human, my payout never arrived");
        By row = By.cssSelector("#conversations tr[data-conversation='" + conversation + "']");
        // The row comes live and is replaced again when the handoff's summary is written after the turn.
        assertThat(textOf(row)).contains("Waiting");

        api.asAdmin().post("/api/v1/desk/conversations/" + conversation + "/claim", null);
        waiting().until(driver -> driver.findElement(row).getText().contains("With a person"));
        assertThat(page.executeScript("return window.sameDocument === true;")).as("not reloaded").isEqualTo(true);
    }

    @Test
    void aResolvedConversationIsReopenedWithItsCustomersOtherConversationsBesideIt() {
        String customer = "erin-" + UUID.randomUUID().toString().substring(0, 4);
        String earlier = api.chat(ChatRequest.message("How do I change my billing address?").from(customer))
                .json().get("conversation_id").asString();
        String conversation = handedOver(customer, "My card was charged twice for **one** order");
        String desk = "/api/v1/desk/conversations/" + conversation;
        var bob = api.withBearer(CustomerTokensForTests.agentToken("bob"));
        bob.post(desk + "/claim", null);
        bob.post(desk + "/messages", "{\"content\": \"I have refunded the second charge.\"}");
        bob.post(desk + "/resolve", null);
        String me = account("agent");
        signIn(me, PASSWORD);
        waitForText(By.tagName("h1"), "Queue");

        browser.get(url("/desk/conversations/" + conversation));
        waitForText(By.cssSelector("#state .status"), "Resolved");
        assertThat(browser.findElement(By.cssSelector("#others a")).getAttribute("href"))
                .endsWith("/desk/conversations/" + earlier);
        click(buttonSaying("Reopen"));

        waitForText(By.cssSelector(".notice"), "You reopened the conversation");
        assertThat(textOf(By.cssSelector("#state .status"))).isEqualTo("Waiting for a person");
        waitForText(By.id("history"), me + " reopened the conversation; it waits for a person.");
        assertThat(inView(buttonSaying("Claim"))).as("Claim above the fold, before the summary").isTrue();
        saveScreenshot("desk-reopened.png");
    }

    @Test
    void aConversationIsAssignedToAColleagueAndTheHistorySaysWhoMovedIt() {
        String colleague = account("agent");
        String me = account("agent");
        String conversation = handedOver("farid-" + UUID.randomUUID().toString().substring(0, 4),
                "The app crashes when I open **Settings** > *Sync*");
        signIn(me, PASSWORD);
        waitForText(By.tagName("h1"), "Queue");
        browser.get(url("/desk/conversations/" + conversation));
        click(buttonSaying("Claim"));
        waitForText(By.cssSelector("#state .status"), "Held by you");
        assertThat(inView(By.id("reply"))).as("the Reply box above the fold").isTrue();
        assertThat(inView(buttonSaying("Send"))).isTrue();

        // "Assign to" is in the live status part: choose and press in one go, again if it was replaced.
        waiting().until(page -> {
            new Select(labelled("Assign to")).selectByVisibleText(colleague);
            button("Assign").click();
            return true;
        });

        waitForText(By.cssSelector(".notice"), "You assigned the conversation to " + colleague + ".");
        assertThat(textOf(By.cssSelector("#state .status"))).isEqualTo("Held by " + colleague);
        waitForText(By.id("history"), me + " assigned the conversation to " + colleague + ".");
        assertThat(browser.findElement(By.id("reply-fields")).getAttribute("disabled")).isNotNull();
        saveScreenshot("desk-transferred.png");
    }

    @Test
    void anAiAnswerReadsAsMarkdownWithoutAnyonesHtmlAndTheConfusionExplanationIsFolded() {
        String conversation = customerWrites(null, "How do I stop paying?");
        ChatMessage confused = ChatMessage.newMessage("I still don't get it, where is it??",
                MessageMetadata.CustomerMessage.scored(0.82, List.of("repeated question", "frustration"), null, null));
        conversations.append(conversation, confused);
        conversations.append(conversation, ChatMessage.newMessage("Open **Billing** and press `Cancel subscription`."
                + "\n\n<img src=x onerror=\"document.title='owned'\">",
                MessageMetadata.AiAnswer.of("local", "local-model", new MessageMetadata.TokenUsage(1, 1, 2, true), 5,
                        0.82, List.of())));
        signIn(account("agent"), PASSWORD);
        waitForText(By.tagName("h1"), "Queue");

        browser.get(url("/desk/conversations/" + conversation));

        // The history is a live part: each look finds it afresh and reads what it needs at once.
        ShownAnswer answer = waiting().until(page -> {
            WebElement markdown = page.findElement(By.cssSelector("#history li.ai:last-child .markdown"));
            return new ShownAnswer(markdown.findElement(By.tagName("strong")).getText(),
                    markdown.findElement(By.tagName("code")).getText(), markdown.findElements(By.tagName("img")).size(),
                    markdown.getText());
        });
        assertThat(answer.strong()).isEqualTo("Billing");
        assertThat(answer.code()).isEqualTo("Cancel subscription");
        assertThat(answer.images()).isZero();
        assertThat(answer.text()).contains("<img src=x");
        assertThat(browser.getTitle()).doesNotContain("owned");
        By why = By.cssSelector("#m-" + confused.id() + " details.why");
        Optional<String> open = waiting().until(page -> Optional.ofNullable(page.findElement(why).getAttribute("open")));
        assertThat(open).as("folded").isEmpty();
        assertThat(textOf(new ByChained(why, By.tagName("summary")))).isEqualTo("Why?");
        String unfolded = waiting().until(page -> {
            WebElement details = page.findElement(why);
            if (details.getAttribute("open") == null) {
                details.findElement(By.tagName("summary")).click();
            }
            return details.getText();
        });
        assertThat(unfolded).contains("repeated question; frustration");
    }

    @Test
    void timesAreShownInTheBrowsersTimeZone() {
        String conversation = customerWrites(null, "What time is it over there?");
        signIn(account("agent"), PASSWORD);
        waitForText(By.tagName("h1"), "Queue");
        ChromeDriver chromium = SharedBrowser.driver();
        chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", "Asia/Tokyo"));
        try {
            // Both lists are live parts: each look finds the time afresh and reads all of it at once.
            browser.get(url("/desk/conversations?q=" + conversation));
            ShownTime time = localTime(By.cssSelector("#conversations time"));

            String tokyo = Instant.parse(time.datetime()).atZone(ZoneId.of("Asia/Tokyo"))
                    .format(DateTimeFormatter.ofPattern("HH:mm"));
            assertThat(time.text()).contains(tokyo).contains("GMT+9").doesNotContain("UTC");

            browser.get(url("/desk/conversations/" + conversation));
            ShownTime first = localTime(By.cssSelector("#history time"));
            assertThat(first.text()).contains(Instant.parse(first.datetime())
                    .atZone(ZoneId.of("Asia/Tokyo")).format(DateTimeFormatter.ofPattern("HH:mm")));
        } finally {
            chromium.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", ""));
        }
    }

    /** Whether what {@code where} finds shows whole in the window without scrolling (found again if replaced). */
    private boolean inView(By where) {
        return waiting().until(page -> Optional.ofNullable(((JavascriptExecutor) browser).executeScript(
                "var box = arguments[0].getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight;",
                page.findElement(where)))).map(Boolean.TRUE::equals).orElse(false);
    }

    /** A time element once times.js has shown it in the browser's zone: its machine-readable value and its text. */
    private ShownTime localTime(By where) {
        return waiting().until(page -> {
            WebElement time = page.findElement(where);
            return time.getAttribute("data-local") == null ? null
                    : new ShownTime(time.getAttribute("datetime"), time.getText());
        });
    }

    private record ShownTime(String datetime, String text) {
    }

    private record ShownAnswer(String strong, String code, int images, String text) {
    }

    private void saveScreenshot(String name) {
        String folder = System.getProperty("desk.screenshots");
        if (folder == null || folder.isBlank()) {
            return;
        }
        try {
            Files.createDirectories(Path.of(folder));
            Files.write(Path.of(folder, name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
