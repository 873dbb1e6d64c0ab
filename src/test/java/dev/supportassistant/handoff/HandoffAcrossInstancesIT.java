package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supportassistant.ApiClient;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.EventStreamClient;
import dev.supportassistant.RunningService;
import dev.supportassistant.TwoInstancesOnPostgres;

/** Two instances on one real PostgreSQL: an event raised on one reaches subscribers of the other. */
@ExtendWith(TwoInstancesOnPostgres.class)
class HandoffAcrossInstancesIT {

    @Test
    void eventsRaisedOnOneInstanceReachSubscribersOnTheOther() {
        String customerToken = CustomerTokensForTests.tokenFor("alice");
        String agentToken = CustomerTokensForTests.agentToken("bob");
        RunningService first = TwoInstancesOnPostgres.first();
        RunningService second = TwoInstancesOnPostgres.second();
        ApiClient customerOnFirst = first.api().withBearer(customerToken);
        ApiClient agentOnSecond = second.api().withBearer(agentToken);
        String conversationId = customerOnFirst.chat("My export keeps failing")
                .json().get("conversation_id").asString();

        try (EventStreamClient customerEvents = EventStreamClient.open(port(first),
                "/api/v1/conversation/" + conversationId + "/events", "Authorization", "Bearer " + customerToken);
                EventStreamClient deskEvents = EventStreamClient.open(port(second), "/api/v1/desk/events",
                        "Authorization", "Bearer " + agentToken)) {
            assertThat(customerEvents.next().comment()).isEqualTo("connected");
            assertThat(deskEvents.next().comment()).isEqualTo("connected");

            customerOnFirst.post("/api/v1/conversation/" + conversationId + "/handoff", "{\"reason\": \"urgent\"}");
            EventStreamClient.Event queued = deskEvents.nextMatching(event -> "status".equals(event.type()));
            assertThat(queued.json().get("conversation_id").asString()).isEqualTo(conversationId);
            assertThat(queued.json().get("status").asString()).isEqualTo("waiting_for_human");

            assertThat(agentOnSecond.post("/api/v1/desk/conversations/" + conversationId + "/claim", null).status())
                    .isEqualTo(200);
            assertThat(first.api().withBearer(CustomerTokensForTests.agentToken("carol"))
                    .post("/api/v1/desk/conversations/" + conversationId + "/claim", null).status()).isEqualTo(409);
            agentOnSecond.post("/api/v1/desk/conversations/" + conversationId + "/messages",
                    "{\"content\": \"Bob here, let's fix that export.\"}");

            EventStreamClient.Event reply = customerEvents.nextMatching(event -> "message".equals(event.type())
                    && event.json().get("message").get("content").asString().equals("Bob here, let's fix that export."));
            assertThat(reply.json().get("message").get("metadata").get("author").asString()).isEqualTo("bob");
        }
    }

    private static int port(RunningService service) {
        return Integer.parseInt(service.context().getEnvironment().getProperty("local.server.port"));
    }
}
