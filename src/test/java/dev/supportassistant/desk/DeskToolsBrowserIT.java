package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.EventStreamClient;
import tools.jackson.databind.JsonNode;

/**
 * The desk's tools in a real browser: an internal note is added and never reaches the customer
 * (their history, their live stream); a saved reply is inserted into the Reply box and edited
 * before it is sent; "Draft reply" fills the box from the AI (the offline agent here) and sends
 * nothing by itself. With {@code -Ddocs.screenshots=docs/images} it also saves the screenshots
 * docs/desk.md shows.
 */
class DeskToolsBrowserIT extends DeskPages {

    private static final String NOTE = "Checked billing: the customer is on the legacy plan";

    @Autowired
    private JdbcClient jdbc;

    @Test
    void aNoteIsAddedAndNeverReachesTheCustomer() {
        String conversation = customerWrites(null, "How do I export my data to CSV?");
        try (EventStreamClient events = EventStreamClient.open(port(), "/api/v1/conversation/" + conversation + "/events")) {
            assertThat(events.next().comment()).isEqualTo("connected");
            signIn(account("agent"), PASSWORD);
            waitForText(By.tagName("h1"), "Queue");
            browser.get(url("/desk/conversations/" + conversation));

            labelled("Note").sendKeys(NOTE);
            button("Add note").click();

            waitForText(By.id("notes"), NOTE);
            assertThat(browser.findElement(By.cssSelector("#notes .note .author")).getText()).contains("(internal note)");
            assertThat(textOf(By.id("history"))).doesNotContain(NOTE);
            screenshot("desk-notes.png", By.id("notes"));

            customerWrites(conversation, "And to Excel?");
            List<String> seen = new ArrayList<>();
            events.nextMatching(event -> {
                seen.add(String.valueOf(event.data()));
                return "message".equals(event.type()) && event.data().contains("And to Excel?");
            });
            assertThat(seen).noneMatch(data -> data.contains("legacy plan"));
        }
        assertThat(api.get("/api/v1/conversation/" + conversation).body()).doesNotContain("legacy plan");
    }

    @Test
    void aSavedReplyIsInsertedAndEditedBeforeSending() {
        String title = "Export help " + UUID.randomUUID().toString().substring(0, 6);
        var saved = api.asAdmin().post("/api/v1/desk/saved-replies", "{\"title\": \"" + title
                + "\", \"text\": \"Hi {customer}, {agent} here. I am looking into your export now.\"}");
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        String agent = account("agent");
        String conversation = claimedBy(agent, "Please get me a real person, my export fails");

        new Select(labelled("Saved reply")).selectByVisibleText(title);
        button("Insert").click();

        WebElement reply = labelled("Reply");
        assertThat(reply.getDomProperty("value")).isEqualTo("Hi there, " + agent + " here. I am looking into your export now.");
        assertThat(humanReplies(conversation)).as("inserting sends nothing").isEmpty();
        screenshot("desk-saved-reply.png", By.id("reply-form"));
        reply.sendKeys(" It should work again within the hour.");
        button("Send").click();

        waitForText(By.id("history"), "It should work again within the hour.");
        assertThat(humanReplies(conversation)).containsExactly("Hi there, " + agent
                + " here. I am looking into your export now. It should work again within the hour.");
    }

    @Test
    void aDraftFillsTheReplyBoxAndSendsNothingByItself() {
        String agent = account("agent");
        String conversation = claimedBy(agent, "I want to talk to a human: how do I reset my password?");
        int before = api.get("/api/v1/conversation/" + conversation).json().get("messages").size();

        button("Draft reply").click();

        waiting().until(page -> !labelled("Reply").getDomProperty("value").isBlank());
        assertThat(browser.findElement(By.id("draft-sources")).getText()).contains("Help passages used");
        assertThat(api.get("/api/v1/conversation/" + conversation).json().get("messages")).hasSize(before);
        assertThat(humanReplies(conversation)).isEmpty();
        screenshot("desk-draft.png", By.id("reply-form"));
    }

    @Test
    void whatWasTypedInTheReplyBoxIsKeptAndTheDraftFollowsIt() {
        String agent = account("agent");
        claimedBy(agent, "I want to talk to a human: my invoice is wrong");
        labelled("Reply").sendKeys("Sorry about that, let me check.");

        button("Draft reply").click();

        waiting().until(page -> labelled("Reply").getDomProperty("value").length() > "Sorry about that, let me check.".length());
        assertThat(labelled("Reply").getDomProperty("value")).startsWith("Sorry about that, let me check.\n\n");
    }

