package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import tools.jackson.databind.JsonNode;

/**
 * Customer tokens: their subject is the user id, and a conversation started with one belongs to
 * that customer; to anyone else it does not exist.
 */
class CustomerIdentityTest extends ApiTest {

    private static final ChatRequest MESSAGE = ChatRequest.message("How do I reset my password?").from("spoofed");

    private String startConversation(ApiClient customer) {
        var response = customer.chat(MESSAGE);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("conversation_id").asString();
    }

    @Test
    void theTokensSubjectIsTheUserIdWhateverTheBodySays() {
        ApiClient alice = api.withBearer(CustomerTokensForTests.tokenFor("alice"));
        String id = startConversation(alice);

        assertThat(alice.get("/api/v1/conversation/" + id).json().get("user_id").asString()).isEqualTo("alice");
    }

    @Test
    void anotherCustomerOrAnAnonymousCallerCannotSeeTellOrTouchAnOwnedConversation() {
        String id = startConversation(api.withBearer(CustomerTokensForTests.tokenFor("alice")));
        ApiClient bob = api.withBearer(CustomerTokensForTests.tokenFor("bob"));

        for (ApiClient stranger : new ApiClient[] {bob, api}) {
            var read = stranger.get("/api/v1/conversation/" + id);
            assertThat(read.status()).isEqualTo(404);
            assertThat(read.json().get("detail").asString()).isEqualTo("Conversation not found");
            assertThat(stranger.send("DELETE", "/api/v1/conversation/" + id, null).status()).isEqualTo(404);
            assertThat(stranger.post("/api/v1/conversation/" + id + "/screen-share", null).status()).isEqualTo(404);
            // Writing to it starts a conversation of one's own instead.
            String continued = stranger.chat(ChatRequest.message("hi").in(id))
                    .json().get("conversation_id").asString();
            assertThat(continued).isNotEqualTo(id);
        }
        assertThat(api.asAdmin().get("/api/v1/conversation/" + id).status()).isEqualTo(200);
        assertThat(api.withBearer(CustomerTokensForTests.tokenFor("alice")).get("/api/v1/conversation/" + id)
                .json().get("messages")).hasSize(2);
    }

    @Test
    void invalidTokensAreRefusedWith401() {
        String wrongKey = CustomerTokensForTests.signed("alice", "another-secret-key-of-enough-length-000000",
                Instant.now(), Instant.now().plusSeconds(600));
        String expired = CustomerTokensForTests.signed("alice", CustomerTokensForTests.SECRET_KEY,
                Instant.now().minus(Duration.ofHours(2)), Instant.now().minus(Duration.ofHours(1)));
        String tooOld = CustomerTokensForTests.signed("alice", CustomerTokensForTests.SECRET_KEY,
                Instant.now().minus(Duration.ofHours(5)), Instant.now().plus(Duration.ofHours(5)));
        String unsigned = "eyJhbGciOiJub25lIn0.eyJzdWIiOiJhbGljZSJ9.";

        for (String token : new String[] {wrongKey, expired, tooOld, unsigned, "not-a-jwt"}) {
            var response = api.withBearer(token).chat(MESSAGE);

            assertThat(response.status()).as(token).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
            assertThat(response.json().get("detail").asString()).isNotBlank();
        }
    }

    @Test
    void ownerAndAdminCanDeleteAConversationWithAllItsMessages() {
        ApiClient alice = api.withBearer(CustomerTokensForTests.tokenFor("alice-deletes"));
        String first = startConversation(alice);
        String second = startConversation(alice);

        assertThat(alice.send("DELETE", "/api/v1/conversation/" + first, null).status()).isEqualTo(204);
        assertThat(api.asAdmin().send("DELETE", "/api/v1/conversation/" + second, null).status()).isEqualTo(204);

        assertThat(api.asAdmin().get("/api/v1/conversation/" + first).status()).isEqualTo(404);
        assertThat(api.asAdmin().get("/api/v1/conversation/" + second).status()).isEqualTo(404);
    }

    @Test
    void anAnonymousConversationIsDeletedByWhoeverHoldsItsId() {
        String id = startConversation(api);

        assertThat(api.send("DELETE", "/api/v1/conversation/" + id, null).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/conversation/" + id).status()).isEqualTo(404);
    }

    @Test
    void customersListTheirOwnConversationsNewestFirstInPages() {
        ApiClient carol = api.withBearer(CustomerTokensForTests.tokenFor("carol"));
        String oldest = startConversation(carol);
        String middle = startConversation(carol);
        String newest = startConversation(carol);

        JsonNode firstPage = carol.get("/api/v1/conversations?user_id=carol&size=2").json();
        JsonNode secondPage = carol.get("/api/v1/conversations?user_id=carol&size=2&page=1").json();

        assertThat(firstPage.get("total").asLong()).isEqualTo(3);
        assertThat(firstPage.get("conversations").valueStream().map(c -> c.get("conversation_id").asString()))
                .containsExactly(newest, middle);
        assertThat(secondPage.get("conversations").valueStream().map(c -> c.get("conversation_id").asString()))
                .containsExactly(oldest);
        assertThat(firstPage.get("conversations").get(0).get("message_count").asInt()).isEqualTo(2);
    }

    @Test
    void listingSomeoneElsesConversationsNeedsTheAdminKey() {
        startConversation(api.withBearer(CustomerTokensForTests.tokenFor("dave")));

        assertThat(api.withBearer(CustomerTokensForTests.tokenFor("eve")).get("/api/v1/conversations?user_id=dave")
                .status()).isEqualTo(403);
        assertThat(api.get("/api/v1/conversations?user_id=dave").status()).isEqualTo(403);
        assertThat(api.asAdmin().get("/api/v1/conversations?user_id=dave").json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void badPaginationIsA422() {
        ApiClient frank = api.withBearer(CustomerTokensForTests.tokenFor("frank"));

        assertThat(frank.get("/api/v1/conversations?user_id=frank&size=0").status()).isEqualTo(422);
        assertThat(frank.get("/api/v1/conversations?user_id=frank&page=-1").status()).isEqualTo(422);
        assertThat(frank.get("/api/v1/conversations?user_id=frank&size=abc").status()).isEqualTo(422);
        assertThat(frank.get("/api/v1/conversations").status()).isEqualTo(422);
    }
}
