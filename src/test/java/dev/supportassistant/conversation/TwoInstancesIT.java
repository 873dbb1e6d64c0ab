package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.supportassistant.ChatRequest;
import dev.supportassistant.RunningService;
import dev.supportassistant.TwoInstancesOnPostgres;

/** Two instances on one PostgreSQL behave as one service. */
@ExtendWith(TwoInstancesOnPostgres.class)
class TwoInstancesIT {

    @Test
    void aConversationStartedOnOneInstanceContinuesOnTheOtherAndSwitchesAreShared() {
        RunningService first = TwoInstancesOnPostgres.first();
        RunningService second = TwoInstancesOnPostgres.second();
        // Both instances have OpenAI configured (it answers nothing: nobody listens at port 9) and
        // answer with local: a switch is something an instance's copy of the choice can miss.
        assertThat(first.api().get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("local");

        for (String provider : new String[] {"openai", "local"}) {
            assertThat(second.api().asAdmin().post("/api/v1/agent/switch?provider=" + provider, null).status())
                    .isEqualTo(200);

            assertThat(first.context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                    .sql("SELECT provider FROM active_provider").query(String.class).single()).isEqualTo(provider);
            // The first instance keeps a copy of the choice; the switch's broadcast (NOTIFY) replaces it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(first.api()
                    .get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo(provider));
        }

        String conversationId = first.api().chat("How do I reset my password?").json().get("conversation_id")
                .asString();
        var continued = second.api().chat(ChatRequest.message("The reset email never arrived").in(conversationId));

        assertThat(continued.json().get("conversation_id").asString()).isEqualTo(conversationId);
        assertThat(first.api().get("/api/v1/conversation/" + conversationId).json().get("messages")).hasSize(4);
        assertThat(continued.json().get("message").get("metadata").get("provider").asString()).isEqualTo("local");
    }
}
