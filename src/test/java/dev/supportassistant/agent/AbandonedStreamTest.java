package dev.supportassistant.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ChatRequest;

/** A customer who leaves in the middle of a streamed answer. */
class AbandonedStreamTest extends ProviderFakesTest {

    @LocalServerPort
    private int port;

    @Autowired
    private JdbcClient jdbc;

    @Test
    void anAbandonedStreamStoresWhatWasProducedMarkedIncomplete() throws Exception {
        List<String> pieces = java.util.stream.IntStream.range(0, 12).mapToObj(i -> "piece" + i + " ").toList();
        OPENAI.stubFor(openAiChat(true).willReturn(openAiStream(pieces, 50, 12).withChunkedDribbleDelay(16, 1_900)));
        String userId = "leaver-" + UUID.randomUUID();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/chat/stream"))
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(
                        ChatRequest.message("How do I reset my password?").from(userId).json()))
                .build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && !line.startsWith("event:token")) {
                // read up to the first piece of the answer, then leave
            }
        }

        await().atMost(Duration.ofSeconds(8)).until(() -> assistantMessage(userId) != null);
        Map<String, Object> stored = assistantMessage(userId);
        assertThat((String) stored.get("content")).startsWith("piece0").isNotEqualTo(String.join("", pieces));
        assertThat((String) stored.get("details")).contains("\"incomplete\":true");
        assertThat((String) stored.get("error")).contains("client disconnected");
    }

    private Map<String, Object> assistantMessage(String userId) {
        return jdbc.sql("""
                SELECT m.content, m.details, m.error FROM messages m JOIN conversations c ON c.id = m.conversation_id
                WHERE c.user_id = :userId AND m.role = 'assistant'
                """).param("userId", userId).query().listOfRows().stream().findFirst().orElse(null);
    }
}
