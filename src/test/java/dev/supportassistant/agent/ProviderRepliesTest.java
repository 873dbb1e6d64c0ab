package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.supportassistant.ChatRequest;

/** Replies through each real provider, with the provider's own token usage. */
class ProviderRepliesTest extends ProviderFakesTest {

    @Test
    void openAiAnswersWithItsReportedUsage() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Open Settings, then Reset password.", 120, 48)));

        var response = api.chat("How do I reset my password?");

        assertThat(response.status()).isEqualTo(200);
        JsonNode message = response.json().get("message");
        assertThat(message.get("content").asString()).isEqualTo("Open Settings, then Reset password.");
        JsonNode metadata = message.get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("openai");
        assertThat(metadata.get("model").asString()).isEqualTo(OPENAI_MODEL);
        assertThat(metadata.get("fallback").asBoolean()).isFalse();
        assertThat(metadata.get("token_usage").get("prompt_tokens").asInt()).isEqualTo(120);
        assertThat(metadata.get("token_usage").get("completion_tokens").asInt()).isEqualTo(48);
        assertThat(metadata.get("token_usage").get("total_tokens").asInt()).isEqualTo(168);
        assertThat(metadata.get("token_usage").get("estimated").asBoolean()).isFalse();
        OPENAI.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .withRequestBody(containing("support assistant"))
                .withRequestBody(containing("How do I reset my password?")));
    }

    @Test
    void anthropicAnswersWithItsReportedUsage() {
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Try signing out and in again.", 95, 30)));

        var response = api.chat(ChatRequest.message("I can't log in").via("anthropic"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(response.json().get("message").get("content").asString()).isEqualTo("Try signing out and in again.");
        assertThat(metadata.get("provider").asString()).isEqualTo("anthropic");
        assertThat(metadata.get("model").asString()).isEqualTo(ANTHROPIC_MODEL);
        assertThat(metadata.get("token_usage").get("total_tokens").asInt()).isEqualTo(125);
        assertThat(metadata.get("token_usage").get("estimated").asBoolean()).isFalse();
        ANTHROPIC.verify(postRequestedFor(urlPathEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(ANTHROPIC_KEY))
                .withRequestBody(containing("support assistant")));
    }

    @Test
    void ollamaAnswersWithItsReportedUsage() {
        OLLAMA.stubFor(ollamaChat(false).willReturn(ollamaReply("Restart the router.", 26, 12)));

        var response = api.chat(ChatRequest.message("My wifi keeps dropping").via("ollama"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode metadata = response.json().get("message").get("metadata");
        assertThat(metadata.get("provider").asString()).isEqualTo("ollama");
        assertThat(metadata.get("model").asString()).isEqualTo(OLLAMA_MODEL);
        assertThat(metadata.get("token_usage").get("prompt_tokens").asInt()).isEqualTo(26);
        assertThat(metadata.get("token_usage").get("completion_tokens").asInt()).isEqualTo(12);
        assertThat(metadata.get("token_usage").get("estimated").asBoolean()).isFalse();
    }

    @Test
    void aRequestsOwnProviderLeavesTheActiveOneAlone() {
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("Hello from Claude.", 10, 5)));

        api.chat(ChatRequest.message("hello").via("anthropic"));

        assertThat(api.get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("openai");
        OPENAI.verify(0, postRequestedFor(urlPathEqualTo("/v1/chat/completions")));
    }

    @Test
    void aRequestNamingAnUnknownProviderIsRejectedBeforeAnythingIsStored() {
        var response = api.chat(ChatRequest.message("hello").via("nonesuch"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").asString()).contains("nonesuch");
    }

    @Test
    void theAnswerOffersScreenSharingWhenTheModelAsksForIt() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply(
                "Could you share your screen so I can see the error?", 50, 12)));

        var response = api.chat("What is the capital of France?");

        assertThat(response.json().get("should_request_screen_share").asBoolean()).isTrue();
    }
}
