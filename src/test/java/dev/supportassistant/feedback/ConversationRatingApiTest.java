package dev.supportassistant.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;

/**
 * {@code POST /api/v1/conversation/{id}/rating}: by its customer only, once it was answered, once
 * for a conversation never handed over and once per resolution by a person; a score from 1 to 5.
 */
class ConversationRatingApiTest extends ApiTest {

    private final String customerToken = CustomerTokensForTests.tokenFor("customer-" + UUID.randomUUID());

    private ApiClient customer() {
        return api.withBearer(customerToken);
    }

    private ApiClient agent() {
        return api.withBearer(CustomerTokensForTests.agentToken("rita"));
    }

    private String startConversation() {
        return customer().chat("How do I reset my password?").json().get("conversation_id").asString();
    }

    private String rating(String conversation) {
        return "/api/v1/conversation/" + conversation + "/rating";
    }

    @Test
    void aConversationTheAiAloneAnsweredIsRatedOnce() {
        String conversation = startConversation();

        var rated = customer().post(rating(conversation), "{\"score\": 5, \"comment\": \"Quick and clear\"}");

        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        assertThat(rated.json().get("score").asInt()).isEqualTo(5);
        assertThat(rated.json().get("human").asBoolean()).isFalse();
        var again = customer().post(rating(conversation), "{\"score\": 4}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asString()).contains("rated already");
        var shown = agent().get("/api/v1/desk/conversations/" + conversation + "/ratings");
        assertThat(shown.json()).extracting(each -> each.get("comment").asString()).containsExactly("Quick and clear");
    }

    @Test
    void aScoreOutsideOneToFiveIsRefusedWithADetail() {
        String conversation = startConversation();
        for (String body : new String[] {"{\"score\": 0}", "{\"score\": 6}", "{}", "{\"score\": \"five\"}"}) {
            var refused = customer().post(rating(conversation), body);
            assertThat(refused.status()).as(body).isBetween(400, 422);
            assertThat(refused.json().get("detail").asString()).as(body).contains("score");
        }
    }

    /** Jackson's defaults read 4.5 as 4 and "4" as 4: a rating nobody gave would be stored. */
    @Test
    void aScoreThatIsNoWholeNumberIsRefusedNotRoundedOrReadFromText() {
        String conversation = startConversation();
        for (String body : new String[] {"{\"score\": 4.5}", "{\"score\": 1e0}", "{\"score\": \"4\"}",
                "{\"score\": 2147483648}"}) {
            var refused = customer().post(rating(conversation), body);
            assertThat(refused.status()).as(body).isEqualTo(422);
            assertThat(refused.json().get("detail").asString()).as(body).startsWith("score: ")
                    .doesNotContain("wrong JSON type");
        }
        assertThat(agent().get("/api/v1/desk/conversations/" + conversation + "/ratings").json()).isEmpty();
        assertThat(customer().post(rating(conversation), "{\"score\": 4}").status()).isEqualTo(201);
    }

    @Test
    void onlyTheCustomerRatesTheirConversation() {
        String conversation = startConversation();
        var stranger = api.withBearer(CustomerTokensForTests.tokenFor("someone-else")).post(rating(conversation),
                "{\"score\": 1}");
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(stranger.json().get("detail").asString()).isEqualTo("Conversation not found");
        assertThat(api.asAdmin().post(rating(conversation), "{\"score\": 1}").status()).isEqualTo(403);
        var staff = agent().post(rating(conversation), "{\"score\": 1}");
        assertThat(staff.status()).as(staff.body()).isEqualTo(403);
        assertThat(staff.json().get("detail").asString()).contains("not by support staff");
        assertThat(customer().post(rating(conversation), "{\"score\": 2}").status()).isEqualTo(201);
    }

    @Test
    void aHandedOverConversationIsRatedOncePerResolution() {
        String conversation = startConversation();
        customer().post("/api/v1/conversation/" + conversation + "/handoff", "{}");
        var waiting = customer().post(rating(conversation), "{\"score\": 3}");
        assertThat(waiting.status()).isEqualTo(409);
        assertThat(waiting.json().get("detail").asString()).contains("once it is resolved");

        agent().post("/api/v1/desk/conversations/" + conversation + "/claim", null);
        agent().post("/api/v1/desk/conversations/" + conversation + "/messages", "{\"content\": \"Done for you.\"}");
        assertThat(agent().post("/api/v1/desk/conversations/" + conversation + "/resolve", null).status()).isEqualTo(200);
        var first = customer().post(rating(conversation), "{\"score\": 4}");
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().get("human").asBoolean()).isTrue();
        assertThat(customer().post(rating(conversation), "{\"score\": 5}").status()).isEqualTo(409);

        // Asked for a person again and resolved again: a new resolution, rated once more.
        customer().post("/api/v1/conversation/" + conversation + "/handoff", "{}");
        agent().post("/api/v1/desk/conversations/" + conversation + "/claim", null);
        assertThat(agent().post("/api/v1/desk/conversations/" + conversation + "/resolve", null).status()).isEqualTo(200);
        assertThat(customer().post(rating(conversation), "{\"score\": 5}").status()).isEqualTo(201);
    }
}
