package dev.supportassistant.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.RunningService;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The database going away mid-run: requests that need it get a quick 503 with a detail (never a
 * hang or a 500), and the service recovers by itself when the database is back, with nothing that
 * was acknowledged lost.
 */
class DatabaseOutageIT {

    @TempDir
    Path dataDirectory;

    private EmbeddedPostgres startDatabase(int port) throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                .setPort(port).start();
    }

    @Test
    void aStoppedDatabaseGivesA503WithinTwoSecondsAndTheServiceRecoversWhenItReturns() throws IOException {
        int port = freePort();
        EmbeddedPostgres database = startDatabase(port);
        try (RunningService service = RunningService.start(
                "DATABASE_URL=postgresql://postgres:postgres@localhost:" + port + "/postgres")) {
            ApiClient api = service.api();
            String conversationId = api.chat("How do I reset my password?")
                    .json().get("conversation_id").asString();

            database.close();
            Instant asked = Instant.now();
            var duringOutage = api.chat(ChatRequest.message("Still there?").in(conversationId));
            Duration waited = Duration.between(asked, Instant.now());

            assertThat(duringOutage.status()).isEqualTo(503);
            assertThat(duringOutage.json().get("detail").asString()).contains("database is unavailable");
            assertThat(duringOutage.header("Retry-After")).isNotNull();
            assertThat(waited).isLessThan(Duration.ofSeconds(2));
            assertThat(api.get("/api/v1/conversation/" + conversationId).status()).isEqualTo(503);

            database = startDatabase(port);

            // The first request to find the database back may still meet the outage's last 503
            // (while another caller's attempt is settling it); within seconds, one gets through.
            Instant deadline = Instant.now().plusSeconds(5);
            var afterwards = api.chat(ChatRequest.message("The reset email never arrived").in(conversationId));
            while (afterwards.status() == 503 && Instant.now().isBefore(deadline)) {
                afterwards = api.chat(ChatRequest.message("The reset email never arrived").in(conversationId));
            }
            assertThat(afterwards.status()).isEqualTo(200);
            assertThat(api.get("/api/v1/conversation/" + conversationId).json().get("messages"))
                    .extracting(message -> message.get("content").asString())
                    .contains("How do I reset my password?", "The reset email never arrived")
                    .doesNotContain("Still there?");
        } finally {
            database.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
