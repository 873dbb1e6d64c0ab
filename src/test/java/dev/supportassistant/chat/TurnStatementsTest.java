package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.StatementCounting;
import dev.supportassistant.agent.ProviderFakesTest;

/**
 * What a plain follow-up turn costs the database on the gateway path (a model provider answers):
 * one read of what the turn needs, the customer's message with its live event committed before the
 * provider is called (nothing the customer writes is lost), and the answer with its event in one
 * more commit. Counted with datasource-proxy ({@link StatementCounting}).
 */
class TurnStatementsTest extends ProviderFakesTest {

    @Test
    void aFollowUpTurnIsOneReadAndOneCommitBeforeAndOneAfterTheProviderCall() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Open Settings, then Reset password.", 120, 48)));
        ApiClient.Response first = customer.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}");
        String conversationId = first.json().get("conversation_id").asString();
        String followUp = "{\"message\": \"Where is Settings?\", \"conversation_id\": \"" + conversationId + "\"}";

        StatementCounting.Sent sent = StatementCounting.during(() -> {
            ApiClient.Response response = customer.post("/api/v1/chat", followUp);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("message").get("metadata").get("provider").asString()).isEqualTo("openai");
        });

        assertThat(sent.statements()).as(sent.describe()).hasSizeLessThanOrEqualTo(8);
        assertThat(sent.commits()).as(sent.describe()).isEqualTo(2);
        int commitsBefore = StatementCounting.commitsSoFar() - sent.commits();
        assertThat(COMMITS_AT_OPENAI_CALL.get() - commitsBefore).as("commits before the provider was called")
                .isEqualTo(1);
    }
}
