package dev.supportassistant.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.EventStreamClient;

/**
 * Open event streams are capped per conversation (5, the default), per client (20, the default)
 * and in total (40 in the tests, of which customers' streams may take 36: the rest is kept for
 * staff); beyond a cap the answer is 429 with a detail naming it. Clients are told apart by
 * X-Forwarded-For, which the tests' loopback proxy may set. The caps' arithmetic on small numbers
 * is {@link OpenStreamsTest}'s.
 */
class EventStreamCapsTest extends ApiTest {

    private static final int PER_CONVERSATION = 5;
    private static final int PER_CLIENT = 20;
    private static final int IN_ALL = 40;

    private String conversation() {
        return api.chat("How do I reset my password?").json()
                .get("conversation_id").asString();
    }

    private EventStreamClient open(String conversationId, String client) {
        EventStreamClient stream = EventStreamClient.open(port(), "/api/v1/conversation/" + conversationId + "/events",
                "X-Forwarded-For", client);
        assertThat(stream.status()).isEqualTo(200);
        assertThat(stream.next().comment()).isEqualTo("connected");
        return stream;
    }

    private ApiClient.Response refused(String conversationId, String client) {
        String path = "/api/v1/conversation/" + conversationId + "/events";
        // Opened as a stream first: were it let through, reading it whole would never end.
        try (EventStreamClient attempt = EventStreamClient.open(port(), path, "X-Forwarded-For", client)) {
            assertThat(attempt.status()).isEqualTo(429);
        }
        var response = api.get(path, "Accept", "text/event-stream", "X-Forwarded-For", client);
        assertThat(response.status()).isEqualTo(429);
        assertThat(response.header("Retry-After")).isNotNull();
        return response;
    }

    private static EventStreamClient openForTheDesk(int port) {
        return EventStreamClient.open(port, "/api/v1/desk/events", "X-API-Key", ApiClient.TEST_ADMIN_KEY);
    }

    @Test
    void streamsAreCappedPerConversationPerClientAndInTotal() {
        List<EventStreamClient> streams = new ArrayList<>();
        try {
            String a = conversation();
            for (int i = 0; i < PER_CONVERSATION; i++) {
                streams.add(open(a, "203.0.113.1"));
            }
            assertThat(refused(a, "203.0.113.2").json().get("detail").asString())
                    .contains("EVENTS_MAX_STREAMS_PER_CONVERSATION");

            // One client's streams, spread over conversations so that none is full.
            String shared = null;
            for (int i = 0; i < PER_CLIENT; i++) {
                if (i % (PER_CONVERSATION - 1) == 0) {
                    shared = conversation();
                }
                streams.add(open(shared, "2001:db8:5::" + Integer.toHexString(i + 1)));
            }
            // Another address of the same /64 is the same client.
            assertThat(refused(conversation(), "2001:db8:5::ff").json().get("detail").asString())
                    .contains("EVENTS_MAX_STREAMS_PER_CLIENT");

            // Customers fill their share, each stream from a client of its own; how many that takes
            // depends on the streams other tests still hold open, so it is bounded, not counted.
            String customersRefusal = null;
            for (int client = 1; customersRefusal == null; client++) {
                assertThat(client).as("customers' streams before the cap in all").isLessThanOrEqualTo(IN_ALL);
                String conversationId = conversation();
                for (int i = 0; i < PER_CONVERSATION - 1 && customersRefusal == null; i++) {
                    String address = "2001:db8:7:" + Integer.toHexString(client * PER_CONVERSATION + i) + "::1";
                    EventStreamClient stream = EventStreamClient.open(port(), "/api/v1/conversation/" + conversationId
                            + "/events", "X-Forwarded-For", address);
                    if (stream.status() == 200) {
                        streams.add(stream);
                    } else {
                        stream.close();
                        customersRefusal = refused(conversationId, address).json().get("detail").asString();
                    }
                }
            }
            assertThat(customersRefusal).contains("EVENTS_MAX_STREAMS").contains("staff");

            // The desk still gets its live updates: the last tenth of the cap in all (or one more, should a
            // stream another test left behind close meanwhile), and then the cap in all refuses it too.
            int staff = 0;
            while (true) {
                EventStreamClient desk = openForTheDesk(port());
                if (desk.status() != 200) {
                    desk.close();
                    break;
                }
                streams.add(desk);
                staff++;
                assertThat(staff).as("staff's streams").isLessThanOrEqualTo(IN_ALL);
            }
            assertThat(staff).isBetween(IN_ALL / 10, IN_ALL / 10 + 1);
            var beyond = api.get("/api/v1/desk/events", "Accept", "text/event-stream", "X-API-Key",
                    ApiClient.TEST_ADMIN_KEY);
            assertThat(beyond.status()).isEqualTo(429);
            assertThat(beyond.json().get("detail").asString()).contains("EVENTS_MAX_STREAMS");
        } finally {
            streams.forEach(EventStreamClient::close);
        }
    }
}
