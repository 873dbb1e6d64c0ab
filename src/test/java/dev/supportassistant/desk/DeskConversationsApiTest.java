package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import tools.jackson.databind.JsonNode;

/**
 * The desk's list of every conversation through its API (on the embedded H2 database, with its
 * full-text index, kept for new messages in the background): found by a word of a message, the
 * customer's id or the conversation's id, filtered by who holds it, paged; the customer's other
 * conversations; reopen and transfer.
 */
class DeskConversationsApiTest extends ApiTest {

    /** How long a desk search may take to find a message just written: about a second, with room for a busy machine. */
    private static final Duration WITHIN = Duration.ofSeconds(10);

    private final String word = "quokka" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");

    private ApiClient agent(String name) {
        return api.withBearer(CustomerTokensForTests.agentToken(name));
    }

    private String conversation(String userId, String message) {
        var reply = api.chat(ChatRequest.message(message).from(userId));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("conversation_id").asString();
    }

    private List<String> found(String query) {
        var list = api.asAdmin().get(query);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("conversations").forEach(row -> ids.add(row.get("conversation_id").asString()));
        return ids;
    }

    @Test
    void aConversationIsFoundByAWordOfItsTextItsCustomerOrItsId() {
        String customer = "searcher-" + UUID.randomUUID();
        String wanted = conversation(customer, "The invoice for " + word + " shows the wrong VAT");
        String other = conversation("someone-" + UUID.randomUUID(), "Nothing to see here");

        // Indexed in the background on the embedded database, within about a second.
        await().atMost(WITHIN).untilAsserted(() -> assertThat(found("/api/v1/desk/search?q=" + word)).containsExactly(wanted));
        assertThat(found("/api/v1/desk/search?q=" + word.toUpperCase())).as("whatever its case").containsExactly(wanted);
        assertThat(found("/api/v1/desk/search?q=" + customer)).containsExactly(wanted);
        assertThat(found("/api/v1/desk/search?q=" + other)).containsExactly(other);
        assertThat(found("/api/v1/desk/search?q=" + word + "&state=with_human")).isEmpty();
        assertThat(found("/api/v1/desk/search?q=" + word + "&state=bot")).as("AI only").containsExactly(wanted);
    }

    @Test
    void anErasedConversationIsNotFoundAnyMore() {
        String erased = conversation("eraser-" + UUID.randomUUID(), "Please forget my " + word + " account");
        await().atMost(WITHIN).untilAsserted(() -> assertThat(found("/api/v1/desk/search?q=" + word)).containsExactly(erased));

        assertThat(api.asAdmin().send("DELETE", "/api/v1/conversation/" + erased, null).status()).isEqualTo(204);

        assertThat(found("/api/v1/desk/search?q=" + word)).isEmpty();
    }

    @Test
    void everyConversationIsListedNewestActivityFirstAPageAtATime() {
        String older = conversation("lister-" + UUID.randomUUID(), "First question");
        String newer = conversation("lister-" + UUID.randomUUID(), "Second question");

        JsonNode page = api.asAdmin().get("/api/v1/desk/search").json();
        List<String> ids = new ArrayList<>();
        page.get("conversations").forEach(row -> ids.add(row.get("conversation_id").asString()));

        assertThat(page.get("page_size").asInt()).isEqualTo(25);
        assertThat(page.get("conversations").size()).isLessThanOrEqualTo(25);
        assertThat(ids).contains(newer);
        if (ids.contains(older)) {
            assertThat(ids.indexOf(newer)).isLessThan(ids.indexOf(older));
        }
        JsonNode row = page.get("conversations").get(ids.indexOf(newer));
        assertThat(row.get("status").asString()).isEqualTo("bot");
        assertThat(row.has("last_activity")).isTrue();
        assertThat(row.get("last_message").asString()).isNotBlank();
    }

    @Test
    void aBadFilterPageOrSearchIsRefusedWithADetail() {
        for (String query : List.of("state=sleeping", "page=-1", "page=10001", "q=" + "x".repeat(201))) {
            var refused = api.asAdmin().get("/api/v1/desk/search?" + query);
            assertThat(refused.status()).as(query).isIn(400, 422);
            assertThat(refused.json().get("detail").asString()).as(query).isNotBlank();
        }
        assertThat(api.get("/api/v1/desk/search").status()).isEqualTo(401);
    }

