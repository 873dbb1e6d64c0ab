package dev.supportassistant.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.supportassistant.ApiClient;
import dev.supportassistant.EventStreamClient;
import dev.supportassistant.LimitedServiceTest;

/**
 * Open event streams are capped per conversation (2 here), per client (3) and in total (6, of which
 * customers' streams may take 5: the rest is kept for staff); beyond a cap the answer is 429 with a
 * detail naming it. Clients are told apart by X-Forwarded-For, which the tests' loopback proxy may set.
 */
@LimitedServiceTest
class EventStreamCapsTest {

    @LocalServerPort
    private int port;

    private String conversation(ApiClient api) {
        return api.post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}").json()
                .get("conversation_id").asString();
    }

    private EventStreamClient open(String conversationId, String client) {
        EventStreamClient stream = EventStreamClient.open(port, "/api/v1/conversation/" + conversationId + "/events",
                "X-Forwarded-For", client);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.next().comment()).isEqualTo("connected");
        return stream;
    }

    private ApiClient.Response refused(ApiClient api, String conversationId, String client) {
        String path = "/api/v1/conversation/" + conversationId + "/events";
        // Opened as a stream first: were it let through, reading it whole would never end.
        try (EventStreamClient attempt = EventStreamClient.open(port, path, "X-Forwarded-For", client)) {
            assertThat(attempt.status()).isEqualTo(429);
        }
        var response = api.get(path, "Accept", "text/event-stream", "X-Forwarded-For", client);
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isNotNull();
        return response;
    }

    @Test
    void streamsAreCappedPerConversationPerClientAndInTotal() {
        ApiClient api = new ApiClient(port);
        List<EventStreamClient> streams = new ArrayList<>();
        try {
            String a = conversation(api);
            streams.add(open(a, "203.0.113.1"));
            streams.add(open(a, "203.0.113.1"));
            assertThat(refused(api, a, "203.0.113.2").json().get("detail").asString())
                    .contains("EVENTS_MAX_STREAMS_PER_CONVERSATION");

            for (int i = 0; i < 3; i++) {
                streams.add(open(conversation(api), "2001:db8:5::" + (i + 1)));
            }
            // Another address of the same /64 is the same client.
            assertThat(refused(api, conversation(api), "2001:db8:5::ff").json().get("detail").asString())
                    .contains("EVENTS_MAX_STREAMS_PER_CLIENT");

            assertThat(refused(api, conversation(api), "203.0.113.3").json().get("detail").asString())
                    .contains("EVENTS_MAX_STREAMS").contains("staff");

            // Customers filled their share; the desk still gets its live updates, up to the cap in all.
            EventStreamClient desk = EventStreamClient.open(port, "/api/v1/desk/events", "X-API-Key",
                    ApiClient.TEST_ADMIN_KEY);
            streams.add(desk);
            assertThat(desk.status()).isEqualTo(200);
            try (EventStreamClient beyond = EventStreamClient.open(port, "/api/v1/desk/events", "X-API-Key",
                    ApiClient.TEST_ADMIN_KEY)) {
                assertThat(beyond.status()).isEqualTo(429);
            }
        } finally {
            streams.forEach(EventStreamClient::close);
        }
    }
}
