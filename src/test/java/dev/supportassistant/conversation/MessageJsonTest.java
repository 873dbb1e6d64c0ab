package dev.supportassistant.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiTest;
import dev.supportassistant.conversation.MessageMetadata.AiAnswer;
import dev.supportassistant.conversation.MessageMetadata.CustomerMessage;
import dev.supportassistant.conversation.MessageMetadata.Handoff;
import dev.supportassistant.conversation.MessageMetadata.HandoffNote;
import dev.supportassistant.conversation.MessageMetadata.HoldingReply;
import dev.supportassistant.conversation.MessageMetadata.HumanReply;
import dev.supportassistant.conversation.MessageMetadata.ScreenShareNote;
import dev.supportassistant.conversation.MessageMetadata.ScreenshotNote;
import dev.supportassistant.conversation.MessageMetadata.TokenUsage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of message, on the wire and in the database, exactly as the single metadata record of
 * earlier versions wrote it: the same fields, present in the same cases, in the same order; rows
 * those versions stored read back the same, and rows stored now are what they stored. The
 * expected strings were written by the version before the kinds became a sealed family.
 */
class MessageJsonTest extends ApiTest {

    private static final Instant AT = Instant.parse("2026-11-24T12:00:01Z");
    private static final Handoff ESCALATED = new Handoff("waiting_for_human", "bot", "customer_request", "urgent",
            "customer");

    /** One message of each kind, what staff and what customers are shown of it, and how earlier versions stored it. */
    private record Case(ChatMessage message, String staff, String customer, OldRow row) {
    }

    /** The columns an earlier version wrote for a message, as {@code messages} holds them. */
    private record OldRow(String role, String provider, String model, Integer promptTokens, Integer completionTokens,
            Integer totalTokens, Boolean tokensEstimated, Double confusionLevel, Long latencyMs, Boolean fallback,
            String error, String details, String route, String experiment, String variant) {

        static OldRow plain(String role, String details) {
            return new OldRow(role, null, null, null, null, null, null, null, null, null, null, details, null, null,
                    null);
        }
    }

    @Autowired
    private JsonMapper json;

    @Autowired
    private Conversations conversations;

    @Autowired
    private JdbcClient jdbc;

