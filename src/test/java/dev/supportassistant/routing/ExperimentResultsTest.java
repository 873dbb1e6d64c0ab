package dev.supportassistant.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ChatRequest;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/experiments/{name}}: each figure equals the same figure computed here
 * directly from the stored messages with SQL, by an independent route.
 */
class ExperimentResultsTest extends RoutedProviderFakesTest {

    /** The test context's prices: MODEL_PRICES overrides gpt-4.1-mini; the rest are built in. */
    private static final Map<String, double[]> PRICES = Map.of("gpt-4.1-mini", new double[] {1, 2},
            "claude-sonnet-4-5", new double[] {3, 15}, "llama3.2", new double[] {0, 0},
            "help-center-retrieval", new double[] {0, 0});

    @Autowired
    private JdbcClient jdbc;

    @BeforeEach
    void everyProviderAnswers() {
        OPENAI.stubFor(openAiChat(false).willReturn(openAiReply("From OpenAI.", 100, 20)));
        ANTHROPIC.stubFor(anthropicMessages(false).willReturn(anthropicReply("From Anthropic.", 200, 40)));
        OLLAMA.stubFor(ollamaChat(false).willReturn(ollamaReply("From Ollama.", 50, 10)));
    }

    private JsonNode chat(String message, String conversationId) {
        return api.chat(ChatRequest.message(message).in(conversationId)).json();
    }

    private void rate(JsonNode answer, String rating) {
        var response = customer.post("/api/v1/conversation/" + answer.get("conversation_id").asString() + "/messages/"
                + answer.at("/message/id").asString() + "/feedback", "{\"rating\": \"" + rating + "\"}");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void theReportedFiguresEqualThoseComputedFromTheStoredMessages() {
        List<String> topics = List.of("What is the capital of France?", "Tell me a fun fact about owls.",
                "Which planet is the largest?", "Recommend a good book about sailing.", "Who painted the Mona Lisa?",
                "How tall is Mount Everest?", "What is the boiling point of water?", "Name a famous composer.");
        for (int i = 0; i < topics.size(); i++) {
            JsonNode first = chat(topics.get(i), null);
            String id = first.get("conversation_id").asString();
            rate(first, i % 3 == 0 ? "down" : "up");
            if (i % 2 == 0) {
                JsonNode second = chat(i == 0 ? RoutingRulesTest.CONFUSED : "Thanks, that helps a lot.", id);
                rate(second, "up");
                if (i == 0) {
                    rate(second, "down");
                }
            }
            if (i == 1) {
                // One conversation escalated to a person.
                assertThat(api.post("/api/v1/conversation/" + id + "/handoff", "{\"reason\": \"I want a person\"}")
                        .status()).isEqualTo(200);
            }
            if (i == 3) {
                // One reply by a fallback: OpenAI fails once, the chain answers.
                OPENAI.resetAll();
                OPENAI.stubFor(openAiChat(false).willReturn(openAiError(500, "server_error", "boom")));
                chat("And one more question about knots?", id);
                everyProviderAnswers();
            }
        }

        var response = api.get("/api/v1/experiments/" + EXPERIMENT);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("configured").asBoolean()).isTrue();

        long replies = 0;
        long downs = 0;
        long fallbacks = 0;
        long handoffs = 0;
        for (JsonNode variant : report.get("variants")) {
            String name = variant.get("variant").asString();
            replies += variant.get("replies").asLong();
            downs += variant.at("/feedback/down").asLong();
            fallbacks += variant.at("/fallback/count").asLong();

            assertThat(variant.get("conversations").asLong()).as(name)
                    .isEqualTo(count("SELECT COUNT(DISTINCT conversation_id) FROM messages WHERE experiment = :e AND variant = :v", name));
            assertThat(variant.get("customer_messages").asLong()).as(name)
                    .isEqualTo(count("SELECT COUNT(*) FROM messages WHERE experiment = :e AND variant = :v AND role = 'user'", name));
            assertThat(variant.get("replies").asLong()).as(name).isEqualTo(count(REPLIES, name));
            assertThat(variant.get("routed_replies").asLong()).as(name)
                    .isEqualTo(count(REPLIES + " AND route IS NOT NULL", name));
            assertThat(variant.at("/tokens/prompt").asLong()).as(name)
                    .isEqualTo(count("SELECT COALESCE(SUM(prompt_tokens), 0) FROM messages WHERE experiment = :e AND variant = :v AND role = 'assistant'", name));
            assertThat(variant.at("/tokens/completion").asLong()).as(name)
                    .isEqualTo(count("SELECT COALESCE(SUM(completion_tokens), 0) FROM messages WHERE experiment = :e AND variant = :v AND role = 'assistant'", name));
            assertThat(new BigDecimal(variant.at("/estimated_cost/usd").asString())).as(name)
                    .isEqualByComparingTo(cost(name));
            assertThat(variant.at("/fallback/count").asLong()).as(name)
                    .isEqualTo(count(REPLIES + " AND fallback = TRUE", name));
            assertThat(variant.at("/fallback/total").asLong()).isEqualTo(variant.get("replies").asLong());
            assertThat(variant.at("/feedback/up").asLong()).as(name).isEqualTo(count(RATED + " AND f.rating = 'up'", name));
            assertThat(variant.at("/feedback/down").asLong()).as(name).isEqualTo(count(RATED + " AND f.rating = 'down'", name));
            List<Long> latencies = jdbc.sql("SELECT latency_ms FROM messages WHERE experiment = :e AND variant = :v "
                    + "AND role = 'assistant' ORDER BY latency_ms").param("e", EXPERIMENT).param("v", name)
                    .query(Long.class).list();
            if (!latencies.isEmpty()) {
                assertThat(variant.at("/latency_ms/p50").asLong()).isEqualTo(nearestRank(latencies, 0.50));
                assertThat(variant.at("/latency_ms/p95").asLong()).isEqualTo(nearestRank(latencies, 0.95));
            }
            assertThat(variant.at("/screen_share/count").asLong()).as(name).isEqualTo(count("""
                    SELECT COUNT(DISTINCT conversation_id) FROM messages WHERE role = 'system'
                      AND details LIKE '%"event":"offered"%'
                      AND conversation_id IN (SELECT conversation_id FROM messages WHERE experiment = :e AND variant = :v)
                    """, name));
            assertThat(variant.at("/screen_share/total").asLong()).isEqualTo(variant.get("conversations").asLong());
            long[] fell = confusionFell(name);
            assertThat(variant.at("/confusion_fell/count").asLong()).as(name).isEqualTo(fell[0]);
            assertThat(variant.at("/confusion_fell/total").asLong()).as(name).isEqualTo(fell[1]);
            assertThat(variant.at("/handoff/count").asLong()).as(name).isEqualTo(count("""
                    SELECT COUNT(DISTINCT conversation_id) FROM messages WHERE role = 'system'
                      AND details LIKE '%"handoff":{"status":"waiting_for_human"%'
                      AND conversation_id IN (SELECT conversation_id FROM messages WHERE experiment = :e AND variant = :v)
                    """, name));
            handoffs += variant.at("/handoff/count").asLong();
            if (variant.at("/feedback/up_share/total").asLong() > 0) {
                assertThat(variant.at("/feedback/up_share/ci95_low").asDouble())
                        .isLessThanOrEqualTo(variant.at("/feedback/up_share/rate").asDouble());
            }
        }
        assertThat(replies).isEqualTo(count("SELECT COUNT(*) FROM messages WHERE experiment = :e AND role = 'assistant' AND :v = :v", "any"));
        assertThat(replies).isGreaterThanOrEqualTo(13);
        // The figures above are not all zero: what this test stored shows up.
        assertThat(downs).isGreaterThanOrEqualTo(4);
        assertThat(fallbacks).isGreaterThanOrEqualTo(1);
        assertThat(handoffs).isEqualTo(1);
    }

