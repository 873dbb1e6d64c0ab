package dev.supportassistant.agent.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.supportassistant.agent.AgentReply;
import dev.supportassistant.agent.AgentRequest;
import dev.supportassistant.agent.ConversationTurn;
import dev.supportassistant.agent.ConversationTurn.Role;
import dev.supportassistant.agent.ScreenImage;
import dev.supportassistant.confusion.ConfusionAssessment;
import dev.supportassistant.knowledge.BundledKnowledge;
import dev.supportassistant.knowledge.KnowledgeBase;
import dev.supportassistant.knowledge.KnowledgePassage;

class LocalAgentTest {

    /** Loaded once: the bundled articles do not change between tests. */
    private static final KnowledgeBase KNOWLEDGE_BASE = BundledKnowledge.get();
    private static final ConfusionAssessment CALM = new ConfusionAssessment(0.0, List.of(), false);
    private static final ConfusionAssessment STUCK =
            new ConfusionAssessment(0.75, List.of("confusion phrase: stuck", "error code: 0x80070005"), true);
    private static final String SCREEN_SHARE_OFFER = "share your screen";

    private final LocalAgent agent = new LocalAgent(KNOWLEDGE_BASE, BundledKnowledge.get().embeddings());

    private static AgentRequest request(String message, ConfusionAssessment confusion) {
        return request(List.of(), message, confusion);
    }

    private static AgentRequest request(List<ConversationTurn> history, String message,
            ConfusionAssessment confusion) {
        return new AgentRequest(history, message, confusion, KNOWLEDGE_BASE.search(message, 3));
    }

    @Test
    void answersAPasswordQuestionWithTheStepsOfTheMatchingSection() {
        AgentReply reply = agent.reply(request("How do I reset my password?", CALM));

        assertThat(reply.content())
                .contains("Reset your password from the sign-in page")
                .contains("Select **Forgot password?** below the password field.")
                .contains("Enter your new password twice and select **Save password**.");
        assertThat(reply.sources()).first().satisfies(source -> {
            assertThat(source.chunkId()).startsWith("password-reset#");
            assertThat(source.sectionTitle()).isEqualTo("Reset your password from the sign-in page");
        });
        assertThat(reply.sources()).hasSizeLessThanOrEqualTo(LocalAgent.MAX_SOURCES);
        assertThat(reply.model()).isEqualTo(LocalAgent.MODEL);
    }

    /** The main problem is answered; the other is offered as a follow-up with its own source (issue 34). */
    @Test
    void aMessageWithTwoProblemsAnswersTheMainOneAndOffersTheOther() {
        AgentReply reply = agent.reply(request("we're also seeing some echo in calls but the main question is how to "
                + "move to the team plan", CALM));

        assertThat(reply.content()).contains("**Change your plan (upgrade or downgrade)**")
                .contains("You may also find this useful: **Audio problems, echo or no sound during a support session**");
        assertThat(reply.sources()).extracting(KnowledgePassage::sectionTitle).containsExactly(
                "Change your plan (upgrade or downgrade)", "Audio problems, echo or no sound during a support session");
    }

    @Test
    void answerNamesTheArticleAndAsksWhetherItHelped() {
        AgentReply reply = agent.reply(request("My card was declined", CALM));

        assertThat(reply.content()).contains("\"Billing and subscriptions\"").contains("Did that solve it?");
    }

    @Test
    void whenNothingIsRelevantItSaysSoAndAsksForDetails() {
        AgentReply reply = agent.reply(request("Does the app integrate with Slack?", CALM));

        assertThat(reply.content())
                .contains("couldn't find an answer")
                .contains("Could you tell me a bit more")
                .contains("?");
        assertThat(reply.sources()).isEmpty();
    }

    @Test
    void whenNothingIsRelevantItListsTheTopicsItCanHelpWith() {
        AgentReply reply = agent.reply(request("How do I reset my flux capacitor?", CALM));

        assertThat(reply.content()).contains(KNOWLEDGE_BASE.topics());
    }

