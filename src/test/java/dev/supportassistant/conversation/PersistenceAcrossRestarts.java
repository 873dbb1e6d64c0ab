package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.ApiClient;
import dev.supportassistant.RunningService;
import tools.jackson.databind.JsonNode;

/**
 * What must survive a restart, checked against one database kind: conversations with every
 * message in order and with their metadata, the operator's provider choice, and the knowledge
 * base (embedded once, not at every start).
 */
abstract class PersistenceAcrossRestarts {

    /** Settings that point a fresh service at the same, initially empty database every time. */
    abstract String[] databaseSettings();

    @Test
    void conversationsAndProviderChoiceSurviveARestart() {
        String conversationId;
        JsonNode before;
        JsonNode documentsBefore;
        try (RunningService service = RunningService.start(databaseSettings())) {
            ApiClient api = service.api();
            conversationId = api.post("/api/v1/chat",
                    "{\"message\": \"How do I reset my password?\", \"user_id\": \"restart_user\"}")
                    .json().get("conversation_id").asString();
            api.post("/api/v1/chat", "{\"message\": \"The reset email never arrived\", \"conversation_id\": \""
                    + conversationId + "\"}");
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
}
