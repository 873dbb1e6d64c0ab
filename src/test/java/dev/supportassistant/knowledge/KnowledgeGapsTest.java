package dev.supportassistant.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.supportassistant.ApiClient;
import dev.supportassistant.ApiTest;
import dev.supportassistant.embedding.SentenceEmbeddings;
import dev.supportassistant.privacy.PersonalData;
import dev.supportassistant.privacy.PrivacySettings;
import tools.jackson.databind.JsonNode;

/**
 * Knowledge gaps: questions nothing answers are grouped by meaning, listed for operators, and an
 * operator's answer becomes the knowledge the next customer is answered from.
 */
class KnowledgeGapsTest extends ApiTest {

    private static final List<String> DARK_MODE = List.of("Is there a dark mode?",
            "How do I switch the app to a dark theme?", "can the interface be made black instead of white at night",
            "Night mode setting where?", "I want dark colours in the app");

    @Test
    void fiveWordingsOfAnUnansweredQuestionAreOneGapAndItsAnswerAnswersTheNext() {
        for (String question : DARK_MODE) {
            assertThat(api.chat(question).json().get("message").get("content").asString())
                    .as(question).contains("couldn't find an answer");
        }

        JsonNode gap = await().atMost(Duration.ofSeconds(30)).until(() -> gapWith(DARK_MODE.get(0)),
                found -> found.isPresent() && found.get().get("count").asInt() == 5).orElseThrow();

        assertThat(gap.get("examples").valueStream().map(JsonNode::asString))
                .containsExactlyInAnyOrderElementsOf(DARK_MODE);
        assertThat(gap.get("last_asked_at").asString()).isNotBlank();

        var answered = api.asAdmin().post("/api/v1/knowledge/gaps/" + gap.get("id").asString() + "/answer",
                "{\"title\": \"Dark mode\", \"answer\": " + ApiClient.quote("""
                        ## Turn on dark mode
                        Open **Settings > Appearance** and choose **Dark**. The app follows your system's \
                        light or dark theme when you choose **Automatic**.""") + "}");
        try {
            assertThat(answered.status()).as(answered.body()).isEqualTo(201);
            assertThat(gapWith(DARK_MODE.get(0))).isEmpty();

            String reply = api.chat("Does the app have a dark theme?").json().get("message").get("content").asString();

            assertThat(reply).contains("Settings > Appearance").contains("Dark");
            assertThat(api.asAdmin().post("/api/v1/knowledge/gaps/" + gap.get("id").asString() + "/answer",
                    "{\"title\": \"Again\", \"answer\": \"x\"}").status()).isEqualTo(404);
        } finally {
            api.asAdmin().send("DELETE", "/api/v1/docs/" + answered.json().get("id").asString(), null);
        }
    }

    @Test
    void aQuestionWhoseAnswerTheCustomerRatedDownIsAGap() {
        String question = "My invoices from last spring show the wrong company address";
        JsonNode reply = api.chat(question).json();
        String conversation = reply.get("conversation_id").asString();
        String answerId = reply.get("message").get("id").asString();

        var rated = api.post("/api/v1/conversation/" + conversation + "/messages/" + answerId + "/feedback",
                "{\"rating\": \"down\"}");

        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        JsonNode gap = await().atMost(Duration.ofSeconds(30)).until(() -> gapWith(question), Optional::isPresent)
                .orElseThrow();
        assertThat(gap.get("thumbs_down").asInt()).isPositive();
    }

    @Test
    void withStoreMaskedAGapsQuestionIsKeptMasked(@Autowired GapStore store, @Autowired SentenceEmbeddings embeddings,
            @Autowired DocumentLibrary library, @Autowired KnowledgeSettings settings) {
        KnowledgeGaps masked = new KnowledgeGaps(store, embeddings, library, settings,
                new PersonalData(new PrivacySettings(true, true, "US")));
        String conversation = api.chat("Hello").json().get("conversation_id").asString();

        masked.record(conversation, "Why was my parcel to jane.doe@example.com returned to the depot",
                KnowledgeGaps.NO_ANSWER);

        assertThat(gapWith("Why was my parcel to [EMAIL] returned to the depot")).isPresent();
        assertThat(api.asAdmin().get("/api/v1/knowledge/gaps").body()).doesNotContain("jane.doe");
    }

