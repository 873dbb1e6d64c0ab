package dev.supportassistant.knowledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import dev.supportassistant.embedding.SentenceEmbeddings;

/** Knowledge gaps and their questions in SQL. */
@Repository
class GapStore {

    private final JdbcClient jdbc;

    GapStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An open gap's centroid, for telling which gap a new question belongs to. */
    record Centroid(String id, float[] vector, int members) {
    }

    List<Centroid> openCentroids() {
        return jdbc.sql("SELECT id, centroid, members FROM knowledge_gaps WHERE status = 'open'")
                .query((rs, row) -> new Centroid(rs.getString("id"), SentenceEmbeddings.fromBytes(rs.getBytes("centroid")),
                        rs.getInt("members")))
                .list();
    }

    /** Adds a question to the gap, moving its centroid; or to a new gap when {@code gap} is absent. */
    @Transactional
    void add(Optional<Centroid> gap, float[] vector, String conversationId, String question, String reason, Instant at) {
        String gapId;
        if (gap.isPresent()) {
            gapId = gap.get().id();
            float[] moved = gap.get().vector().clone();
            for (int i = 0; i < moved.length; i++) {
                moved[i] = moved[i] * gap.get().members() + vector[i];
            }
            jdbc.sql("UPDATE knowledge_gaps SET centroid = :centroid, members = members + 1 WHERE id = :id")
                    .param("centroid", SentenceEmbeddings.toBytes(normalized(moved))).param("id", gapId).update();
        } else {
            gapId = UUID.randomUUID().toString();
            jdbc.sql("""
                    INSERT INTO knowledge_gaps (id, status, centroid, members, created_at, embedded_with)
                    VALUES (:id, 'open', :centroid, 1, :at, :model)
                    """)
                    .param("id", gapId).param("centroid", SentenceEmbeddings.toBytes(normalized(vector.clone())))
                    .param("at", time(at)).param("model", SentenceEmbeddings.MODEL).update();
        }
        jdbc.sql("""
                INSERT INTO knowledge_gap_questions (id, gap_id, conversation_id, question, reason, created_at)
                VALUES (:id, :gap, :conversation, :question, :reason, :at)
                """)
                .param("id", UUID.randomUUID().toString()).param("gap", gapId).param("conversation", conversationId)
                .param("question", question).param("reason", reason).param("at", time(at)).update();
    }

    /** Open gaps whose centroid was made by another model than {@code model}. */
    List<String> openGapsEmbeddedOtherwise(String model) {
        return jdbc.sql("""
                SELECT id FROM knowledge_gaps
                WHERE status = 'open' AND (embedded_with IS NULL OR embedded_with <> :model)
                """)
                .param("model", model).query(String.class).list();
    }

    /** What became of an open gap made by another model. */
    enum EmbeddedAgain { CENTROID_REPLACED, NO_QUESTION_LEFT_SO_DELETED, NOTHING_TO_DO }

    /**
     * Computes an open gap's centroid again with {@code model}: the mean of its latest stored
     * questions' vectors ({@code embed}, at most {@code maxQuestions} of them), its member
     * count theirs. A gap none of whose questions is left (their conversations were erased) cannot
     * be, is listed nowhere, and is deleted. The gap's row is claimed first: an instance doing the
     * same at once, or adding a question to the gap, waits for this transaction.
     */
    @Transactional
    EmbeddedAgain embedAgain(String gapId, String model, int maxQuestions,
            Function<List<String>, List<float[]>> embed) {
        boolean claimed = jdbc.sql("""
                UPDATE knowledge_gaps SET embedded_with = :model
                WHERE id = :id AND status = 'open' AND (embedded_with IS NULL OR embedded_with <> :model)
                """)
                .param("model", model).param("id", gapId).update() > 0;
        if (!claimed) {
            return EmbeddedAgain.NOTHING_TO_DO;
        }
        List<String> questions = jdbc.sql("""
                SELECT question FROM knowledge_gap_questions WHERE gap_id = :id
                ORDER BY created_at DESC, id LIMIT :max
                """)
                .param("id", gapId).param("max", maxQuestions).query(String.class).list();
        if (questions.isEmpty()) {
            jdbc.sql("DELETE FROM knowledge_gaps WHERE id = :id").param("id", gapId).update();
            return EmbeddedAgain.NO_QUESTION_LEFT_SO_DELETED;
        }
        float[] sum = new float[SentenceEmbeddings.DIMENSIONS];
        for (float[] vector : embed.apply(questions)) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += vector[i];
            }
        }
        jdbc.sql("UPDATE knowledge_gaps SET centroid = :centroid, members = :members WHERE id = :id")
                .param("centroid", SentenceEmbeddings.toBytes(normalized(sum))).param("members", questions.size())
                .param("id", gapId).update();
        return EmbeddedAgain.CENTROID_REPLACED;
    }

    /** The open gaps with questions, the most asked first; each with its latest {@code examples} questions. */
    List<KnowledgeGap> open(int examples) {
        record Question(String gapId, String text, String reason, Instant at) {
        }
        List<Question> questions = jdbc.sql("""
                SELECT q.gap_id, q.question, q.reason, q.created_at
                FROM knowledge_gap_questions q JOIN knowledge_gaps g ON g.id = q.gap_id
                WHERE g.status = 'open'
                ORDER BY q.created_at DESC
                """)
                .query((rs, row) -> new Question(rs.getString("gap_id"), rs.getString("question"), rs.getString("reason"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
        Map<String, List<Question>> byGap = new LinkedHashMap<>();
        questions.forEach(question -> byGap.computeIfAbsent(question.gapId(), id -> new ArrayList<>()).add(question));
        return byGap.entrySet().stream()
                .map(gap -> {
                    List<Question> asked = gap.getValue();
                    return new KnowledgeGap(gap.getKey(), asked.size(), asked.get(asked.size() - 1).at(), asked.get(0).at(),
                            asked.stream().map(Question::text).distinct().limit(examples).toList(),
                            (int) asked.stream().filter(question -> question.reason().equals(KnowledgeGaps.THUMBS_DOWN))
                                    .count());
                })
                .sorted(java.util.Comparator.comparingInt(KnowledgeGap::count).reversed()
                        .thenComparing(KnowledgeGap::lastAskedAt, java.util.Comparator.reverseOrder()))
                .toList();
    }

    /** Closes an open gap with the document that answers it; whether it was open. */
    boolean close(String id, String documentId, Instant at) {
        return jdbc.sql("""
                UPDATE knowledge_gaps SET status = 'answered', document_id = :document, answered_at = :at
                WHERE id = :id AND status = 'open'
                """)
                .param("document", documentId).param("at", time(at)).param("id", id).update() > 0;
    }

    boolean isOpen(String id) {
        return jdbc.sql("SELECT COUNT(*) FROM knowledge_gaps WHERE id = :id AND status = 'open'").param("id", id)
                .query(Integer.class).single() > 0;
    }

    private static float[] normalized(float[] vector) {
        double length = 0;
        for (float value : vector) {
            length += value * value;
        }
        length = Math.sqrt(length);
        if (length > 0) {
            for (int i = 0; i < vector.length; i++) {
                vector[i] = (float) (vector[i] / length);
            }
        }
        return vector;
    }

    private static OffsetDateTime time(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
