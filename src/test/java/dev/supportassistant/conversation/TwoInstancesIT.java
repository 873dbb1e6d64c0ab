package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

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
        String conversationId = first.api().chat("How do I reset my password?")
                .json().get("conversation_id").asString();

        var continued = second.api().chat(ChatRequest.message("The reset email never arrived").in(conversationId));

        assertThat(continued.json().get("conversation_id").asString()).isEqualTo(conversationId);
        assertThat(first.api().get("/api/v1/conversation/" + conversationId).json().get("messages")).hasSize(4);

        assertThat(second.api().asAdmin().post("/api/v1/agent/switch?provider=local", null).status()).isEqualTo(200);
        assertThat(first.context().getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("SELECT provider FROM active_provider").query(String.class).single()).isEqualTo("local");
        assertThat(first.api().get("/api/v1/agent/current").json().get("provider").asString()).isEqualTo("local");
    }
}
