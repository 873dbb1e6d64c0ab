package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.supportassistant.knowledge.KnowledgePassage;

class ScreenSharePhrasesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Would you like to share your screen with a support specialist?",
            "This looks frustrating, and it may be quicker to look at it together: if you share your screen, "
                    + "a support specialist can see what you see and guide you step by step.",
            "Please share your screen so we can take a look.",
            "Can you share your screen? Then I can see the error.",
            "I'd suggest a screen-sharing session with one of our specialists.",
            "Try the steps above.\n\nIf they don't help, you could share your screen and we'll guide you."})
    void anInvitationToShareTheScreenIsAnOffer(String answer) {
        assertThat(ScreenSharePhrases.offeredIn(answer, List.of())).isTrue();
    }

    @Test
    void aListOfHelpTopicsThatNamesScreenSharingIsNoOffer() {
        String answer = "I'm sorry, I couldn't find an answer to that in our help articles. Could you tell me a bit "
                + "more: what are you trying to do, and the exact text of any error message?\n\nI can help with topics "
                + "such as: Billing and subscriptions, Installing the app, Sharing your screen with support, "
                + "Trouble signing in.";

        assertThat(ScreenSharePhrases.offeredIn(answer, List.of())).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Screen sharing works in current versions of Chrome, Edge, Firefox and Safari.",
            "To stop sharing your screen, select **Stop sharing** in the banner.",
            "- Share your screen from **Help > Join support session**.",
            "## Sharing your screen with support",
            "You may also find this useful: **Choose a window or your entire screen to share** in \"Sharing your "
                    + "screen with support\"."})
    void statementsStepsAndHeadingsAboutScreenSharingAreNoOffer(String answer) {
        assertThat(ScreenSharePhrases.offeredIn(answer, List.of())).isFalse();
    }

    @Test
    void aHelpArticleQuotedFromTheSourcesIsNoOffer() {
        String article = "A support agent may ask you to share your screen? Then open the link they send.\n"
                + "Join the support session again and share your screen.";
        KnowledgePassage source = new KnowledgePassage("screen-sharing#1", "Sharing your screen with support",
                "How a screen-sharing support session works", article, 0.8);

        assertThat(ScreenSharePhrases.offeredIn("Here is what our help articles say:\n\n" + article
                + "\n\nDid that solve it?", List.of(source))).isFalse();
        assertThat(ScreenSharePhrases.offeredIn("Here is what our help articles say:\n\n" + article
                + "\n\nWould you like to share your screen with us?", List.of(source))).isTrue();
    }

    @Test
    void noAnswerIsNoOffer() {
        assertThat(ScreenSharePhrases.offeredIn(null, List.of())).isFalse();
        assertThat(ScreenSharePhrases.offeredIn(" ", List.of())).isFalse();
    }
}