    @Test
    void whenNothingIsRelevantNoWeaklyMatchingArticleTextLeaksIn() {
        String message = "How do I reset my flux capacitor?";
        AgentRequest request = request(message, CALM);
        assertThat(request.passages()).as("weak matches the agent must ignore").isNotEmpty()
                .allSatisfy(passage -> assertThat(passage.relevance()).isLessThan(0.5));

        AgentReply reply = agent.reply(request);

        assertThat(reply.sources()).isEmpty();
        for (KnowledgePassage passage : request.passages()) {
            assertThat(reply.content()).doesNotContain(passage.text()).doesNotContain(passage.sectionTitle());
        }
    }

    @Test
    void offersScreenSharingWhenTheCustomerIsConfused() {
        AgentReply reply = agent.reply(request("I'm stuck, the installer shows 0x80070005", STUCK));

        assertThat(reply.content()).contains(SCREEN_SHARE_OFFER);
    }

    @Test
    void offersScreenSharingWhenConfusedEvenWithoutAnAnswer() {
        AgentReply reply = agent.reply(request("The flux capacitor is broken and I'm stuck", STUCK));

        assertThat(reply.content()).contains("couldn't find an answer").contains(SCREEN_SHARE_OFFER);
    }

    @Test
    void doesNotOfferScreenSharingWhenNobodyCouldAcceptIt() {
        AgentReply reply = agent.reply(request("I'm stuck, the installer shows 0x80070005", STUCK)
                .offeringScreenShare(false));

        assertThat(reply.content()).contains("Run as administrator").doesNotContain(SCREEN_SHARE_OFFER);
    }

    @Test
    void doesNotOfferScreenSharingWhenTheCustomerIsNotConfused() {
        AgentReply reply = agent.reply(request("I get error 0x80070005 when installing",
                new ConfusionAssessment(0.25, List.of("error code: 0x80070005"), false)));

        assertThat(reply.content()).contains("Run as administrator").doesNotContain(SCREEN_SHARE_OFFER);
    }

    @Test
    void greetsOnHiThere() {
        assertThat(agent.reply(request("Hi there", CALM)).content()).startsWith("Hello!").doesNotContain("couldn't find");
    }

    @Test
    void greetsOnHello() {
        AgentReply reply = agent.reply(request("Hello!", CALM));

        assertThat(reply.content()).startsWith("Hello!").contains("help articles").doesNotContain("couldn't find");
        assertThat(reply.sources()).isEmpty();
    }

