package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.EventStreamClient;
import tools.jackson.databind.JsonNode;

/** Human handoff on one instance (embedded database): the customer's side, the desk, and live events. */
class HandoffApiTest extends ApiTest {

    private final String customerId = "customer-" + UUID.randomUUID();
    private final String customerToken = CustomerTokensForTests.tokenFor(customerId);
    private final String agentName = "agent-" + UUID.randomUUID().toString().substring(0, 8);

    private ApiClient customer() {
        return api.withBearer(customerToken);
    }

    private ApiClient agent(String name) {
        return api.withBearer(CustomerTokensForTests.agentToken(name));
    }

    private String startConversation(String message) {
        var response = customer().chat(message);
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("conversation_id").asString();
    }

    /** Hands the conversation to a person who claims it; returns where that person posts messages. */
    private String handedToAgent(String conversationId) {
        customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}");
        agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/claim", null);
        return "/api/v1/desk/conversations/" + conversationId + "/messages";
    }

    private EventStreamClient customerEvents(String conversationId, String... headers) {
        List<String> all = new ArrayList<>(List.of("Authorization", "Bearer " + customerToken));
        all.addAll(List.of(headers));
        EventStreamClient events = EventStreamClient.open(port(), "/api/v1/conversation/" + conversationId + "/events",
                all.toArray(String[]::new));
        assertThat(events.status()).isEqualTo(200);
        assertThat(events.next().comment()).isEqualTo("connected");
        return events;
    }

    private JsonNode queueEntry(String conversationId) {
        var queue = agent(agentName).get("/api/v1/desk/conversations?status=waiting_for_human&limit=200");
        assertThat(queue.status()).isEqualTo(200);
        for (JsonNode entry : queue.json().get("conversations")) {
            if (entry.get("conversation_id").asString().equals(conversationId)) {
                return entry;
            }
        }
        throw new AssertionError("Not in the queue: " + conversationId + " in " + queue.body());
    }

    @Test
    void aCustomerWritingInSpanishIsToldInSpanishThatAPersonWillJoin() {
        String conversationId = startConversation("No puedo sincronizar mis archivos desde el viernes pasado");

        var escalation = customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}");
        var followUp = customer().chat(ChatRequest.message("Sigo esperando, el error aparece cada vez").in(conversationId));

        assertThat(escalation.json().get("message").get("content").asString())
                .startsWith("He pedido a una persona de nuestro equipo de soporte que se una a esta conversación.");
        // Writing on while waiting brings the same holding reply back (once per handoff step), in Spanish.
        assertThat(followUp.json().get("message").get("id").asString())
                .isEqualTo(escalation.json().get("message").get("id").asString());
    }

    @Test
    void aCustomerIsHandedToAPersonWhoRepliesLiveAndAfterResolvingTheBotAnswersAgain() {
        String conversationId = startConversation("Sync fails with error 0x80070005 every time I open the app");
        try (EventStreamClient events = customerEvents(conversationId)) {
            var escalation = customer().post("/api/v1/conversation/" + conversationId + "/handoff",
                    "{\"reason\": \"The steps did not help\"}");
            assertThat(escalation.status()).isEqualTo(200);
            assertThat(escalation.json().get("status").asString()).isEqualTo("waiting_for_human");
            assertThat(escalation.json().get("cause").asString()).isEqualTo("customer_request");
            assertThat(escalation.json().get("message").get("metadata").get("handoff").get("status").asString())
                    .isEqualTo("waiting_for_human");

            JsonNode entry = queueEntry(conversationId);
            assertThat(entry.get("summary").asString()).contains("0x80070005").contains("The steps did not help")
                    .hasSizeLessThanOrEqualTo(600);
            assertThat(entry.get("reason").asString()).isEqualTo("The steps did not help");
            assertThat(entry.get("last_messages")).isNotEmpty();
            assertThat(entry.has("confusion_level")).isTrue();

            var claim = agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/claim", null);
            assertThat(claim.status()).isEqualTo(200);
            assertThat(claim.json().get("status").asString()).isEqualTo("with_human");
            assertThat(claim.json().get("claimed_by").asString()).isEqualTo(agentName);

            var reply = agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/messages",
                    "{\"content\": \"Hi, I am looking at your sync error now.\"}");
            assertThat(reply.status()).isEqualTo(201);

            EventStreamClient.Event live = events.nextMatching(event -> "message".equals(event.type())
                    && event.json().get("message").get("content").asString().equals("Hi, I am looking at your sync error now."));
            JsonNode message = live.json().get("message");
            assertThat(message.get("role").asString()).isEqualTo("assistant");
            assertThat(message.get("metadata").get("author").asString()).isEqualTo(agentName);
            assertThat(message.get("metadata").get("human").asBoolean()).isTrue();
            assertThat(Long.parseLong(live.id())).isPositive();

            var resolved = agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/resolve",
                    "{\"reason\": \"Permissions fixed\"}");
            assertThat(resolved.status()).isEqualTo(200);
            assertThat(resolved.json().get("status").asString()).isEqualTo("resolved");
            // The answer explains this step, not the escalation before it.
            assertThat(resolved.json().get("reason").asString()).isEqualTo("Permissions fixed");
            EventStreamClient.Event status = events.nextMatching(event -> "status".equals(event.type()));
            assertThat(status.json().get("status").asString()).isEqualTo("resolved");
            assertThat(status.json().get("by").asString()).isEqualTo(agentName);
            // The agent's note is for staff: not in the customer's stream.
            assertThat(status.json().has("reason")).isFalse();
        }

        var next = customer().chat(ChatRequest.message("How do I reset my password?").in(conversationId));
        assertThat(next.json().get("message").get("metadata").get("provider").asString()).isEqualTo("local");
        assertThat(next.json().get("message").get("metadata").has("handoff")).isFalse();

        var customersHistory = customer().get("/api/v1/conversation/" + conversationId);
        assertThat(customersHistory.body()).doesNotContain("Permissions fixed");
        assertThat(agent(agentName).get("/api/v1/desk/conversations/" + conversationId).body())
                .contains("Permissions fixed");
        List<String> steps = new ArrayList<>();
        for (JsonNode message : customersHistory.json().get("messages")) {
            if (message.get("role").asString().equals("system") && message.get("metadata").has("handoff")) {
                JsonNode handoff = message.get("metadata").get("handoff");
                steps.add(handoff.get("status").asString() + " by " + handoff.get("by").asString());
                assertThat(message.get("timestamp").asString()).isNotBlank();
            }
        }
        assertThat(steps).containsExactly("waiting_for_human by customer", "with_human by " + agentName,
                "resolved by " + agentName);
    }

    @Test
    void theAiStaysSilentWhileAPersonHoldsTheConversation() {
        String conversationId = startConversation("I cannot log in");
        customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}");
        agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/claim", null);
        int before = customer().get("/api/v1/conversation/" + conversationId).json().get("messages").size();

        var response = customer().chat(ChatRequest.message("How do I reset my password?").in(conversationId));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("conversation_id").asString()).isEqualTo(conversationId);
        JsonNode message = response.json().get("message");
        assertThat(message.get("metadata").get("handoff").get("status").asString()).isEqualTo("with_human");
        assertThat(message.get("metadata").has("provider")).isFalse();
        assertThat(response.json().get("should_request_screen_share").asBoolean()).isFalse();
        JsonNode messages = customer().get("/api/v1/conversation/" + conversationId).json().get("messages");
        assertThat(messages).hasSize(before + 2);
        assertThat(messages.get(before).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(before).get("content").asString()).isEqualTo("How do I reset my password?");
    }

    @Test
    void theHoldingReplyIsSentOncePerHandoffStepNotAfterEveryMessage() {
        String conversationId = startConversation("My calendar does not sync");
        String holding = customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}")
                .json().get("message").get("id").asString();
        List<String> whileWaiting = new ArrayList<>();
        for (String text : List.of("It stopped yesterday", "I use the desktop app", "Version 4.2")) {
            whileWaiting.add(customer().chat(ChatRequest.message(text).in(conversationId)).json().get("message")
                    .get("id").asString());
        }
        agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/claim", null);
        List<JsonNode> whileHeld = new ArrayList<>();
        for (String text : List.of("Hello?", "Are you there?")) {
            whileHeld.add(customer().chat(ChatRequest.message(text).in(conversationId)).json().get("message"));
        }

        assertThat(whileWaiting).as("the escalation's holding reply, again").containsOnly(holding);
        assertThat(whileHeld.get(0).get("content").asString()).isEqualTo("Delivered to " + agentName
                + " from our support team.");
        assertThat(whileHeld.get(1).get("id").asString()).isEqualTo(whileHeld.get(0).get("id").asString());
        List<String> automatic = new ArrayList<>();
        for (JsonNode message : customer().get("/api/v1/conversation/" + conversationId).json().get("messages")) {
            if (message.get("role").asString().equals("assistant") && message.get("metadata").has("handoff")) {
                automatic.add(message.get("content").asString());
            }
        }
        assertThat(automatic).as("one holding reply when it was handed over, one when the agent joined").hasSize(2);
    }

    @Test
    void handingBackAnswersWithTheReasonJustGivenOrNone() {
        String withReason = startConversation("My printer is offline");
        String withoutReason = startConversation("My scanner is offline");
        for (String conversationId : List.of(withReason, withoutReason)) {
            customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{\"reason\": \"Not found\"}");
            agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/claim", null);
        }

        var back = agent(agentName).post("/api/v1/desk/conversations/" + withReason + "/hand-back",
                "{\"reason\": \"Driver reinstalled, the assistant can take it from here\"}");
        var backWithout = agent(agentName).post("/api/v1/desk/conversations/" + withoutReason + "/hand-back", null);

        assertThat(back.json().get("status").asString()).isEqualTo("bot");
        assertThat(back.json().get("reason").asString()).isEqualTo("Driver reinstalled, the assistant can take it from here");
        assertThat(backWithout.json().get("status").asString()).isEqualTo("bot");
        assertThat(backWithout.json().has("reason")).isFalse();
        assertThat(backWithout.json().get("cause").asString()).isEqualTo("customer_request");
    }

    @Test
    void theReplyToAMessageWhileAPersonHoldsTheConversationIsStoredAndCanBeRated() {
        String conversationId = startConversation("My backup never finishes");
        customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}");
        JsonNode whileWaiting = customer().chat(ChatRequest.message("It is stuck at 99 percent").in(conversationId))
                .json().get("message");
        agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/claim", null);
        JsonNode whileWithAgent = customer().chat(ChatRequest.message("Now it says 98 percent").in(conversationId))
                .json().get("message");

        JsonNode messages = customer().get("/api/v1/conversation/" + conversationId).json().get("messages");
        for (JsonNode shown : List.of(whileWaiting, whileWithAgent)) {
            JsonNode stored = null;
            for (JsonNode message : messages) {
                if (message.get("id").asString().equals(shown.get("id").asString())) {
                    stored = message;
                }
            }
            assertThat(stored).as("reply %s in the history", shown.get("id")).isNotNull();
            assertThat(stored.get("content").asString()).isEqualTo(shown.get("content").asString());
            assertThat(stored.get("role").asString()).isEqualTo("assistant");
            var rated = customer().post("/api/v1/conversation/" + conversationId + "/messages/"
                    + shown.get("id").asString() + "/feedback", "{\"rating\": \"up\"}");
            assertThat(rated.status()).isEqualTo(200);
        }
        assertThat(whileWithAgent.get("content").asString()).contains(agentName);
    }

    @Test
    void theDeskTellsATokensSubjectFromAUserIdTheRequestMerelyNamed() {
        String verified = startConversation("Sync keeps failing on my laptop");
        customer().post("/api/v1/conversation/" + verified + "/handoff", "{}");
        var anonymous = api.chat(ChatRequest.message("Refund my last invoice now").from("ceo@bigcorp.com"));
        String claimed = anonymous.json().get("conversation_id").asString();
        api.post("/api/v1/conversation/" + claimed + "/handoff", "{}");

        JsonNode unverified = queueEntry(claimed).get("customer");
        assertThat(unverified.get("user_id").asString()).isEqualTo("ceo@bigcorp.com");
        assertThat(unverified.get("user_id_verified").asBoolean()).isFalse();
        assertThat(unverified.has("token_subject")).isFalse();
        assertThat(unverified.get("first_message").asString()).isEqualTo("Refund my last invoice now");
        JsonNode proven = queueEntry(verified).get("customer");
        assertThat(proven.get("user_id_verified").asBoolean()).isTrue();
        assertThat(proven.get("token_subject").asString()).isEqualTo(customerId);
        assertThat(proven.get("first_message").asString()).isEqualTo("Sync keeps failing on my laptop");

        JsonNode desk = agent(agentName).get("/api/v1/desk/conversations/" + claimed).json();
        assertThat(desk.get("customer").get("user_id_verified").asBoolean()).isFalse();
        JsonNode claim = agent(agentName).post("/api/v1/desk/conversations/" + claimed + "/claim", null).json();
        assertThat(claim.get("customer").get("first_message").asString()).isEqualTo("Refund my last invoice now");
    }

    @Test
    void aSecondClaimIsAConflict() {
        String conversationId = startConversation("My printer is offline");
        customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}");

        assertThat(agent(agentName).post("/api/v1/desk/conversations/" + conversationId + "/claim", null).status())
                .isEqualTo(200);
        var second = agent("someone-else").post("/api/v1/desk/conversations/" + conversationId + "/claim", null);

        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains(agentName);
        assertThat(agent("someone-else").post("/api/v1/desk/conversations/" + conversationId + "/messages",
                "{\"content\": \"hello\"}").status()).isEqualTo(409);
    }

    @Test
    void deskEndpointsRefuseCustomersAndAnonymousCallers() {
        String conversationId = startConversation("Hello");
        customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}");

        for (String path : List.of("/api/v1/desk/conversations", "/api/v1/desk/conversations/" + conversationId)) {
            assertThat(customer().get(path).status()).as(path).isEqualTo(403);
            assertThat(api.get(path).status()).as(path).isEqualTo(401);
            assertThat(agent(agentName).get(path).status()).as(path).isEqualTo(200);
            assertThat(api.asAdmin().get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(customer().post("/api/v1/desk/conversations/" + conversationId + "/claim", null).status())
                .isEqualTo(403);
        assertThat(customer().get("/api/v1/desk/events").status()).isEqualTo(403);
    }

    @Test
    void aCustomerCannotFollowOrEscalateSomeoneElsesConversation() {
        String conversationId = startConversation("Hello");
        ApiClient stranger = api.withBearer(CustomerTokensForTests.tokenFor("stranger-" + UUID.randomUUID()));

        assertThat(stranger.post("/api/v1/conversation/" + conversationId + "/handoff", "{}").status()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/conversation/" + conversationId + "/events").status()).isEqualTo(404);
    }

    @Test
    void askingForAPersonInAMessageEscalates() {
        String conversationId = startConversation("My invoice looks wrong");

        var response = customer().chat(ChatRequest.message("Can I talk to a human please?").in(conversationId));

        JsonNode handoff = response.json().get("message").get("metadata").get("handoff");
        assertThat(handoff.get("status").asString()).isEqualTo("waiting_for_human");
        assertThat(handoff.get("cause").asString()).isEqualTo("explicit_request");
        assertThat(response.json().get("message").get("content").asString()).contains("person");
        assertThat(queueEntry(conversationId).get("cause").asString()).isEqualTo("explicit_request");
    }

    @Test
    void confusionOnConsecutiveTurnsEscalates() {
        var first = customer().chat("I am so confused and frustrated, nothing works!!");
        String conversationId = first.json().get("conversation_id").asString();
        assertThat(first.json().get("confidence_score").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(first.json().get("message").get("metadata").has("handoff")).isFalse();

        var second = customer().chat(ChatRequest.message("I'm still stuck and confused, it still doesn't "
                + "work, this is so frustrating!!").in(conversationId));

        assertThat(second.json().get("confidence_score").asDouble()).isGreaterThanOrEqualTo(0.6);
        JsonNode handoff = second.json().get("message").get("metadata").get("handoff");
        assertThat(handoff.get("status").asString()).isEqualTo("waiting_for_human");
        assertThat(handoff.get("cause").asString()).isEqualTo("confusion");
        assertThat(queueEntry(conversationId).get("summary").asString()).contains("Confusion");
    }

    @Test
    void aReconnectingClientGetsExactlyTheEventsItMissed() {
        String conversationId = startConversation("My camera is not detected");
        String path = handedToAgent(conversationId);

        String lastSeen;
        try (EventStreamClient events = customerEvents(conversationId)) {
            agent(agentName).post(path, "{\"content\": \"one\"}");
            lastSeen = events.nextEvent().id();
        }
        agent(agentName).post(path, "{\"content\": \"two\"}");
        agent(agentName).post(path, "{\"content\": \"three\"}");

        try (EventStreamClient resumed = customerEvents(conversationId, "Last-Event-ID", lastSeen)) {
            agent(agentName).post(path, "{\"content\": \"four\"}");
            List<String> contents = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                EventStreamClient.Event event = resumed.nextEvent();
                contents.add(event.json().get("message").get("content").asString());
                ids.add(Long.parseLong(event.id()));
            }
            assertThat(contents).containsExactly("two", "three", "four");
            assertThat(ids).isSorted().allMatch(id -> id > Long.parseLong(lastSeen));
        }
    }

    @Test
    void aStreamOpenedWithoutLastEventIdStartsWithWhatHappensAfterItOpened() {
        String conversationId = startConversation("My microphone is muted");
        String path = handedToAgent(conversationId);
        agent(agentName).post(path, "{\"content\": \"before\"}");

        try (EventStreamClient events = customerEvents(conversationId)) {
            agent(agentName).post(path, "{\"content\": \"after\"}");
            EventStreamClient.Event first = events.nextEvent();
            assertThat(first.type()).isEqualTo("message");
            assertThat(first.json().get("message").get("content").asString()).isEqualTo("after");
        }
    }

    @Test
    void idleStreamsGetHeartbeatsAndTheDeskSeesNewRequests() {
        String conversationId = startConversation("Where are my invoices?");
        try (EventStreamClient desk = EventStreamClient.open(port(), "/api/v1/desk/events",
                "Authorization", "Bearer " + CustomerTokensForTests.agentToken(agentName))) {
            assertThat(desk.status()).isEqualTo(200);
            assertThat(desk.nextMatching(event -> "heartbeat".equals(event.comment()))).isNotNull();

            customer().post("/api/v1/conversation/" + conversationId + "/handoff", "{}");

            EventStreamClient.Event status = desk.nextMatching(event -> "status".equals(event.type())
                    && event.json().get("conversation_id").asString().equals(conversationId));
            assertThat(status.json().get("status").asString()).isEqualTo("waiting_for_human");
            assertThat(status.json().get("cause").asString()).isEqualTo("customer_request");
        }
    }
}
