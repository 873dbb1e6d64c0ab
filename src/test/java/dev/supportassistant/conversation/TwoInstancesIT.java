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

    /**
     * Retention and erasure on PostgreSQL: both instances' jobs at once delete each old conversation
     * once (their batches lock with SKIP LOCKED), every row of every table that references it goes,
     * and a customer's erasure takes theirs, loose screenshots included.
     */
    @Test
    void retentionOnBothInstancesAtOnceAndErasureRemoveEveryRowOfAConversation() throws Exception {
        RunningService first = TwoInstancesOnPostgres.first();
        RunningService second = TwoInstancesOnPostgres.second();
        org.springframework.jdbc.core.simple.JdbcClient jdbc = first.context()
                .getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        byte[] screen = dev.supportassistant.screenshots.ScreenDrawings.checkout().png();
        dev.supportassistant.ApiClient customer = ConversationFootprint.customer(first.api(), "kept-" + System.nanoTime());
        java.util.List<String> old = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            old.add(ConversationFootprint.conversation(customer, first.api().asAdmin(), screen));
        }
        java.util.List<String> messages = ConversationFootprint.messageIds(jdbc, old.get(0));
        ConversationFootprint.assertFilled(ConversationFootprint.rows(jdbc, old.get(0)));
        // Further back than anything other tests on these instances store, beyond the longest retention.
        jdbc.sql("UPDATE conversations SET updated_at = TIMESTAMP WITH TIME ZONE '1900-01-01 00:00:00+00' WHERE id IN (:ids)")
                .param("ids", old).update();

        RetentionSettings oneABatch = new RetentionSettings(36500, null, 1);
        var onFirst = java.util.concurrent.CompletableFuture.supplyAsync(() -> new ConversationRetention(
                first.context().getBean(ConversationErasure.class), oneABatch).removeExpired(java.time.Instant.now()));
        var onSecond = java.util.concurrent.CompletableFuture.supplyAsync(() -> new ConversationRetention(
                second.context().getBean(ConversationErasure.class), oneABatch).removeExpired(java.time.Instant.now()));

        assertThat(onFirst.get().of("conversations") + onSecond.get().of("conversations")).isEqualTo(4);
        assertThat(onFirst.get().of("screenshots") + onSecond.get().of("screenshots")).isEqualTo(4);
        for (String gone : old) {
            assertThat(ConversationFootprint.rows(jdbc, gone)).allSatisfy((table, rows) -> assertThat(rows)
                    .as(table).isZero());
        }
        assertThat(ConversationFootprint.ratings(jdbc, messages)).isZero();

        String userId = "erased-" + System.nanoTime();
        dev.supportassistant.ApiClient leaving = ConversationFootprint.customer(first.api(), userId);
        String conversation = ConversationFootprint.conversation(leaving, first.api().asAdmin(), screen);
        ConversationFootprint.looseScreenshot(leaving, screen);
        var erased = second.api().asAdmin().send("DELETE", "/api/v1/customers/" + userId, null);

        assertThat(erased.status()).as(erased.body()).isEqualTo(200);
        assertThat(erased.json().get("deleted").get("conversations").asLong()).isEqualTo(1);
        assertThat(erased.json().get("deleted").get("screenshots").asLong()).isEqualTo(2);
        assertThat(ConversationFootprint.rows(jdbc, conversation)).allSatisfy((table, rows) -> assertThat(rows)
                .as(table).isZero());
        assertThat(ConversationFootprint.looseScreenshots(jdbc, userId)).isZero();
    }
}