    private static List<Case> cases() {
        return List.of(
                new Case(message("m1", "help", CustomerMessage.scored(0.72, List.of("repeated question"), "tone",
                        "friendly")),
                        "{\"confusion_level\":0.72,\"confusion_signals\":[\"repeated question\"],\"experiment\":\"tone\","
                                + "\"variant\":\"friendly\"}",
                        "{\"confusion_level\":0.72,\"confusion_signals\":[\"repeated question\"]}",
                        new OldRow("user", null, null, null, null, null, null, 0.72, null, null, null,
                                "{\"confusion_signals\":[\"repeated question\"]}", null, "tone", "friendly")),
                new Case(message("m2", "answer", AiAnswer.of("openai", "gpt-4o-mini", new TokenUsage(120, 48, 168, false),
                        850, 0.72, List.of(new MessageMetadata.Source("Passwords — Reset", "c1")))
                        .routed("strong-model", "tone", "friendly").failed(false, null)),
                        "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"confusion_level\":0.72,\"token_usage\":"
                                + "{\"prompt_tokens\":120,\"completion_tokens\":48,\"total_tokens\":168,\"estimated\":false},"
                                + "\"fallback\":false,\"latency_ms\":850,\"sources\":[{\"title\":\"Passwords — Reset\","
                                + "\"chunk_id\":\"c1\"}],\"route\":\"strong-model\",\"experiment\":\"tone\","
                                + "\"variant\":\"friendly\"}",
                        "{\"provider\":\"openai\",\"model\":\"gpt-4o-mini\",\"confusion_level\":0.72,\"token_usage\":"
                                + "{\"prompt_tokens\":120,\"completion_tokens\":48,\"total_tokens\":168,\"estimated\":false},"
                                + "\"fallback\":false,\"latency_ms\":850,\"sources\":[{\"title\":\"Passwords — Reset\","
                                + "\"chunk_id\":\"c1\"}]}",
                        new OldRow("assistant", "openai", "gpt-4o-mini", 120, 48, 168, false, 0.72, 850L, false, null,
                                "{\"sources\":[{\"title\":\"Passwords — Reset\",\"chunk_id\":\"c1\"}]}", "strong-model",
                                "tone", "friendly")),
                new Case(message("m3", "fallback", AiAnswer.of("local", "local-v1", new TokenUsage(10, 5, 15, true), 3,
                        0.1, List.of()).failed(true, "openai: timed out").cutOff()
                        .rated(new MessageMetadata.Feedback("up", "thanks", AT))),
                        "{\"provider\":\"local\",\"model\":\"local-v1\",\"confusion_level\":0.1,\"token_usage\":"
                                + "{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15,\"estimated\":true},"
                                + "\"fallback\":true,\"error\":\"openai: timed out\",\"latency_ms\":3,\"sources\":[],"
                                + "\"incomplete\":true,\"feedback\":{\"rating\":\"up\",\"comment\":\"thanks\","
                                + "\"created_at\":\"2026-11-24T12:00:01Z\"}}",
                        "{\"provider\":\"local\",\"model\":\"local-v1\",\"confusion_level\":0.1,\"token_usage\":"
                                + "{\"prompt_tokens\":10,\"completion_tokens\":5,\"total_tokens\":15,\"estimated\":true},"
                                + "\"fallback\":true,\"error\":\"The AI provider had a problem with this answer\","
                                + "\"latency_ms\":3,\"sources\":[],\"incomplete\":true,\"feedback\":{\"rating\":\"up\","
                                + "\"comment\":\"thanks\",\"created_at\":\"2026-11-24T12:00:01Z\"}}",
                        new OldRow("assistant", "local", "local-v1", 10, 5, 15, true, 0.1, 3L, true, "openai: timed out",
                                "{\"sources\":[],\"incomplete\":true}", null, null, null)),
                new Case(message("m4", "bob here", HumanReply.by("bob", new Handoff("with_human", null, "confusion",
                        "note for staff", "bob"))),
                        "{\"author\":\"bob\",\"human\":true,\"handoff\":{\"status\":\"with_human\",\"cause\":\"confusion\","
                                + "\"reason\":\"note for staff\",\"by\":\"bob\"}}",
                        "{\"author\":\"bob\",\"human\":true,\"handoff\":{\"status\":\"with_human\",\"cause\":\"confusion\","
                                + "\"by\":\"bob\"}}",
                        OldRow.plain("assistant", "{\"author\":\"bob\",\"human\":true,\"handoff\":{\"status\":\"with_human\","
                                + "\"cause\":\"confusion\",\"reason\":\"note for staff\",\"by\":\"bob\"}}")),
                new Case(message("m5", "holding", HoldingReply.during(ESCALATED)),
                        "{\"handoff\":{\"status\":\"waiting_for_human\",\"previous_status\":\"bot\",\"cause\":"
                                + "\"customer_request\",\"reason\":\"urgent\",\"by\":\"customer\"}}",
                        "{\"handoff\":{\"status\":\"waiting_for_human\",\"previous_status\":\"bot\",\"cause\":"
                                + "\"customer_request\",\"reason\":\"urgent\",\"by\":\"customer\"}}",
                        OldRow.plain("assistant", "{\"handoff\":{\"status\":\"waiting_for_human\",\"previous_status\":"
                                + "\"bot\",\"cause\":\"customer_request\",\"reason\":\"urgent\",\"by\":\"customer\"}}")),
                new Case(message("m6", "nobody", HoldingReply.during(null)), "{}", "{}",
                        OldRow.plain("assistant", "{}")),
                new Case(message("m7", "handed", new HandoffNote(new Handoff("bot", "with_human", "confusion", "fixed it",
                        "bob"))),
                        "{\"handoff\":{\"status\":\"bot\",\"previous_status\":\"with_human\",\"cause\":\"confusion\","
                                + "\"reason\":\"fixed it\",\"by\":\"bob\"}}",
                        "{\"handoff\":{\"status\":\"bot\",\"previous_status\":\"with_human\",\"cause\":\"confusion\","
                                + "\"by\":\"bob\"}}",
                        OldRow.plain("system", "{\"handoff\":{\"status\":\"bot\",\"previous_status\":\"with_human\","
                                + "\"cause\":\"confusion\",\"reason\":\"fixed it\",\"by\":\"bob\"}}")),
                new Case(message("m8", "offered", new ScreenShareNote(ScreenShareEvent.offered("support_abc"))),
                        "{\"screen_share\":{\"event\":\"offered\",\"channel_name\":\"support_abc\"}}",
                        "{\"screen_share\":{\"event\":\"offered\",\"channel_name\":\"support_abc\"}}",
                        OldRow.plain("system", "{\"screen_share\":{\"event\":\"offered\",\"channel_name\":\"support_abc\"}}")),
                new Case(message("m9", "started", new ScreenShareNote(ScreenShareEvent.started("support_abc", 11, 22, AT,
                        AT.plusSeconds(3600)))),
                        "{\"screen_share\":{\"event\":\"started\",\"channel_name\":\"support_abc\",\"customer_uid\":11,"
                                + "\"agent_uid\":22,\"issued_at\":\"2026-11-24T12:00:01Z\",\"expires_at\":"
                                + "\"2026-11-24T13:00:01Z\"}}",
                        "{\"screen_share\":{\"event\":\"started\",\"channel_name\":\"support_abc\",\"customer_uid\":11,"
                                + "\"agent_uid\":22,\"issued_at\":\"2026-11-24T12:00:01Z\",\"expires_at\":"
                                + "\"2026-11-24T13:00:01Z\"}}",
                        OldRow.plain("system", "{\"screen_share\":{\"event\":\"started\",\"channel_name\":\"support_abc\","
                                + "\"customer_uid\":11,\"agent_uid\":22,\"issued_at\":\"2026-11-24T12:00:01Z\","
                                + "\"expires_at\":\"2026-11-24T13:00:01Z\"}}")),
                new Case(message("m10", "shot", new ScreenshotNote(new MessageMetadata.Screenshot("/uploads/x.png",
                        "Error 0x80070005", 800, 600))),
                        "{\"screenshot\":{\"url\":\"/uploads/x.png\",\"ocr_text\":\"Error 0x80070005\",\"width\":800,"
                                + "\"height\":600}}",
                        "{\"screenshot\":{\"url\":\"/uploads/x.png\",\"ocr_text\":\"Error 0x80070005\",\"width\":800,"
                                + "\"height\":600}}",
                        OldRow.plain("system", "{\"screenshot\":{\"url\":\"/uploads/x.png\",\"ocr_text\":"
                                + "\"Error 0x80070005\",\"width\":800,\"height\":600}}")),
                new Case(message("m11", "shot", new ScreenshotNote(new MessageMetadata.Screenshot("/uploads/y.png", null,
                        80, 60))),
                        "{\"screenshot\":{\"url\":\"/uploads/y.png\",\"width\":80,\"height\":60}}",
                        "{\"screenshot\":{\"url\":\"/uploads/y.png\",\"width\":80,\"height\":60}}",
                        OldRow.plain("system", "{\"screenshot\":{\"url\":\"/uploads/y.png\",\"width\":80,\"height\":60}}")));
    }

