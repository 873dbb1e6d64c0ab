package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.MessageMetadata;

/** AI answers as the desk shows them: Markdown rendered, nobody's HTML let through; confusion signals folded apart. */
class AnswerMarkdownTest {

    @Test
    void markdownIsRendered() {
        assertThat(AnswerMarkdown.html("Open **Settings** and choose:\n\n1. *Billing*\n2. `Cancel subscription`\n"))
                .contains("<strong>Settings</strong>").contains("<ol>").contains("<em>Billing</em>")
                .contains("<code>Cancel subscription</code>");
    }

    @Test
    void rawHtmlAndScriptLinksFromAnyAuthorStayText() {
        String html = AnswerMarkdown.html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> "
                + "[click](javascript:alert(3)) [help](https://example.com/help)");

        assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:")
                .contains("&lt;script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("href=\"https://example.com/help\"").contains("rel=\"nofollow noopener noreferrer\"")
                .contains("href=\"\"");
    }

    /** commonmark's own sanitizer also keeps {@code data:}, which would carry a page of the author's making. */
    @Test
    void dataAddressesAreDroppedLikeEveryOtherSchemeButHttpAndMailto() {
        String html = AnswerMarkdown.html("[open](data:text/html,<script>alert(1)</script>) "
                + "![pixel](data:image/png;base64,iVBORw0KGgo=) [mail](mailto:help@example.com) [page](/help)");

        assertThat(html).doesNotContain("data:").contains("href=\"mailto:help@example.com\"")
                .contains("href=\"/help\"");
    }

    @Test
    void onlyAnAiAnswerIsRenderedAndConfusionSignalsAreKeptForTheWhyDisclosure() {
        HistoryEntry customer = HistoryEntry.of(ChatMessage.newMessage("**not markdown** <b>",
                MessageMetadata.CustomerMessage.scored(0.82, List.of("repeated question", "frustration"), null, null)));
        HistoryEntry answer = HistoryEntry.of(ChatMessage.newMessage("Press **Cancel**",
                MessageMetadata.AiAnswer.of("local", "local-model", new MessageMetadata.TokenUsage(1, 1, 2, true), 5, 0.1,
                        List.of())));

        assertThat(customer.html()).isNull();
        assertThat(customer.details()).containsExactly("confusion 0.82");
        assertThat(customer.why()).isEqualTo("repeated question; frustration");
        assertThat(answer.html()).isEqualTo("<p>Press <strong>Cancel</strong></p>\n");
    }
}
