package dev.supportassistant.screenshots;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import dev.supportassistant.ChatRequest;
import dev.supportassistant.agent.ProviderFakesTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The model sees the customer's screen: after a screenshot is shared in a conversation, the next
 * turn's request carries it as an image in each vendor's own shape, and a model that refuses
 * images gets its text instead.
 */
class ScreenImageProviderTest extends ProviderFakesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SCREEN_BASE64 = Base64.getEncoder().encodeToString(ScreenshotApiTest.png());

    /** A conversation with one answered turn and the screenshot shared in it. */
    private String conversationWithScreenshot(String provider) {
        String id = api.chat(ChatRequest.message("Hello, I would like some help with my order, thanks.").via(provider))
                .json().get("conversation_id").asString();
        var shared = api.upload("/api/v1/screenshots", "file", "screenshot.png", "image/png", ScreenshotApiTest.png(),
                "conversation_id", id);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        return id;
    }

    private JsonNode ask(String conversation, String provider) {
        var response = api.chat(ChatRequest.message("Please summarize the text in my screenshot, thanks.")
                .in(conversation).via(provider));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("message");
    }

    private static JsonNode lastRequest(WireMockServer vendor, String path) {
        List<com.github.tomakehurst.wiremock.verification.LoggedRequest> requests = vendor.findAll(
                postRequestedFor(urlPathEqualTo(path)));
        return JSON.readTree(requests.get(requests.size() - 1).getBodyAsString());
    }

    private static JsonNode lastMessage(JsonNode request) {
        JsonNode messages = request.get("messages");
        return messages.get(messages.size() - 1);
    }

    @Test
    void openAiIsShownTheLatestScreenshotAsAnImageUrl() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("The payment gateway timed out.", 900, 12)));
        String conversation = conversationWithScreenshot("openai");

        ask(conversation, "openai");

        JsonNode content = lastMessage(lastRequest(OPENAI, "/v1/chat/completions")).get("content");
        assertThat(content.valueStream().map(part -> part.get("type").asString())).contains("text", "image_url");
        JsonNode image = content.valueStream().filter(part -> part.get("type").asString().equals("image_url"))
                .findFirst().orElseThrow();
        assertThat(image.get("image_url").get("url").asString()).isEqualTo("data:image/png;base64," + SCREEN_BASE64);
    }

    @Test
    void anthropicIsShownTheLatestScreenshotAsABase64ImageBlock() {
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("The payment gateway timed out.", 900, 12)));
        String conversation = conversationWithScreenshot("anthropic");

        ask(conversation, "anthropic");

        JsonNode content = lastMessage(lastRequest(ANTHROPIC, "/v1/messages")).get("content");
        JsonNode image = content.valueStream().filter(part -> part.get("type").asString().equals("image"))
                .findFirst().orElseThrow();
        assertThat(image.get("source").get("type").asString()).isEqualTo("base64");
        assertThat(image.get("source").get("media_type").asString()).isEqualTo("image/png");
        assertThat(image.get("source").get("data").asString()).isEqualTo(SCREEN_BASE64);
    }

    @Test
    void aModelThatRefusesImagesIsSentTheScreenshotsTextInstead() {
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("image_url")).atPriority(1)
                .willReturn(openAiError(400, "invalid_request_error", "Invalid content type. image_url is only "
                        + "supported by certain models.")));
        OPENAI.stubFor(openAiChat(false).atPriority(5).willReturn(openAiReply("The payment gateway timed out.", 90, 12)));
        String conversation = conversationWithScreenshot("openai");

        JsonNode reply = ask(conversation, "openai");

        assertThat(reply.get("content").asString()).isEqualTo("The payment gateway timed out.");
        assertThat(reply.get("metadata").get("provider").asString()).isEqualTo("openai");
        assertThat(reply.get("metadata").get("fallback").asBoolean()).isFalse();
        String retried = lastMessage(lastRequest(OPENAI, "/v1/chat/completions")).get("content").toString();
        assertThat(retried).doesNotContain("image_url").contains("Please summarize the text in my screenshot, thanks.")
                .contains("Error 502: Payment gateway timeout");
    }

    @Test
    void theImageAVisionModelIsShownHasThePersonalDataOnItBlackedOutAndItsTextMasked() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("I see the payment form.", 900, 12)));
        String conversation = api.chat(ChatRequest.message("Hello, my payment does not go through.").via("openai"))
                .json().get("conversation_id").asString();
        byte[] form = ScreenDrawings.paymentForm().png();
        var shared = api.upload("/api/v1/screenshots", "file", "screenshot.png", "image/png", form,
                "conversation_id", conversation);
        assertThat(shared.status()).as(shared.body()).isEqualTo(200);
        // What the customer's screen said, as OCR read it: the number is readable on the original.
        assertThat(shared.json().get("ocr_text").asString()).contains("4111", "jane.doe@example.com");

        ask(conversation, "openai");

        JsonNode request = lastRequest(OPENAI, "/v1/chat/completions");
        JsonNode image = lastMessage(request).get("content").valueStream()
                .filter(part -> part.get("type").asString().equals("image_url")).findFirst().orElseThrow();
        String url = image.get("image_url").get("url").asString();
        byte[] received = Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1));
        String read = new TextRecognizer(1, java.time.Duration.ofSeconds(30)).read(received).text();
        assertThat(read).contains("Card number", "Order total").doesNotContain("4111", "1111 1111", "jane.doe",
                "example.com", "555");
        assertThat(request.toString()).doesNotContain("4111 1111 1111 1111", "jane.doe@example.com");
        // Staff keep the original.
        var original = api.binary("GET", shared.json().get("url").asString(), null);
        assertThat(original.body()).isEqualTo(form);
    }

    @Test
    void aModelThatRefusesImagesIsSentTheScreenshotsTextMasked() {
        OPENAI.stubFor(openAiChat(false).withRequestBody(containing("image_url")).atPriority(1)
                .willReturn(openAiError(400, "invalid_request_error", "Invalid content type. image_url is only "
                        + "supported by certain models.")));
        OPENAI.stubFor(openAiChat(false).atPriority(5).willReturn(openAiReply("I see the payment form.", 90, 12)));
        String conversation = api.chat(ChatRequest.message("Hello, my payment does not go through.").via("openai"))
                .json().get("conversation_id").asString();
        assertThat(api.upload("/api/v1/screenshots", "file", "screenshot.png", "image/png",
                ScreenDrawings.paymentForm().png(), "conversation_id", conversation).status()).isEqualTo(200);

        ask(conversation, "openai");

        String retried = lastMessage(lastRequest(OPENAI, "/v1/chat/completions")).get("content").toString();
        assertThat(retried).doesNotContain("image_url").contains("Card number", "[CARD_1]", "[EMAIL_1]")
                .doesNotContain("41111111", "1111 1111", "jane.doe", "555 2671");
    }

    @Test
    void aConversationWithoutScreenshotsSendsNoImage() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("Hello.", 10, 2)));
        String id = api.chat("Hi").json().get("conversation_id").asString();

        ask(id, "openai");

        assertThat(lastRequest(OPENAI, "/v1/chat/completions").toString()).doesNotContain("image_url");
    }

    @Test
    void aProviderIsToldTheLabelsOnTheScreenAndItsAnswerPointsAtThem() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply(
                "The payment gateway timed out. Click \"Retry payment\" to try again.", 900, 14)));
        ScreenDrawings.Drawn checkout = ScreenDrawings.checkout();
        String conversation = api.chat(ChatRequest.message("Hello, I would like some help with my order, thanks.")
                .via("openai")).json().get("conversation_id").asString();
        assertThat(api.upload("/api/v1/screenshots", "file", "screenshot.png", "image/png", checkout.png(),
                "conversation_id", conversation).status()).isEqualTo(200);

        JsonNode answer = ask(conversation, "openai");

        String instructions = lastRequest(OPENAI, "/v1/chat/completions").get("messages").get(0).get("content")
                .asString();
        assertThat(instructions).contains("name the label exactly as written here", "\n- Retry payment\n",
                "\n- Cancel order\n");
        JsonNode step = answer.get("metadata").get("screen_guidance").get(0);
        assertThat(step.get("label").asString()).isEqualTo("Retry payment");
        java.awt.Rectangle drawn = checkout.box("Retry payment");
        assertThat(step.get("box").get("x").asInt()).isCloseTo(drawn.x, org.assertj.core.api.Assertions.within(3));
        assertThat(step.get("box").get("y").asInt()).isCloseTo(drawn.y, org.assertj.core.api.Assertions.within(3));
    }
}
