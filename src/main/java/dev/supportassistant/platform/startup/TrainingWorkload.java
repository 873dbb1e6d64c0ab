package dev.supportassistant.platform.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a customer does, sent over HTTP to a running service: conversations of a few turns (each a
 * message not sent before, some of them confused, so retrieval, confusion scoring and the screen-share
 * offer all run), one turn of each streamed, the conversation read back, and the health check. It is
 * the training run's workload ({@link TrainingRun}): what it calls is what the JDK's start-up cache
 * records, so it goes through the same HTTP, JSON and database code a customer's requests do.
 */
final class TrainingWorkload {

    /** Turns per conversation: the first starts it, the last is streamed. */
    static final int TURNS = 4;

    private static final List<String> ASKS = List.of("How do I reset my password for the %s?",
            "The %s shows an error when I sign in, what should I do?", "Where can I change the billing details of the %s?",
            "I cannot install the %s on my laptop.", "The %s keeps disconnecting from the network.",
            "How do I share my screen from the %s?");
    private static final List<String> THINGS = List.of("desktop app", "web portal", "mobile app", "team account",
            "admin console", "browser extension", "invoice page", "sync client");
    private static final List<String> FOLLOW_UPS = List.of("I tried step %d and nothing happened.",
            "I don't understand, where exactly is button %d?", "It still says error %d, I'm lost.",
            "Thanks, that worked for step %d.");

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();

    TrainingWorkload(URI base) {
        this.base = base;
    }

    /**
     * Sends {@code requests} requests (rounded up to whole conversations), one at a time, telling
     * {@code progress} the count after each; returns how many were not answered with a 2xx.
     */
    int run(int requests, IntConsumer progress) throws IOException, InterruptedException {
        int perConversation = TURNS + 2; // the turns, the history, the health check
        int conversations = Math.max(1, (requests + perConversation - 1) / perConversation);
        int sent = 0;
        int failed = 0;
        for (int c = 0; c < conversations; c++) {
            String user = "training-" + c;
            String conversationId = null;
            for (int turn = 0; turn < TURNS; turn++) {
                String message = message(c, turn);
                String body = json.writeValueAsString(conversationId == null
                        ? Map.of("message", message, "user_id", user)
                        : Map.of("message", message, "user_id", user, "conversation_id", conversationId));
                if (turn == TURNS - 1) {
                    failed += streamed(body) ? 0 : 1;
                } else {
                    var answer = http.send(post("/api/v1/chat", body), BodyHandlers.ofString());
                    if (answer.statusCode() / 100 == 2) {
                        JsonNode reply = json.readTree(answer.body());
                        conversationId = reply.path("conversation_id").asString();
                    } else {
                        failed++;
                    }
                }
                progress.accept(++sent);
            }
            failed += ok(get("/api/v1/conversation/" + conversationId)) ? 0 : 1;
            progress.accept(++sent);
            failed += ok(get("/api/v1/health")) ? 0 : 1;
            progress.accept(++sent);
        }
        return failed;
    }

    /** A message not sent before in this run: the asks and their objects combined, then follow-ups. */
    static String message(int conversation, int turn) {
        if (turn == 0) {
            String ask = ASKS.get(conversation % ASKS.size());
            return ask.formatted(THINGS.get((conversation / ASKS.size()) % THINGS.size())) + " (ticket " + conversation + ")";
        }
        return FOLLOW_UPS.get((conversation + turn) % FOLLOW_UPS.size()).formatted(conversation * TURNS + turn);
    }

    private boolean streamed(String body) throws IOException, InterruptedException {
        var answer = http.send(post("/api/v1/chat/stream", body), BodyHandlers.ofInputStream());
        try (InputStream events = answer.body()) {
            events.transferTo(OutputStream.nullOutputStream());
        }
        return answer.statusCode() / 100 == 2;
    }

    private boolean ok(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, BodyHandlers.discarding()).statusCode() / 100 == 2;
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(BodyPublishers.ofString(body)).build();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build();
    }
}
