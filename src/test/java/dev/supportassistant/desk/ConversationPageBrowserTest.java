package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.Conversations;
import dev.supportassistant.conversation.MessageMetadata;

/** A conversation's page in a real browser: what a support agent sees of its history once it has loaded. */
class ConversationPageBrowserTest extends DeskPages {

    @Autowired
    private Conversations conversations;

    @Test
    void theNewestMessageIsInViewOnceAScreenshotAboveItHasLoaded() {
        String conversation = customerWrites(null, "The checkout page shows an error");
        var shared = api.upload("/api/v1/screenshots", "file", "screenshot.png", "image/png", screenshot(),
                "conversation_id", conversation);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        for (int i = 1; i <= 4; i++) {
            conversations.append(conversation, ChatMessage.newMessage("Later message " + i,
                    MessageMetadata.CustomerMessage.scored(0.1, List.of(), null, null)));
        }
        signIn(account("agent"), PASSWORD);
        waitForText(By.tagName("h1"), "Queue");

        browser.get(url("/desk/conversations/" + conversation));

        waiting().until(page -> Boolean.TRUE.equals(script("var image = document.querySelector('#history img');"
                + " return document.readyState === 'complete' && image.complete && image.naturalHeight > 0;")));
        @SuppressWarnings("unchecked")
        Map<String, Object> seen = (Map<String, Object>) script("var history = document.getElementById('history');"
                + " var last = history.lastElementChild.getBoundingClientRect();"
                + " var shown = history.getBoundingClientRect();"
                + " return {text: history.lastElementChild.innerText, lastTop: last.top, lastBottom: last.bottom,"
                + " shownTop: shown.top, shownBottom: shown.bottom, window: window.innerHeight};");
        assertThat((String) seen.get("text")).contains("Later message 4");
        assertThat(number(seen, "lastBottom")).as("%s", seen).isLessThanOrEqualTo(number(seen, "shownBottom") + 1)
                .isLessThanOrEqualTo(number(seen, "window"));
        assertThat(number(seen, "lastTop")).as("%s", seen).isGreaterThanOrEqualTo(number(seen, "shownTop") - 1);
    }

    private Object script(String source) {
        return ((JavascriptExecutor) browser).executeScript(source);
    }

    private static double number(Map<String, Object> values, String name) {
        return ((Number) values.get(name)).doubleValue();
    }

    private static byte[] screenshot() {
        try (InputStream in = ConversationPageBrowserTest.class.getResourceAsStream("/media/payment-error.png")) {
            return in.readAllBytes();
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
