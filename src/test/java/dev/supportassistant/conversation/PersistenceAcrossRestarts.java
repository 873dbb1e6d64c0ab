package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.nimbusds.jwt.JWTClaimsSet;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ChatRequest;
import dev.supportassistant.CustomerTokensForTests;
import dev.supportassistant.RunningService;
import tools.jackson.databind.JsonNode;

/**
 * What must survive a restart, checked against one database kind: conversations with every
 * message in order and with their metadata, the operator's provider choice, and the knowledge
 * base (embedded once, not at every start). On the way, what this database kind cannot store is
 * refused at the edge rather than failing in it (PostgreSQL refuses a NUL in text): control
 * characters anywhere a request puts text, and a token subject too long for the keys it makes.
 */
abstract class PersistenceAcrossRestarts {

    /** Settings that point a fresh service at the same, initially empty database every time. */
    abstract String[] databaseSettings();

    @Test
    void conversationsAndProviderChoiceSurviveARestart() {
        String conversationId;
        JsonNode before;
        JsonNode documentsBefore;
        // Rate limits on (the tests' settings turn them off), so that limits store their keys too.
        String[] settings = Stream.concat(Arrays.stream(databaseSettings()), Stream.of("RATE_LIMIT_CHAT_PER_MINUTE=1000"))
                .toArray(String[]::new);
        try (RunningService service = RunningService.start(settings)) {
            ApiClient api = service.api();
            conversationId = api.chat(ChatRequest.message("How do I reset my password?").from("restart_user"))
                    .json().get("conversation_id").asString();
            refusesWhatTheDatabaseCannotStore(api, conversationId);
            api.chat(ChatRequest.message("The reset email never arrived").in(conversationId));
            assertThat(api.asAdmin().post("/api/v1/agent/switch?provider=local", null).status()).isEqualTo(200);
            before = api.get("/api/v1/conversation/" + conversationId).json();
            documentsBefore = api.asAdmin().get("/api/v1/docs").json();
        }

        try (RunningService service = RunningService.start(databaseSettings())) {
            JsonNode after = service.api().get("/api/v1/conversation/" + conversationId).json();

            assertThat(after).isEqualTo(before);
            // The same document ids: the bundled articles were not chunked and embedded again.
            assertThat(service.api().asAdmin().get("/api/v1/docs").json()).isEqualTo(documentsBefore).isNotEmpty();
            assertThat(after.get("user_id").asString()).isEqualTo("restart_user");
            assertThat(after.get("messages")).hasSize(4);
            assertThat(after.get("messages").get(0).get("content").asString()).isEqualTo("How do I reset my password?");
            assertThat(after.get("messages").get(3).get("metadata").get("provider").asString()).isEqualTo("local");
            assertThat(service.context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT provider FROM active_provider").query(String.class).single()).isEqualTo("local");
        }
    }

    private static void refusesWhatTheDatabaseCannotStore(ApiClient api, String conversationId) {
        String conversation = "/api/v1/conversation/" + conversationId;
        String messageId = api.get(conversation).json().get("messages").get(1).get("id").asString();
        ApiClient.Response[] refused = {
            api.chat("a\u0000b"),
            api.chat(ChatRequest.message("hi").from("a\u0000b")),
            api.chat(ChatRequest.message("hi").in("a\u0000b")),
            api.post(conversation + "/handoff", "{\"reason\": \"a\\u0000b\"}"),
            api.post(conversation + "/messages/" + messageId + "/feedback",
                    "{\"rating\": \"down\", \"comment\": \"a\\u0000b\"}"),
            api.get(conversation + "?limit=5&before=a%00b"),
        };
        for (ApiClient.Response response : refused) {
            assertThat(response.status()).as(response.body()).isEqualTo(422);
            assertThat(response.json().get("detail").asString()).contains("control characters");
        }

        Instant now = Instant.now();
        String longSubject = CustomerTokensForTests.signed(new JWTClaimsSet.Builder().subject("s".repeat(400))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(10)))).build());
        assertThat(api.withBearer(longSubject).chat("hi").status())
                .isEqualTo(401);
    }
}