    @Test
    void theOperatorReadsTheOutcomesAndManagesSavedReplies() {
        seedTheLastWeek();
        signIn(account("operator"), PASSWORD);
        waitForText(By.tagName("h1"), "Queue");
        browser.findElement(By.linkText("Outcomes")).click();
        waitForText(By.tagName("h1"), "Outcomes");
        assertThat(browser.findElements(By.cssSelector("figure.chart svg"))).isNotEmpty();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("resolved by the AI alone");
        assertThat(browser.findElement(By.cssSelector("figure.chart svg")).getDomAttribute("aria-label"))
                .startsWith("Resolved by the AI alone: ").contains(" 3");
        screenshot("console-outcomes.png", By.tagName("h1"));

        browser.findElement(By.linkText("Saved replies")).click();
        waitForText(By.tagName("h1"), "Saved replies");
        String title = "Greeting " + UUID.randomUUID().toString().substring(0, 6);
        labelled("Title").sendKeys(title);
        labelled("Text").sendKeys("Hello {customer}, this is {agent}.");
        button("Save reply").click();
        waitForText(By.cssSelector(".notice"), "Saved \"" + title + "\".");
        assertThat(api.asAdmin().get("/api/v1/desk/saved-replies").body()).contains(title);
        screenshot("console-saved-replies.png", By.tagName("h1"));
    }

    /**
     * A week of finished conversations, a few a day, as the conversation and handoff modules store
     * them: resolved by the AI alone (rated 4 or 5), handed to a person who replied after some
     * minutes and resolved it (rated 3 to 5), one reopened. Six days ago, three of each.
     */
    private void seedTheLastWeek() {
        Instant now = Instant.now();
        for (int day = 6; day >= 1; day--) {
            Instant start = now.minus(Duration.ofDays(day)).truncatedTo(ChronoUnit.HOURS);
            int ai = day == 6 ? 3 : 2 + day % 3;
            for (int i = 0; i < ai; i++) {
                Instant at = start.plusSeconds(600L * i);
                String id = seeded(at, at.plusSeconds(5));
                seededMessage(id, "user", at, null, "{}");
                seededMessage(id, "assistant", at.plusSeconds(5), "local", "{}");
                seededRating(id, "ai", false, 4 + i % 2, at.plusSeconds(60));
            }
            int people = day == 6 ? 3 : 1 + day % 2;
            for (int i = 0; i < people; i++) {
                Instant at = start.plusSeconds(3600L + 900L * i);
                Instant replied = at.plusSeconds(60L * (3 + 2 * day + i));
                String id = seeded(at, replied.plusSeconds(600));
                seededMessage(id, "user", at, null, "{}");
                seededMessage(id, "system", at.plusSeconds(1), null, "{\"handoff\":{\"status\":\"waiting_for_human\"}}");
                seededMessage(id, "assistant", replied, null, "{\"author\":\"sam\",\"human\":true}");
                seededMessage(id, "system", replied.plusSeconds(600), null, "{\"handoff\":{\"status\":\"resolved\"}}");
                seededRating(id, "resolved:" + day + i, true, 3 + (day + i) % 3, replied.plusSeconds(700));
                if (i == 0 && day % 3 == 0) {
                    seededMessage(id, "user", replied.plusSeconds(3600), null, "{}");
                }
            }
        }
    }

    private String seeded(Instant createdAt, Instant updatedAt) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO conversations (id, user_id, created_at, updated_at) VALUES (:id, 'seeded', :c, :u)")
                .param("id", id).param("c", utc(createdAt)).param("u", utc(updatedAt)).update();
        return id;
    }

    private void seededMessage(String conversation, String role, Instant at, String provider, String details) {
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, role, content, created_at, provider, details)
                VALUES (:id, :conversation, :role, 'text', :at, :provider, :details)
                """)
                .param("id", UUID.randomUUID().toString()).param("conversation", conversation).param("role", role)
                .param("at", utc(at)).param("provider", provider).param("details", details).update();
    }

    private void seededRating(String conversation, String resolution, boolean human, int score, Instant at) {
        jdbc.sql("""
                INSERT INTO conversation_ratings (conversation_id, resolution, human, score, created_at)
                VALUES (:id, :resolution, :human, :score, :at)
                """)
                .param("id", conversation).param("resolution", resolution).param("human", human).param("score", score)
                .param("at", utc(at)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** A conversation the customer asked a person for, claimed by {@code agent}, open in the browser. */
    private String claimedBy(String agent, String message) {
        String conversation = customerWrites(null, message);
        signIn(agent, PASSWORD);
        waitForText(By.tagName("h1"), "Queue");
        browser.get(url("/desk/conversations/" + conversation));
        click(buttonSaying("Claim"));
        waitForText(By.cssSelector("#state .status"), "Held by you");
        waiting().until(ExpectedConditions.elementToBeClickable(By.id("reply")));
        return conversation;
    }

    private List<String> humanReplies(String conversation) {
        JsonNode messages = api.get("/api/v1/conversation/" + conversation).json().get("messages");
        return messages.values().stream().filter(message -> message.get("metadata").has("human"))
                .map(message -> message.get("content").asString()).toList();
    }

    /** Saves the page around {@code near} for the manual, when asked to ({@code -Ddocs.screenshots=<folder>}). */
    private void screenshot(String name, By near) {
        String folder = System.getProperty("docs.screenshots");
        if (folder == null) {
            return;
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -80);",
                browser.findElement(near));
        try {
            Files.createDirectories(Path.of(folder));
            Files.write(Path.of(folder, name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
