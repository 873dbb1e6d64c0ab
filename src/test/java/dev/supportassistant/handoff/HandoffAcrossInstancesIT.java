package dev.supportassistant.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supportassistant.ApiClient;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.EventStreamClient;
import dev.supportassistant.RunningService;
import dev.supportassistant.TwoInstancesOnPostgres;

/**
 * Two instances on one real PostgreSQL: an event raised on one reaches subscribers of the other,
 * and of two agents claiming a conversation at once on different instances, one wins and the other
 * is told who did (409).
 */
@ExtendWith(TwoInstancesOnPostgres.class)
class HandoffAcrossInstancesIT {

    @Test
    void theDeskFindsAConversationByAWordOfItsTextWithPostgresFullTextSearch() {
        String word = "axolotl" + Long.toString(System.nanoTime(), 36);
        ApiClient customer = TwoInstancesOnPostgres.first().api().withBearer(CustomerTokensForTests.tokenFor("zoe"));
        String wanted = customer.chat("The " + word + " dashboard is blank since Monday")
                .json().get("conversation_id").asString();
        customer.chat("Something else entirely");

        var found = TwoInstancesOnPostgres.second().api().withBearer(CustomerTokensForTests.agentToken("bob"))
                .get("/api/v1/desk/search?q=" + word.toUpperCase());

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("conversations")).singleElement()
                .satisfies(row -> assertThat(row.get("conversation_id").asString()).isEqualTo(wanted));
    }

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

            // Bob on the second instance and Carol on the first claim it at the same moment: one wins.
            ApiClient carolOnFirst = first.api().withBearer(CustomerTokensForTests.agentToken("carol"));
            Map<String, ApiClient> agents = Map.of("bob", agentOnSecond, "carol", carolOnFirst);
            Map<String, ApiClient.Response> claims = together(agents, agent -> agent.post(
                    "/api/v1/desk/conversations/" + conversationId + "/claim", null));
            String winner = claims.get("bob").status() == 200 ? "bob" : "carol";
            String loser = winner.equals("bob") ? "carol" : "bob";
            assertThat(claims.get(winner).status()).isEqualTo(200);
            assertThat(claims.get(loser).status()).isEqualTo(409);
            assertThat(claims.get(loser).json().get("detail").asString())
                    .isEqualTo("Conversation is already claimed by " + winner);
            agents.get(winner).post("/api/v1/desk/conversations/" + conversationId + "/messages",
                    "{\"content\": \"Bob here, let's fix that export.\"}");

            EventStreamClient.Event reply = customerEvents.nextMatching(event -> "message".equals(event.type())
                    && event.json().get("message").get("content").asString().equals("Bob here, let's fix that export."));
            assertThat(reply.json().get("message").get("metadata").get("author").asString()).isEqualTo(winner);
        }
    }

    /** Sends each client's request at the same moment, from a thread of its own; their answers by name. */
    private static Map<String, ApiClient.Response> together(Map<String, ApiClient> clients,
            Function<ApiClient, ApiClient.Response> request) {
        CyclicBarrier start = new CyclicBarrier(clients.size());
        ExecutorService threads = Executors.newFixedThreadPool(clients.size());
        try {
            Map<String, Future<ApiClient.Response>> answers = new HashMap<>();
            clients.forEach((name, client) -> answers.put(name, threads.submit(() -> {
                start.await();
                return request.apply(client);
            })));
            Map<String, ApiClient.Response> responses = new HashMap<>();
            for (Map.Entry<String, Future<ApiClient.Response>> answer : answers.entrySet()) {
                responses.put(answer.getKey(), answer.getValue().get());
            }
            return responses;
        } catch (InterruptedException | ExecutionException failed) {
            throw new AssertionError(failed);
        } finally {
            threads.shutdownNow();
        }
    }

    private static int port(RunningService service) {
        return Integer.parseInt(service.context().getEnvironment().getProperty("local.server.port"));
    }
}