    @Test
    void anyTextInTheSearchBoxIsASearchNotAnError() {
        for (String query : List.of("it's", "100%", "(", "\"quoted words\"", "a*b OR c", "ünïcödé", "-", "   ", "\\")) {
            var response = api.asAdmin().get("/api/v1/desk/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
            assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
        }
    }

    @Test
    void theCustomersOtherConversationsAreListedBesideOne() {
        String customer = "returning-" + UUID.randomUUID();
        String first = conversation(customer, "My printer is offline");
        String second = conversation(customer, "My scanner is offline too");
        conversation("stranger-" + UUID.randomUUID(), "Unrelated");

        var others = api.asAdmin().get("/api/v1/desk/conversations/" + second + "/customer-conversations");

        assertThat(others.status()).isEqualTo(200);
        assertThat(others.json()).hasSize(1);
        assertThat(others.json().get(0).get("conversation_id").asString()).isEqualTo(first);
        assertThat(api.asAdmin().get("/api/v1/desk/conversations/nope/customer-conversations").status()).isEqualTo(404);
    }

    @Test
    void aResolvedConversationIsReopenedWithASystemNoteAndTheCustomerIsAnsweredByTheAiMeanwhile() {
        String conversationId = conversation("reopener-" + UUID.randomUUID(), "My sync fails");
        String desk = "/api/v1/desk/conversations/" + conversationId;
        api.post("/api/v1/conversation/" + conversationId + "/handoff", "{}");
        agent("bob").post(desk + "/claim", null);
        assertThat(agent("bob").post(desk + "/reopen", null).status()).as("only a resolved one").isEqualTo(409);
        agent("bob").post(desk + "/resolve", null);

        // Today's behaviour, kept: a customer writing into a resolved conversation gets the AI.
        var afterResolve = api.chat(ChatRequest.message("How do I export my data?").in(conversationId));
        assertThat(afterResolve.json().get("message").get("metadata").has("provider")).isTrue();

        var reopened = agent("alice").post(desk + "/reopen", null);

        assertThat(reopened.status()).as(reopened.body()).isEqualTo(200);
        assertThat(reopened.json().get("status").asString()).isEqualTo("waiting_for_human");
        JsonNode messages = api.asAdmin().get(desk).json().get("messages");
        JsonNode last = messages.get(messages.size() - 1);
        assertThat(last.get("role").asString()).isEqualTo("system");
        assertThat(last.get("content").asString()).isEqualTo("alice reopened the conversation; it waits for a person.");
        assertThat(last.get("metadata").get("handoff").get("previous_status").asString()).isEqualTo("resolved");
        assertThat(agent("alice").post(desk + "/reopen", null).status()).isEqualTo(409);
    }

    @Test
    void aConversationIsTransferredToAnotherEnabledAgentWithANoteSayingWhoMovedIt() {
        String carol = DeskAccountsForTests.create(api, "agent");
        String conversationId = conversation("mover-" + UUID.randomUUID(), "My license key is rejected");
        String desk = "/api/v1/desk/conversations/" + conversationId;
        api.post("/api/v1/conversation/" + conversationId + "/handoff", "{}");
        agent("bob").post(desk + "/claim", null);

        assertThat(agent("eve").post(desk + "/transfer", "{\"to\": \"" + carol + "\"}").status())
                .as("not the holder").isEqualTo(409);
        var unknown = agent("bob").post(desk + "/transfer", "{\"to\": \"nobody-" + UUID.randomUUID() + "\"}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").asString()).startsWith("to: no enabled desk account");

        var moved = agent("bob").post(desk + "/transfer", "{\"to\": \"" + carol + "\"}");

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("claimed_by").asString()).isEqualTo(carol);
        JsonNode messages = api.asAdmin().get(desk).json().get("messages");
        assertThat(messages.get(messages.size() - 1).get("content").asString())
                .isEqualTo("bob assigned the conversation to " + carol + ".");
        assertThat(agent(carol).post(desk + "/messages", "{\"content\": \"Hi, Carol here.\"}").status()).isEqualTo(201);
        assertThat(agent("bob").post(desk + "/messages", "{\"content\": \"Still me?\"}").status()).isEqualTo(409);
    }
}