    /**
     * A gap's centroid made by another model (the full-precision one, before the column) is computed
     * again at start from its stored questions, once; a gap without questions left is deleted.
     */
    @Test
    void openGapsMadeByAnotherModelGetTheirCentroidFromTheirQuestionsAgain(@Autowired KnowledgeGaps gaps,
            @Autowired JdbcClient jdbc, @Autowired SentenceEmbeddings embeddings) {
        String conversation = api.chat("Hello").json().get("conversation_id").asString();
        List<String> questions = List.of("Can I pay the yearly plan with a bank transfer from abroad?",
                "Is paying by international wire transfer possible?");
        float[] stale = new float[SentenceEmbeddings.DIMENSIONS];
        stale[0] = 1;
        String madeBefore = insertGap(jdbc, stale, null);
        String withoutQuestions = insertGap(jdbc, stale, "all-MiniLM-L6-v2");
        String current = insertGap(jdbc, stale, SentenceEmbeddings.MODEL);
        for (String question : questions) {
            for (String gap : List.of(madeBefore, current)) {
                jdbc.sql("""
                        INSERT INTO knowledge_gap_questions (id, gap_id, conversation_id, question, reason, created_at)
                        VALUES (:id, :gap, :conversation, :question, 'no_answer', CURRENT_TIMESTAMP)
                        """).param("id", UUID.randomUUID().toString()).param("gap", gap)
                        .param("conversation", conversation).param("question", question).update();
            }
        }

        gaps.embedQuestionsAgain();

        float[] mean = new float[SentenceEmbeddings.DIMENSIONS];
        for (float[] vector : embeddings.embedAll(questions)) {
            for (int i = 0; i < mean.length; i++) {
                mean[i] += vector[i] / questions.size();
            }
        }
        GapRow again = gapRow(jdbc, madeBefore).orElseThrow();
        assertThat(again.embeddedWith()).isEqualTo(SentenceEmbeddings.MODEL);
        assertThat(again.members()).isEqualTo(questions.size());
        assertThat(SentenceEmbeddings.similarity(again.centroid(), mean)
                / Math.sqrt(SentenceEmbeddings.similarity(mean, mean))).isGreaterThan(0.9999);
        assertThat(gapRow(jdbc, withoutQuestions)).isEmpty();
        assertThat(gapRow(jdbc, current).orElseThrow().centroid()).as("left alone").isEqualTo(stale);

        gaps.embedQuestionsAgain();
        assertThat(gapRow(jdbc, madeBefore).orElseThrow().centroid()).isEqualTo(again.centroid());
    }

    @Test
    void aGapWithManyQuestionsIsEmbeddedAgainFromItsLatestOnly(@Autowired GapStore store, @Autowired JdbcClient jdbc,
            @Autowired SentenceEmbeddings embeddings) {
        String conversation = api.chat("Hello").json().get("conversation_id").asString();
        List<String> questions = List.of("Where can I order printed manuals for the desktop app?",
                "Do you sell a printed handbook?", "Is there a paper version of the user guide?");
        String gap = insertGap(jdbc, new float[SentenceEmbeddings.DIMENSIONS], null);
        for (int i = 0; i < questions.size(); i++) {
            jdbc.sql("""
                    INSERT INTO knowledge_gap_questions (id, gap_id, conversation_id, question, reason, created_at)
                    VALUES (:id, :gap, :conversation, :question, 'no_answer', :at)
                    """).param("id", UUID.randomUUID().toString()).param("gap", gap).param("conversation", conversation)
                    .param("question", questions.get(i))
                    .param("at", java.time.OffsetDateTime.parse("2026-01-0" + (i + 1) + "T10:00:00Z")).update();
        }

        store.embedAgain(gap, SentenceEmbeddings.MODEL, 2, embeddings::embedAll);

        float[] latest = new float[SentenceEmbeddings.DIMENSIONS];
        for (float[] vector : embeddings.embedAll(questions.subList(1, 3))) {
            for (int i = 0; i < latest.length; i++) {
                latest[i] += vector[i];
            }
        }
        GapRow again = gapRow(jdbc, gap).orElseThrow();
        assertThat(again.members()).isEqualTo(2);
        assertThat(SentenceEmbeddings.similarity(again.centroid(), latest)
                / Math.sqrt(SentenceEmbeddings.similarity(latest, latest))).isGreaterThan(0.9999);
    }

    private record GapRow(float[] centroid, int members, @Nullable String embeddedWith) {
    }

    private static String insertGap(JdbcClient jdbc, float[] centroid, @Nullable String embeddedWith) {
        String id = UUID.randomUUID().toString();
        jdbc.sql("""
                INSERT INTO knowledge_gaps (id, status, centroid, members, created_at, embedded_with)
                VALUES (:id, 'open', :centroid, 7, CURRENT_TIMESTAMP, :model)
                """).param("id", id).param("centroid", SentenceEmbeddings.toBytes(centroid))
                .param("model", embeddedWith).update();
        return id;
    }

    private static Optional<GapRow> gapRow(JdbcClient jdbc, String id) {
        return jdbc.sql("SELECT centroid, members, embedded_with FROM knowledge_gaps WHERE id = :id").param("id", id)
                .query((rs, row) -> new GapRow(SentenceEmbeddings.fromBytes(rs.getBytes("centroid")),
                        rs.getInt("members"), rs.getString("embedded_with")))
                .optional();
    }

    @Test
    void gapsAreForOperatorsOnly() {
        assertThat(api.get("/api/v1/knowledge/gaps").status()).isEqualTo(401);
        assertThat(api.asAdmin().post("/api/v1/knowledge/gaps/nope/answer", "{\"title\": \"T\", \"answer\": \"A\"}")
                .status()).isEqualTo(404);
    }

    private Optional<JsonNode> gapWith(String question) {
        return api.asAdmin().get("/api/v1/knowledge/gaps").json().valueStream()
                .filter(gap -> gap.get("examples").valueStream().anyMatch(example -> example.asString().equals(question)))
                .findFirst();
    }
}
