package dev.supportassistant.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.EventStreamClient;
import tools.jackson.databind.JsonNode;

/**
 * The desk's tools in its API: internal notes (staff only, never in the customer's history or
 * live stream), saved replies (listed for agents, written by operators), the AI's draft (the local
 * agent here: nothing is sent), and the summary on demand.
 */
class DeskToolsApiTest extends ApiTest {

    private final String customerId = "customer-" + UUID.randomUUID();
    private final String customerToken = CustomerTokensForTests.tokenFor(customerId);

    private ApiClient customer() {
        return api.withBearer(customerToken);
    }

    private ApiClient agent() {
        return api.withBearer(CustomerTokensForTests.agentToken("sam"));
    }

    private String startConversation(String message) {
        var response = customer().chat(message);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("conversation_id").asString();
    }

    @Test
    void aNoteIsShownToStaffAndNeverToTheCustomer() {
        String conversation = startConversation("How do I reset my password?");
        try (EventStreamClient events = EventStreamClient.open(port(), "/api/v1/conversation/" + conversation + "/events",
                "Authorization", "Bearer " + customerToken)) {
            assertThat(events.next().comment()).isEqualTo("connected");

            var added = agent().post("/api/v1/desk/conversations/" + conversation + "/notes",
                    "{\"text\": \"Customer on the legacy plan: offer the migration guide\"}");
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            assertThat(added.json().get("author").asString()).isEqualTo("sam");
            assertThat(added.json().get("text").asString()).as("answered in the field it was sent in")
                    .isEqualTo("Customer on the legacy plan: offer the migration guide");
            // Something the customer does see, after the note: their stream must reach it without the note.
            customer().chat(dev.supportassistant.ChatRequest.message("Thanks, one more question").in(conversation));

            List<String> seen = new ArrayList<>();
            events.nextMatching(event -> {
                seen.add(event.data() == null ? "" : event.data());
                return "message".equals(event.type()) && event.data().contains("one more question");
            });
            assertThat(seen).noneMatch(data -> data.contains("legacy plan"));
        }
        var notes = agent().get("/api/v1/desk/conversations/" + conversation + "/notes");
        assertThat(notes.status()).isEqualTo(200);
        assertThat(notes.json()).extracting(note -> note.get("text").asString())
                .containsExactly("Customer on the legacy plan: offer the migration guide");
        assertThat(customer().get("/api/v1/conversation/" + conversation).body()).doesNotContain("legacy plan");
        assertThat(api.asAdmin().get("/api/v1/conversation/" + conversation).body()).doesNotContain("legacy plan");
    }

    @Test
    void theConversationPageShowsItsNotesAndTheCustomersRatingToStaff() {
        String conversation = startConversation("How do I reset my password?");
        agent().post("/api/v1/desk/conversations/" + conversation + "/notes", "{\"text\": \"Offered the reset link by phone\"}");
        var rated = customer().post("/api/v1/conversation/" + conversation + "/rating",
                "{\"score\": 4, \"comment\": \"Quick and clear\"}");
        assertThat(rated.status()).as(rated.body()).isEqualTo(201);
        DeskSession desk = new DeskSession(port());
        desk.signIn(DeskAccountsForTests.create(api, "agent"), DeskAccountsForTests.PASSWORD);

        var page = desk.get("/desk/conversations/" + conversation);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Offered the reset link by phone").contains("(internal note)")
                .contains("4 of 5").contains("(AI only)").contains("Quick and clear");
    }

    @Test
    void badNotesAreRefusedWithADetail() {
        String conversation = startConversation("Hello");
        String path = "/api/v1/desk/conversations/" + conversation + "/notes";
        var blank = agent().post(path, "{\"text\": \"   \"}");
        assertThat(blank.status()).isBetween(400, 422);
        assertThat(blank.json().get("detail").asString()).contains("text");
        var tooLong = agent().post(path, "{\"text\": \"" + "x".repeat(2001) + "\"}");
        assertThat(tooLong.status()).isBetween(400, 422);
        assertThat(tooLong.json().get("detail").asString()).contains("text");
        var unknown = agent().post("/api/v1/desk/conversations/" + UUID.randomUUID() + "/notes", "{\"text\": \"x\"}");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(customer().post(path, "{\"text\": \"mine\"}").status()).isEqualTo(403);
    }

