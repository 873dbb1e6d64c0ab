package dev.supportassistant.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.supportassistant.ChatRequest;

/**
 * Each routing condition sends a turn to the provider and model its rule names, against the
 * vendors' fakes; turns no rule claims go to the conversation's experiment variant.
 */
class RoutingRulesTest extends RoutedProviderFakesTest {

    static final String CONFUSED = "I'm so confused and frustrated, nothing works and I don't understand why "
            + "it keeps failing!!";
    static final String EASY = "How do I reset my password?";
    static final String OFF_TOPIC = "What is the capital of France?";

    @BeforeEach
    void everyProviderAnswers() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("From OpenAI.", 100, 20)));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("From Anthropic.", 200, 40)));
        OLLAMA.stubFor(ollamaChat(false).willReturn(ollamaReply("From Ollama.", 50, 10)));
    }

    private JsonNode chat(String message, String conversationId) {
        var response = api.chat(ChatRequest.message(message).in(conversationId));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void aConfusedCustomerGoesToTheStrongModel() {
        JsonNode reply = chat(CONFUSED, null);

        assertThat(reply.at("/message/metadata/provider").asString()).isEqualTo("anthropic");
        assertThat(reply.at("/message/metadata/route").asString()).isEqualTo("confused");
        ANTHROPIC.verify(1, anthropicAskedFor("claude-opus-4-1"));
        assertThat(OPENAI.getAllServeEvents()).isEmpty();
    }

    @Test
    void aClearQuestionTheKnowledgeBaseAnswersWellGoesToTheSmallModel() {
        JsonNode reply = chat(EASY, null);

        assertThat(reply.at("/message/metadata/route").asString()).isEqualTo("easy");
        assertThat(reply.at("/message/metadata/provider").asString()).isEqualTo("openai");
        OPENAI.verify(1, openAiAskedFor("gpt-4.1-nano"));
    }

    @Test
    void aLongMessageGoesToTheLongRulesProviderWithItsConfiguredModel() {
        String longMessage = "Tell me about the history of the Roman empire and its emperors, please. ".repeat(9);
        assertThat(longMessage.length()).isGreaterThanOrEqualTo(600);

        JsonNode reply = chat(longMessage, null);

        assertThat(reply.at("/message/metadata/route").asString()).isEqualTo("long");
        ANTHROPIC.verify(1, anthropicAskedFor("claude-sonnet-4-5"));
    }

    @Test
    void fromTheThirdTurnOnTheTurnRuleDecides() {
        JsonNode first = chat(OFF_TOPIC, null);
        String conversation = first.get("conversation_id").asString();
        JsonNode second = chat("And what about Spain?", conversation);
        JsonNode third = chat("And Italy?", conversation);

        assertThat(first.at("/message/metadata/route").isMissingNode()).isTrue();
        assertThat(second.at("/message/metadata/route").isMissingNode()).isTrue();
        assertThat(third.at("/message/metadata/route").asString()).isEqualTo("third-turn-on");
        OLLAMA.verify(1, ollamaAskedFor("llama3.1"));
    }

    @Test
    void onceScreenSharingWasOfferedTheStatusRuleDecides() {
        JsonNode confused = chat(CONFUSED, null);
        assertThat(confused.get("should_request_screen_share").asBoolean()).isTrue();
        OLLAMA.resetRequests();

        JsonNode next = chat("ok", confused.get("conversation_id").asString());

        assertThat(next.at("/message/metadata/route").asString()).isEqualTo("offered-screen-share");
        assertThat(next.at("/message/metadata/provider").asString()).isEqualTo("ollama");
        OLLAMA.verify(1, ollamaAskedFor(OLLAMA_MODEL));
    }

    @Test
    void aTurnNoRuleClaimsGoesToTheConversationsVariantWithItsModelAndPrompt() {
        JsonNode reply = chat(OFF_TOPIC, null);
        String variant = variantOf(reply.get("conversation_id").asString());

        assertThat(reply.at("/message/metadata/route").isMissingNode()).isTrue();
        assertThat(reply.at("/message/metadata/experiment").asString()).isEqualTo(EXPERIMENT);
        assertThat(reply.at("/message/metadata/variant").asString()).isEqualTo(variant);
        if (variant.equals("mini")) {
            OPENAI.verify(1, openAiAskedFor("gpt-4.1-mini"));
        } else {
            OPENAI.verify(1, openAiAskedFor("gpt-4o-mini").withRequestBody(containing("Answer in one sentence.")));
        }
    }

    @Test
    void aStreamedTurnIsRoutedWithTheRulesModelToo() {
        ANTHROPIC.stubFor(anthropicMessages(true).willReturn(anthropicStream(java.util.List.of("Let's ", "look."), 200, 5)));

        var response = api.chatStream(ChatRequest.message(CONFUSED));

        JsonNode done = tools.jackson.databind.json.JsonMapper.builder().build().readTree(events(response.body())
                .stream().filter(event -> "done".equals(event.name())).findFirst().orElseThrow().data());
        assertThat(done.at("/message/metadata/route").asString()).isEqualTo("confused");
        assertThat(done.at("/message/content").asString()).isEqualTo("Let's look.");
        ANTHROPIC.verify(1, anthropicAskedFor("claude-opus-4-1"));
    }

    @Test
    void theRequestsOwnProviderComesBeforeEveryRule() {
        var response = api.chat(ChatRequest.message(CONFUSED).via("ollama"));

        assertThat(response.json().at("/message/metadata/provider").asString()).isEqualTo("ollama");
        assertThat(response.json().at("/message/metadata/route").isMissingNode()).isTrue();
        assertThat(ANTHROPIC.getAllServeEvents()).isEmpty();
    }

    @Test
    void failoverStillAppliesAfterRoutingWithTheFallbacksOwnModel() {
        ANTHROPIC.resetAll();
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicError(500, "api_error")));

        JsonNode reply = chat(CONFUSED, null);

        assertThat(reply.at("/message/metadata/route").asString()).isEqualTo("confused");
        assertThat(reply.at("/message/metadata/fallback").asBoolean()).isTrue();
        // The chain after anthropic starts with ollama (AI_FALLBACK_PROVIDERS empty: all, by name).
        assertThat(reply.at("/message/metadata/provider").asString()).isEqualTo("ollama");
        OLLAMA.verify(1, ollamaAskedFor(OLLAMA_MODEL));
    }

    @Test
    void theCustomersMessageRecordsTheVariantToo() {
        JsonNode reply = chat(OFF_TOPIC, null);
        String conversation = reply.get("conversation_id").asString();

        JsonNode messages = api.get("/api/v1/conversation/" + conversation).json().get("messages");

        assertThat(messages.get(0).at("/metadata/variant").asString()).isEqualTo(variantOf(conversation));
        assertThat(messages.get(1).at("/metadata/variant").asString()).isEqualTo(variantOf(conversation));
    }
}
