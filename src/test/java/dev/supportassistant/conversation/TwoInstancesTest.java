package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.supportassistant.EmbeddedPostgres;
import dev.supportassistant.RunningService;

/** Two instances on one PostgreSQL behave as one service. */
class TwoInstancesTest {

    @Test
    void aConversationStartedOnOneInstanceContinuesOnTheOtherAndSwitchesAreShared() {
        String database = "DATABASE_URL=" + EmbeddedPostgres.newDatabaseUrl("two_instances_" + System.nanoTime());
        // OpenAI is configured (and answers nothing: nobody listens at port 9), so that it is the
        // default provider and a switch to local is something an instance's copy can miss.
        String[] settings = {database, "OPENAI_API_KEY=sk-test-two-instances-0123456789",
            "OPENAI_BASE_URL=http://127.0.0.1:9/v1", "DEFAULT_AI_PROVIDER=openai"};
        try (RunningService first = RunningService.start(settings);
                RunningService second = RunningService.start(settings)) {
            assertThat(first.api().get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("openai");

            assertThat(second.api().asAdmin().post("/api/v1/agent/switch?provider=local", null).status()).isEqualTo(200);

            assertThat(first.context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT provider FROM active_provider").query(String.class).single()).isEqualTo("local");
            // The first instance keeps a copy of the choice; the switch's broadcast (NOTIFY) replaces it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(first.api()
                    .get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("local"));

            String conversationId = first.api().post("/api/v1/chat", "{\"message\": \"How do I reset my password?\"}")
                    .json().get("conversation_id").asString();
            var continued = second.api().post("/api/v1/chat", "{\"message\": \"The reset email never arrived\", "
                    + "\"conversation_id\": \"" + conversationId + "\"}");

            assertThat(continued.json().get("conversation_id").asString()).isEqualTo(conversationId);
            assertThat(first.api().get("/api/v1/conversation/" + conversationId).json().get("messages")).hasSize(4);
            assertThat(continued.json().get("message").get("metadata").get("provider").asString()).isEqualTo("local");
        }
    }
}