    @Test
    void operatorsWriteSavedRepliesAndAgentsListThem() {
        String title = "Refunds " + UUID.randomUUID();
        var created = api.asAdmin().post("/api/v1/desk/saved-replies",
                "{\"title\": \"" + title + "\", \"text\": \"Hi {customer}, {agent} here: your refund is on its way.\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();

        var listed = agent().get("/api/v1/desk/saved-replies");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).anySatisfy(reply -> {
            assertThat(reply.get("title").asString()).isEqualTo(title);
            assertThat(reply.get("text").asString()).startsWith("Hi {customer}, {agent} here");
        });
        assertThat(agent().post("/api/v1/desk/saved-replies", "{\"title\": \"x\", \"text\": \"y\"}").status())
                .isEqualTo(401);
        assertThat(agent().send("DELETE", "/api/v1/desk/saved-replies/" + id, null).status()).isEqualTo(401);
        assertThat(customer().get("/api/v1/desk/saved-replies").status()).isEqualTo(403);

        var changed = api.asAdmin().send("PUT", "/api/v1/desk/saved-replies/" + id,
                "{\"title\": \"" + title + "\", \"text\": \"Changed\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("text").asString()).isEqualTo("Changed");
        var blank = api.asAdmin().post("/api/v1/desk/saved-replies", "{\"title\": \"\", \"text\": \"y\"}");
        assertThat(blank.status()).isBetween(400, 422);
        assertThat(blank.json().get("detail").asString()).contains("title");

        assertThat(api.asAdmin().send("DELETE", "/api/v1/desk/saved-replies/" + id, null).status()).isEqualTo(204);
        assertThat(api.asAdmin().send("DELETE", "/api/v1/desk/saved-replies/" + id, null).status()).isEqualTo(404);
        assertThat(agent().get("/api/v1/desk/saved-replies").body()).doesNotContain(title);
    }

    @Test
    void aDraftComesFromTheHelpArticlesAndSendsNothing() {
        String conversation = startConversation("How do I reset my password?");
        int before = customer().get("/api/v1/conversation/" + conversation).json().get("messages").size();

        var draft = agent().post("/api/v1/desk/conversations/" + conversation + "/draft", null);

        assertThat(draft.status()).as(draft.body()).isEqualTo(200);
        assertThat(draft.json().get("text").asString()).isNotBlank();
        assertThat(draft.json().get("provider").asString()).isEqualTo("local");
        JsonNode sources = draft.json().get("sources");
        assertThat(sources).isNotEmpty();
        assertThat(sources.get(0).get("title").asString()).isNotBlank();
        assertThat(sources.get(0).get("chunk_id").asString()).contains("#");
        assertThat(customer().get("/api/v1/conversation/" + conversation).json().get("messages")).hasSize(before);
        assertThat(agent().post("/api/v1/desk/conversations/" + UUID.randomUUID() + "/draft", null).status())
                .isEqualTo(404);
    }

    @Test
    void theSummaryIsWrittenAgainOnDemandForAHandedOverConversationOnly() {
        String conversation = startConversation("My sync fails with error 0x80070005");
        var none = agent().post("/api/v1/desk/conversations/" + conversation + "/summary", null);
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("detail").asString()).contains("never handed to a person");

        customer().post("/api/v1/conversation/" + conversation + "/handoff", "{}");
        customer().chat(dev.supportassistant.ChatRequest.message("Also error 0x80040154 now").in(conversation));
        var summary = agent().post("/api/v1/desk/conversations/" + conversation + "/summary", null);

        assertThat(summary.status()).as(summary.body()).isEqualTo(200);
        assertThat(summary.json().get("summary").asString()).contains("0x80040154");
        assertThat(agent().get("/api/v1/desk/conversations/" + conversation).json().get("handoff").get("summary")
                .asString()).contains("0x80040154");
    }
}