    @Test
    void saysYoureWelcomeOnThanks() {
        assertThat(agent.reply(request("Thanks", CALM)).content()).startsWith("You're welcome!");
        assertThat(agent.reply(request("thank you so much!", CALM)).content()).startsWith("You're welcome!");
        assertThat(agent.reply(request("thank you so much, have a nice day", CALM)).content())
                .startsWith("You're welcome!");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Thanks, that is all.              | You're welcome! Have a good day
            Great, it works now. Thank you!   | Glad to hear it works now!
            ok bye                            | You're welcome! Have a good day
            Perfect, sorted. Cheers!          | Glad to hear it works now!
            Good morning!                     | Hello!
            ok                                | Is there anything else I can help you with?
            thanks, I am waiting              | Thanks for your patience!
            thank you, I'm waiting            | Thanks for your patience!
            ok I'll wait                      | Thanks for your patience!
            I'm still waiting for an agent    | Thanks for your patience!
            no rush, take your time           | Thanks for your patience!
            """)
    void smallTalkGetsAShortFittingReplyAndNoArticle(String message, String reply) {
        AgentReply answer = agent.reply(request(message, CALM));

        assertThat(answer.content()).startsWith(reply).doesNotContain("couldn't find").doesNotContain("\n");
        assertThat(answer.sources()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Thanks, but it still fails", "Hi, how do I reset my password?", "ok, and the E1002 error?",
            "I'm waiting for the reset email", "still waiting for my refund"})
    void courtesiesAroundAQuestionAreNotSmallTalk(String message) {
        assertThat(agent.reply(request(message, CALM)).content()).doesNotStartWith("You're welcome")
                .doesNotStartWith("Hello!").doesNotStartWith("Glad to hear").doesNotStartWith("Thanks for your patience");
    }

    @ParameterizedTest
    @ValueSource(strings = {"I need help with my computer", "something is wrong", "I have a problem with the thing",
            "my laptop has an issue", "it's not working"})
    void aMessageThatNamesNoProblemGetsAQuestionBackAndTheTopicsNotAnArticle(String message) {
        AgentReply reply = agent.reply(request(message, CALM));

        assertThat(reply.content()).contains("what were you doing").contains("what happened")
                .contains("error message").contains(KNOWLEDGE_BASE.topics()).doesNotContain("Here is what");
        assertThat(reply.sources()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"write me a poem", "Tell me a funny story about penguins", "what's the capital of Peru?",
            "What is the airspeed of an unladen swallow?"})
    void aRequestOutsideSupportGetsAOneLineScopeAnswer(String message) {
        AgentReply reply = agent.reply(request(message, CALM));

        assertThat(reply.content()).startsWith("I'm the support assistant for this app").doesNotContain("\n");
        assertThat(reply.sources()).isEmpty();
    }

    @Test
    void tokenUsageIsEstimatedAndAddsUp() {
        AgentReply reply = agent.reply(request("How do I reset my password?", CALM));

        assertThat(reply.usage().estimated()).isTrue();
        assertThat(reply.usage().promptTokens()).isPositive();
        assertThat(reply.usage().completionTokens()).isEqualTo((reply.content().length() + 3) / 4);
        assertThat(reply.usage().totalTokens())
                .isEqualTo(reply.usage().promptTokens() + reply.usage().completionTokens());
    }

    @Test
    void promptEstimateIncludesTheHistory() {
        String message = "How do I reset my password?";
        int withoutHistory = agent.reply(request(message, CALM)).usage().promptTokens();

        int withHistory = agent.reply(request(List.of(
                new ConversationTurn(Role.USER, "I cannot sign in to my account on the desktop app"),
                new ConversationTurn(Role.ASSISTANT, "Here is what our help articles say about signing in ...")),
                message, CALM)).usage().promptTokens();

        assertThat(withHistory).isGreaterThan(withoutHistory + 20);
    }

    @Test
    void isTheAlwaysConfiguredLocalProvider() {
        assertThat(agent.provider()).isEqualTo("local");
        assertThat(agent.model()).isEqualTo("help-center-retrieval");
        assertThat(agent.missingConfiguration()).isEmpty();
        assertThat(agent.isConfigured()).isTrue();
    }

    /** The labels read on the checkout page of the screen guidance tests (ScreenDrawings.checkout). */
    private static final ScreenImage CHECKOUT = new ScreenImage(new byte[0], "image/png", "", List.of("Example Store",
            "Home", "Orders", "Account", "Help", "Checkout", "Payment method: Visa ending 4242", "Order total: 84.20 EUR",
            "Error 502: Payment gateway timeout", "Retry payment", "Cancel order", "Change payment method"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "where do I click to try again?|Retry payment",
            "Which button cancels my order?|Cancel order",
            "where do I go to use another card?|Change payment method"})
    void aQuestionOfWhereToClickIsAnsweredWithTheLabelOnTheScreen(String question, String label) {
        AgentReply reply = agent.reply(request(question, CALM).showing(CHECKOUT));

        assertThat(reply.content()).startsWith("On your screen, click \"" + label + "\".");
    }

    @Test
    void noLabelIsNamedWhenNoneOnTheScreenDoesWhatIsAsked() {
        AgentReply reply = agent.reply(request("where do I click to download my invoice?", CALM).showing(CHECKOUT));

        assertThat(reply.content()).doesNotContain("On your screen");
    }
}
