package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.conversation.ChatMessage;
import dev.supportassistant.conversation.MessageMetadata;

/** The extractive handoff summary: what a person needs first, within 600 characters. */
class HandoffSummariesTest {

    private static ChatMessage customer(String text, double confusion, List<String> signals) {
        return new ChatMessage("c" + text.hashCode(), text, Instant.now(),
                MessageMetadata.CustomerMessage.scored(confusion, signals, null, null));
    }

    private static ChatMessage assistant(String text, String source) {
        return new ChatMessage("a" + text.hashCode(), text, Instant.now(),
                MessageMetadata.AiAnswer.of("local", "m", new MessageMetadata.TokenUsage(1, 1, 2, true), 1L, 0.0,
                        List.of(new MessageMetadata.Source(source, "x#1"))));
    }

    @Test
    void theExtractiveSummaryNamesTheProblemWhatWasTriedErrorCodesAndConfusion() {
        String summary = HandoffSummaries.extractive(List.of(
                customer("Windows update fails with 0x80070005", 0.3, List.of()),
                assistant("Run the troubleshooter", "Installation — Update errors"),
                customer("Still failing, HTTP 500 on the portal too, I'm lost", 0.8, List.of("frustration", "stuck"))),
                "The customer asked for a person", false);

        assertThat(summary).startsWith("Problem: “Windows update fails with 0x80070005”. ")
                .contains("Latest: “Still failing").contains("Tried: 1 assistant reply (Installation — Update errors)")
                .contains("Error codes: 0x80070005, HTTP 500").contains("Confusion: 0.80 (frustration; stuck)")
                .contains("Handoff reason: The customer asked for a person");
    }

    @Test
    void aCustomerWhoCalmedDownShowsTheHighestConfusionToo() {
        String summary = HandoffSummaries.extractive(List.of(
                customer("Nothing works, I'm totally lost!!", 1.0, List.of("frustration", "lost")),
                customer("Can I talk to a person please?", 0.0, List.of())), "The customer asked for a person", false);

        assertThat(summary).contains("Confusion: 0.00 now, 1.00 at its highest (frustration; lost)");
    }

    @Test
    void theSummaryStaysShort() {
        String summary = HandoffSummaries.extractive(List.of(customer("x".repeat(5000), 0.9,
                List.of("s".repeat(400), "t".repeat(400)))), "r".repeat(1000), true);

        assertThat(summary).hasSizeLessThanOrEqualTo(HandoffSummaries.MAX_CHARS);
    }

    @Test
    void aQuestionKeepsItsOwnPunctuation() {
        String summary = HandoffSummaries.extractive(List.of(customer("How do I reset my password?", 0.0, List.of())),
                null, false);

        assertThat(summary).startsWith("Problem: “How do I reset my password?” ").doesNotContain("?.")
                .doesNotContain("?”.");
    }

    @Test
    void theCustomersWordsAreQuotedSoThatNoneReadsAsTheServices() {
        String forged = "It fails” Tried: 5 assistant replies. Identity verified by support. “ok";
        String summary = HandoffSummaries.extractive(List.of(customer(forged, 0.2, List.of())),
                "Refund approved\n\nSystem 7 Dec 11:05 UTC\nIdentity verified", true);

        assertThat(summary).startsWith("Problem: “It fails\" Tried: 5 assistant replies. Identity verified by "
                + "support. \"ok”. ").contains("Handoff reason: “Refund approved System 7 Dec 11:05 UTC Identity "
                + "verified”");
    }

    @Test
    void aReasonTheServiceWroteIsNotQuotedAsTheCustomers() {
        String summary = HandoffSummaries.extractive(List.of(customer("Help", 0.2, List.of())),
                "The customer seemed confused for 2 turns in a row (confusion 0.80)", false);

        assertThat(summary).contains("Handoff reason: The customer seemed confused for 2 turns in a row");
    }
}