    @Test
    void anUnknownExperimentIsNotFoundAndResultsAreForOperatorsOnly() {
        assertThat(api.get("/api/v1/experiments/no-such-experiment").status()).isEqualTo(404);
        assertThat(customer.get("/api/v1/experiments/" + EXPERIMENT).status()).isIn(401, 403);
    }

    private static final String REPLIES = "SELECT COUNT(*) FROM messages WHERE experiment = :e AND variant = :v AND role = 'assistant'";
    private static final String RATED = "SELECT COUNT(*) FROM message_feedback f JOIN messages m ON m.id = f.message_id "
            + "WHERE m.experiment = :e AND m.variant = :v";

    private long count(String sql, String variant) {
        return jdbc.sql(sql).param("e", EXPERIMENT).param("v", variant).query(Long.class).single();
    }

    private BigDecimal cost(String variant) {
        BigDecimal total = BigDecimal.ZERO;
        List<Map<String, Object>> rows = jdbc.sql("""
                SELECT model, SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion FROM messages
                WHERE experiment = :e AND variant = :v AND role = 'assistant' GROUP BY model
                """).param("e", EXPERIMENT).param("v", variant).query().listOfRows();
        for (Map<String, Object> row : rows) {
            String model = (String) row.get("model");
            double[] price = PRICES.entrySet().stream().filter(entry -> model.startsWith(entry.getKey()))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError("no price for " + model));
            total = total.add(BigDecimal.valueOf(((Number) row.get("prompt")).longValue() * price[0]
                    + ((Number) row.get("completion")).longValue() * price[1]).divide(BigDecimal.valueOf(1_000_000)));
        }
        return total.setScale(6, RoundingMode.HALF_UP);
    }

    private static long nearestRank(List<Long> sorted, double share) {
        return sorted.get((int) Math.ceil(share * sorted.size()) - 1);
    }

    /** {conversations whose customer's confusion fell from one message to the next, conversations with two or more}. */
    private long[] confusionFell(String variant) {
        Map<String, List<Double>> levels = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT conversation_id, confusion_level FROM messages WHERE role = 'user' AND confusion_level IS NOT NULL
                  AND conversation_id IN (SELECT conversation_id FROM messages WHERE experiment = :e AND variant = :v)
                ORDER BY conversation_id, seq
                """).param("e", EXPERIMENT).param("v", variant)
                .query((rs, row) -> levels.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(rs.getDouble(2)))
                .list();
        long fell = 0;
        long assessed = 0;
        for (List<Double> conversation : levels.values()) {
            if (conversation.size() < 2) {
                continue;
            }
            assessed++;
            for (int i = 1; i < conversation.size(); i++) {
                if (conversation.get(i) < conversation.get(i - 1)) {
                    fell++;
                    break;
                }
            }
        }
        return new long[] {fell, assessed};
    }
}
