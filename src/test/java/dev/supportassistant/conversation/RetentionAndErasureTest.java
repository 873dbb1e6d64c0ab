package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.screenshots.ScreenDrawings;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Retention and a customer's data on request, on the shared service (H2): a conversation past
 * {@code RETENTION_DAYS} goes whole, every row of every table that references it; media past
 * {@code MEDIA_RETENTION_DAYS} go while the conversation stays; an operator exports a customer's
 * data and erases it, screenshots included, with counts, audited in the log without content.
 * The same on PostgreSQL: {@code TwoInstancesIT}.
 */
class RetentionAndErasureTest extends ApiTest {

    private static final byte[] SCREEN = ScreenDrawings.checkout().png();

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private ConversationErasure erasure;

    @Autowired
    private MeterRegistry meters;

    private static String someone() {
        return "customer-" + UUID.randomUUID();
    }

    /**
     * Other tests share this database, some with histories seeded in the past: this test's
     * conversations and screenshots are moved further back than any of theirs, beyond the longest
     * retention there is (36500 days), so that only they are old enough to go.
     */
    private static final Instant LONG_AGO = Instant.parse("1900-01-01T00:00:00Z");
    private static final int LONGEST = 36500;

    private void lastActive(String conversationId, Duration before) {
        jdbc.sql("UPDATE conversations SET updated_at = :at WHERE id = :id")
                .param("at", java.time.OffsetDateTime.ofInstant(LONG_AGO.minus(before), java.time.ZoneOffset.UTC))
                .param("id", conversationId).update();
    }

    private double removed(String what, String reason) {
        var counter = meters.find(ConversationErasure.REMOVED).tags("what", what, "reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void conversationsInactiveLongerThanRetentionDaysGoWithEveryRowThatReferencesThem() {
        ApiClient customer = ConversationFootprint.customer(api, someone());
        String old = ConversationFootprint.conversation(customer, api.asAdmin(), SCREEN);
        String older = ConversationFootprint.conversation(customer, api.asAdmin(), SCREEN);
        String recent = ConversationFootprint.conversation(customer, api.asAdmin(), SCREEN);
        List<String> messages = ConversationFootprint.messageIds(jdbc, old);
        ConversationFootprint.assertFilled(ConversationFootprint.rows(jdbc, old));
        assertThat(ConversationFootprint.ratings(jdbc, messages)).isEqualTo(1);
        lastActive(old, Duration.ZERO);
        lastActive(older, Duration.ofDays(400));
        double before = removed("conversations", "retention");

        // One conversation a batch: the job goes on until none is left.
        var removed = new ConversationRetention(erasure, new RetentionSettings(LONGEST, null, 1))
                .removeExpired(Instant.now());

        assertThat(removed.of("conversations")).isEqualTo(2);
        assertThat(removed.of("screenshots")).isEqualTo(2);
        assertThat(removed.of("messages")).isEqualTo(2 * ConversationFootprint.rows(jdbc, recent).get("messages"));
        for (String gone : List.of(old, older)) {
            assertThat(ConversationFootprint.rows(jdbc, gone)).allSatisfy((table, rows) -> assertThat(rows)
                    .as(table).isZero());
        }
        assertThat(ConversationFootprint.ratings(jdbc, messages)).isZero();
        ConversationFootprint.assertFilled(ConversationFootprint.rows(jdbc, recent));
        assertThat(removed("conversations", "retention") - before).isEqualTo(2);
    }

    @Test
    void mediaOlderThanMediaRetentionDaysGoWhileTheirConversationStays() {
        String conversation = ConversationFootprint.conversation(ConversationFootprint.customer(api, someone()),
                api.asAdmin(), SCREEN);
        jdbc.sql("UPDATE screenshots SET created_at = :at WHERE conversation_id = :id")
                .param("at", java.time.OffsetDateTime.ofInstant(LONG_AGO, java.time.ZoneOffset.UTC))
                .param("id", conversation).update();

        var removed = new ConversationRetention(erasure, new RetentionSettings(null, LONGEST, 500))
                .removeExpired(Instant.now());

        assertThat(removed.of("screenshots")).isEqualTo(1);
        assertThat(removed.of("conversations")).isZero();
        Map<String, Long> rows = ConversationFootprint.rows(jdbc, conversation);
        assertThat(rows.get("screenshots")).isZero();
        assertThat(rows.get("messages")).isPositive();
    }

    @Test
    void anOperatorExportsACustomersDataAndErasesItWholeAuditedWithoutContent() {
        String userId = someone();
        ApiClient customer = ConversationFootprint.customer(api, userId);
        String first = ConversationFootprint.conversation(customer, api.asAdmin(), SCREEN);
        String second = ConversationFootprint.conversation(customer, api.asAdmin(), SCREEN);
        ConversationFootprint.looseScreenshot(customer, SCREEN);
        List<String> messages = ConversationFootprint.messageIds(jdbc, first);
        ApiClient operator = api.asAdmin();

        JsonNode export = operator.get("/api/v1/customers/" + userId + "/export").json();

        assertThat(export.get("total_conversations").asLong()).isEqualTo(2);
        assertThat(export.get("conversations").valueStream().map(c -> c.get("conversation_id").asString()))
                .containsExactlyInAnyOrder(first, second);
        JsonNode conversation = export.get("conversations").get(0);
        assertThat(conversation.get("messages").toString()).contains("How do I reset my password?", "\"rating\":\"up\"");
        assertThat(conversation.get("media").get(0).get("url").asString()).startsWith("/uploads/");
        assertThat(conversation.get("ratings").get(0).get("score").asInt()).isEqualTo(4);
        assertThat(export.get("other_media")).hasSize(1);

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        JsonNode erased;
        try {
            var response = operator.send("DELETE", "/api/v1/customers/" + userId, null);
            assertThat(response.status()).as(response.body()).isEqualTo(200);
            erased = response.json().get("deleted");
        } finally {
            root.detachAppender(log);
        }

        assertThat(erased.get("conversations").asLong()).isEqualTo(2);
        assertThat(erased.get("screenshots").asLong()).isEqualTo(3);
        assertThat(erased.get("ratings").asLong()).isEqualTo(2);
        assertThat(erased.get("conversation_ratings").asLong()).isEqualTo(2);
        assertThat(erased.get("notes").asLong()).isEqualTo(2);
        assertThat(erased.get("messages").asLong()).isPositive();
        for (String gone : List.of(first, second)) {
            assertThat(ConversationFootprint.rows(jdbc, gone)).allSatisfy((table, rows) -> assertThat(rows)
                    .as(table).isZero());
        }
        assertThat(ConversationFootprint.ratings(jdbc, messages)).isZero();
        assertThat(ConversationFootprint.looseScreenshots(jdbc, userId)).isZero();
        String logged = log.list.stream().map(ILoggingEvent::getFormattedMessage).collect(Collectors.joining("\n"));
        assertThat(logged).contains("Customer data erased by admin", CustomerData.fingerprint(userId), "conversations=2")
                .doesNotContain(userId, "reset my password", "jane.doe");
        assertThat(operator.get("/api/v1/customers/" + userId + "/export").json().get("conversations")).isEmpty();
    }

    @Test
    void onlyOperatorsReachACustomersData() {
        String userId = someone();
        ApiClient customer = ConversationFootprint.customer(api, userId);

        assertThat(customer.get("/api/v1/customers/" + userId + "/export").status()).isIn(401, 403);
        assertThat(api.send("DELETE", "/api/v1/customers/" + userId, null).status()).isEqualTo(401);
    }
}