    private static ChatMessage message(String id, String content, MessageMetadata metadata) {
        return new ChatMessage(id, content, AT, metadata);
    }

    @Test
    void everyKindOfMessageIsWrittenOnTheWireAsBefore() {
        for (Case kind : cases()) {
            ChatMessage message = kind.message();
            String envelope = "{\"id\":\"" + message.id() + "\",\"role\":\"" + kind.row().role() + "\",\"content\":\""
                    + message.content() + "\",\"timestamp\":\"2026-11-24T12:00:01Z\",\"metadata\":%s}";
            assertThat(json.writeValueAsString(message)).isEqualTo(envelope.formatted(kind.staff()));
            assertThat(json.writeValueAsString(message.forCustomer())).isEqualTo(envelope.formatted(kind.customer()));
        }
    }

    @Test
    void rowsStoredByEarlierVersionsReadBackAsBefore() {
        Conversation conversation = Conversation.start("old-rows", null);
        conversations.create(conversation, ChatMessage.newMessage("first", CustomerMessage.scored(0, List.of(), null,
                null)));
        List<String> ids = new ArrayList<>();
        for (Case kind : cases()) {
            String id = UUID.randomUUID().toString();
            ids.add(id);
            insertAsEarlierVersionsDid(conversation.id(), id, kind.message().content(), kind.row());
        }
        String rated = ids.get(2);
        jdbc.sql("INSERT INTO message_feedback (message_id, rating, comment, created_at) VALUES (:id, 'up', 'thanks', "
                + ":at)").param("id", rated).param("at", OffsetDateTime.ofInstant(AT, ZoneOffset.UTC)).update();

        JsonNode staff = api.asAdmin().get("/api/v1/conversation/" + conversation.id()).json().get("messages");
        JsonNode customer = api.get("/api/v1/conversation/" + conversation.id()).json().get("messages");

        for (int i = 0; i < cases().size(); i++) {
            Case kind = cases().get(i);
            assertThat(staff.get(i + 1).get("role").asString()).isEqualTo(kind.row().role());
            assertThat(staff.get(i + 1).get("metadata").toString()).as(kind.message().id()).isEqualTo(kind.staff());
            assertThat(customer.get(i + 1).get("metadata").toString()).as(kind.message().id())
                    .isEqualTo(kind.customer());
        }
    }

