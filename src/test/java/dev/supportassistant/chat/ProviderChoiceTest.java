package dev.supportassistant.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;

/**
 * A message's own {@code provider} overrides the operator's choice, the routing rules and the
 * experiment assignment: only operators may use it.
 */
class ProviderChoiceTest extends ApiTest {

    private static final ChatRequest CHOOSING = ChatRequest.message("How do I reset my password?").via("local");

    @Test
    void anAnonymousCustomerCannotChooseTheProvider() {
        for (String path : new String[] {"/api/v1/chat", "/api/v1/chat/stream"}) {
            var response = api.post(path, CHOOSING.json());

            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(response.json().get("detail").asString()).as(path).contains("provider").contains("operators");
        }
    }

    @Test
    void aCustomerWithATokenCannotChooseTheProviderEither() {
        var response = api.withBearer(CustomerTokensForTests.tokenFor("grace")).chat(CHOOSING);

        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void nothingIsStoredForARefusedChoice() {
        var response = api.withBearer(CustomerTokensForTests.tokenFor("refused-" + System.nanoTime()))
                .chat(ChatRequest.message("How do I change my password?").via("local"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().has("conversation_id")).isFalse();
    }

    @Test
    void anOperatorMayChooseIt() {
        var response = api.asAdmin().chat(CHOOSING);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/message/metadata/provider").asString()).isEqualTo("local");
    }
}
