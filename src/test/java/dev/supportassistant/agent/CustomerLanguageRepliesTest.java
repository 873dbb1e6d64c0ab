package dev.supportassistant.agent;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ChatRequest;
import tools.jackson.databind.JsonNode;

/**
 * A customer writing in Spanish: the provider is told to answer in Spanish, the offline agent says
 * in Spanish that its articles are English, and each reply's metadata has the language.
 */
class CustomerLanguageRepliesTest extends ProviderFakesTest {

    private static final String SPANISH = "¿Cómo puedo restablecer mi contraseña si la he olvidado?";

    @Test
    void aSpanishQuestionGetsASpanishReplyFromAProvider() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply(
                "Abre Configuración y elige Restablecer contraseña.", 90, 20)));

        JsonNode message = api.chat(ChatRequest.message(SPANISH).via("openai")).json().get("message");

        assertThat(message.get("content").asString()).isEqualTo("Abre Configuración y elige Restablecer contraseña.");
        assertThat(message.get("metadata").get("language").asString()).isEqualTo("es");
        OPENAI.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing("The customer writes in Spanish. Answer in Spanish;")));
    }

    @Test
    void theOfflineAgentSaysInSpanishThatItsArticlesAreEnglish() {
        JsonNode message = api.chat(ChatRequest.message(SPANISH).via("local")).json().get("message");

        assertThat(message.get("content").asString())
                .startsWith("Solo tengo nuestros artículos de ayuda en inglés, así que te respondo en inglés:\n\n");
        assertThat(message.get("metadata").get("language").asString()).isEqualTo("es");
    }

    @Test
    void anEnglishQuestionIsAnsweredWithoutANotice() {
        JsonNode message = api.chat(ChatRequest.message("How do I reset my password?").via("local")).json()
                .get("message");

        assertThat(message.get("content").asString()).startsWith("Here is what our help articles say");
        JsonNode language = message.get("metadata").get("language"); // a short message may be too short to tell
        assertThat(language == null ? "en" : language.asString()).isEqualTo("en");
    }
}