    @Test
    void everyKindIsStoredAsEarlierVersionsStoredIt() {
        Conversation conversation = Conversation.start("new-rows", null);
        List<Case> cases = cases();
        conversations.create(conversation, cases.get(0).message());
        cases.subList(1, cases.size()).forEach(kind -> conversations.append(conversation.id(),
                new ChatMessage(UUID.randomUUID().toString(), kind.message().content(), AT, kind.message().metadata())));

        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT role, provider, model, prompt_tokens, completion_tokens, total_tokens, tokens_estimated,
                       confusion_level, latency_ms, fallback, error, details, route, experiment, variant
                FROM messages WHERE conversation_id = :id ORDER BY seq
                """).param("id", conversation.id()).query().listOfRows();

        assertThat(rows).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            OldRow old = cases.get(i).row();
            Map<String, Object> row = rows.get(i);
            assertThat(List.of(String.valueOf(row.get("role")), String.valueOf(row.get("provider")),
                    String.valueOf(row.get("model")), String.valueOf(row.get("prompt_tokens")),
                    String.valueOf(row.get("completion_tokens")), String.valueOf(row.get("total_tokens")),
                    String.valueOf(row.get("tokens_estimated")), String.valueOf(row.get("confusion_level")),
                    String.valueOf(row.get("latency_ms")), String.valueOf(row.get("fallback")),
                    String.valueOf(row.get("error")), String.valueOf(row.get("details")), String.valueOf(row.get("route")),
                    String.valueOf(row.get("experiment")), String.valueOf(row.get("variant"))))
                    .as(cases.get(i).message().id())
                    .containsExactly(old.role(), String.valueOf(old.provider()), String.valueOf(old.model()),
                            String.valueOf(old.promptTokens()), String.valueOf(old.completionTokens()),
                            String.valueOf(old.totalTokens()), String.valueOf(old.tokensEstimated()),
                            String.valueOf(old.confusionLevel()), String.valueOf(old.latencyMs()),
                            String.valueOf(old.fallback()), String.valueOf(old.error()), old.details(),
                            String.valueOf(old.route()), String.valueOf(old.experiment()), String.valueOf(old.variant()));
        }
    }

    private void insertAsEarlierVersionsDid(String conversationId, String id, String content, OldRow row) {
        jdbc.sql("""
                INSERT INTO messages (id, conversation_id, role, content, created_at, provider, model,
                    prompt_tokens, completion_tokens, total_tokens, tokens_estimated, confusion_level,
                    latency_ms, fallback, error, details, route, experiment, variant)
                VALUES (:id, :conversationId, :role, :content, :createdAt, :provider, :model,
                    :promptTokens, :completionTokens, :totalTokens, :tokensEstimated, :confusionLevel,
                    :latencyMs, :fallback, :error, :details, :route, :experiment, :variant)
                """)
                .param("id", id).param("conversationId", conversationId).param("role", row.role())
                .param("content", content).param("createdAt", OffsetDateTime.ofInstant(AT, ZoneOffset.UTC))
                .param("provider", row.provider()).param("model", row.model())
                .param("promptTokens", row.promptTokens()).param("completionTokens", row.completionTokens())
                .param("totalTokens", row.totalTokens()).param("tokensEstimated", row.tokensEstimated())
                .param("confusionLevel", row.confusionLevel()).param("latencyMs", row.latencyMs())
                .param("fallback", row.fallback()).param("error", row.error()).param("details", row.details())
                .param("route", row.route()).param("experiment", row.experiment()).param("variant", row.variant())
                .update();
    }
}
