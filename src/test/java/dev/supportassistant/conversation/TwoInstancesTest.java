package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.supportassistant.EmbeddedPostgres;
import dev.supportassistant.RunningService;

/** Two instances on one PostgreSQL behave as one service. */
class TwoInstancesTest {

    @Test
    void aConversationStartedOnOneInstanceContinuesOnTheOtherAndSwitchesAreShared() {
        String database = "DATABASE_URL=" + EmbeddedPostgres.newDatabaseUrl("two_instances_" + System.nanoTime());
        try (RunningService first = RunningService.start(database);
                RunningService second = RunningService.start(database)) {
            String conversationId = first.api().post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}")
                    .json().get("conversation_id").asString();

            var continued = second.api().post("/api/v1/chat", "{\"message\": \"The reset email never arrived\", "
                    + "\"conversation_id\": \"" + conversationId + "\"}");

            assertThat(continued.json().get("conversation_id").asString()).isEqualTo(conversationId);
            assertThat(first.api().get("/api/v1/conversation/" + conversationId).json().get("messages")).hasSize(4);

            assertThat(second.api().asAdmin().post("/api/v1/agent/switch?provider=local", null).status()).isEqualTo(200);
            assertThat(first.context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT provider FROM active_provider").query(String.class).single()).isEqualTo("local");
            assertThat(first.api().get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("local");
        }
    }
}
