package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeBaseTest {

    /** Loaded once: the bundled articles do not change between tests. */
    private static final KnowledgeBase KNOWLEDGE_BASE = BundledKnowledge.get();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            How do I reset my password? I forgot it                      | password-reset#  | Reset your password from the sign-in page
            I asked for a password reset but the email never arrived     | password-reset#  | Password reset email did not arrive
            My account is locked after too many sign-in attempts         | login-trouble#   | Account locked after too many sign-in attempts
            My card was declined when paying for the subscription        | billing#         | Failed payment or card declined
            Can I get a refund? I was charged last week                  | billing#         | Refund policy and requesting a refund
            E1002 keeps popping up                                       | error-codes#     | Error E1002: storage full
            Sync is really slow and my changes are not appearing         | connectivity#    | Slow sync or changes not appearing
            My browser blocked the screen sharing permission             | screen-sharing#  | Browser permission prompts for screen sharing
            """)
    void customerQuestionFindsTheRightSection(String question, String chunkPrefix, String section) {
        List<KnowledgePassage> passages = KNOWLEDGE_BASE.search(question, 3);

        assertThat(passages).isNotEmpty();
        KnowledgePassage best = passages.get(0);
        assertThat(best.chunkId()).startsWith(chunkPrefix);
        assertThat(best.sectionTitle()).isEqualTo(section);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            how do I cancle my subscription            | Cancel your subscription
            cancle my subscribtion                     | Cancel your subscription
            what are the pasword requirments           | Password rules for a new password
            how do i chnage my credit crad             | Update your payment method
            need to chnage the emial on my acount      | Change your account email address
            where are my invoces                       | Download invoices and receipts
            my avatar is an old photo, where can I swap it? | Change your name or profile picture
            getting error 429 from the app             | HTTP errors 401, 403, 404, 429, 500 and 503
            """)
    void typosKeywordsAndQuotedCodesFindTheirSection(String question, String section) {
        assertThat(KNOWLEDGE_BASE.search(question, 1)).singleElement()
                .satisfies(best -> assertThat(best.sectionTitle()).isEqualTo(section));
    }

    @Test
    void authorsCommentsAreNeverPartOfAPassage() {
        assertThat(KNOWLEDGE_BASE.search("avatar profile photo", 50))
                .allSatisfy(passage -> assertThat(passage.text()).doesNotContain("<!--").doesNotContain("keywords:"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"How do I reset my password? I forgot it",
            "I asked for a password reset but the email never arrived",
            "My account is locked after too many sign-in attempts",
            "My card was declined when paying for the subscription", "Can I get a refund?", "E1002",
            "Sync is really slow and my changes are not appearing", "I get error 0x80070005 when installing",
            "My browser blocked the screen sharing permission"})
    void focusedQuestionsAreCoveredWellEnoughToAnswer(String question) {
        assertThat(KNOWLEDGE_BASE.search(question, 1)).singleElement()
                .satisfies(best -> assertThat(best.relevance()).isGreaterThanOrEqualTo(0.5));
    }

    @Test
    void windowsErrorCodeInALongFrustratedMessageFindsTheAccessDeniedFix() {
        List<KnowledgePassage> passages = KNOWLEDGE_BASE.search("""
                I have been trying for two hours now and I'm honestly fed up. Every single time I run the
                installer on my work laptop it stops halfway and shows error 0x80070005. I tried restarting,
                I tried downloading it again, nothing changes. What am I supposed to do?""", 3);

        assertThat(passages).isNotEmpty();
        assertThat(passages.get(0).text()).contains("0x80070005").contains("Run as administrator");
    }

    @ParameterizedTest
    @ValueSource(strings = {"What is the airspeed of an unladen swallow?", "How do I reset my flux capacitor?"})
    void nonsenseFindsNoRelevantPassage(String question) {
        assertThat(KNOWLEDGE_BASE.search(question, 5)).allSatisfy(
                passage -> assertThat(passage.relevance()).isLessThan(0.5));
    }

    @Test
    void onlyStopWordsFindNothing() {
        assertThat(KNOWLEDGE_BASE.search("how do I do this?", 5)).isEmpty();
    }

    @Test
    void relevanceStopsAtOne() {
        // Quoting a passage with its code: meaning, coverage and the code bonus add up to about 1.04.
        List<KnowledgePassage> passages = KNOWLEDGE_BASE.search(
                "Error E1002: storage full. E1002 means your account has reached its storage limit, so new changes do not sync",
                3);

        assertThat(passages.get(0).chunkId()).isEqualTo("error-codes#2");
        assertThat(passages.get(0).relevance()).isEqualTo(1.0);
    }

    @Test
    void resultsAreLimitedAndBestFirst() {
        List<KnowledgePassage> passages = KNOWLEDGE_BASE.search("password", 2);

        assertThat(passages).hasSize(2);
        assertThat(passages).extracting(KnowledgePassage::chunkId).doesNotHaveDuplicates();
    }

    @Test
    void articleIntroductionsAreNotPassages() {
        // The password-reset introduction mentions "forgotten your password"; sections, not it, are returned.
        assertThat(KNOWLEDGE_BASE.search("forgotten password", 50))
                .noneMatch(passage -> passage.sectionTitle().equals(passage.articleTitle()));
    }

    @Test
    void passagesCarryTheirArticleTitleAndText() {
        KnowledgePassage best = KNOWLEDGE_BASE.search("E1002 storage full", 1).get(0);

        assertThat(best.articleTitle()).isEqualTo("Common error codes and what to do");
        assertThat(best.text()).contains("storage limit").doesNotStartWith("##");
    }

    @Test
    void topicsListTheArticleTitlesInOrder() {
        assertThat(KNOWLEDGE_BASE.topics()).containsExactly(
                "Billing and subscriptions",
                "Common error codes and what to do",
                "Connection and sync problems",
                "Installing the app",
                "Managing your account settings",
                "Resetting your password",
                "Sharing your screen with support",
                "Trouble signing in");
    }
}
