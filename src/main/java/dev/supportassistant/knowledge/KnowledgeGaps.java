package dev.supportassistant.knowledge;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

import dev.supportassistant.embedding.SentenceEmbeddings;
import dev.supportassistant.privacy.PersonalData;

/**
 * What customers ask that the knowledge base does not answer: questions no passage answered well
 * enough (the offline agent's "I couldn't find an answer", or a model given no passage above
 * {@link KnowledgeBase#CONFIDENT_RELEVANCE}), and questions whose answer the customer rated down.
 * Each is embedded (all-MiniLM-L6-v2, as every passage is) and joins the open gap whose mean
 * embedding it resembles by at least {@link #SAME_GAP}, or starts one; an operator's answer to a gap
 * becomes a knowledge document, found by the next customer who asks, and closes it.
 *
 * <p>Questions are recorded on a thread of their own after the turn, so no customer waits for it; when
 * more than {@link #BACKLOG} wait, newer ones are dropped rather than queued without bound. The
 * questions are customers' words: they are shown to operators as such and never logged.
 *
 * <p>A gap's centroid is comparable only with vectors of the model that made it: at start, open gaps
 * made by another model ({@link SentenceEmbeddings#MODEL}) get theirs again from their stored questions.
 */
@Service
public class KnowledgeGaps implements DisposableBean, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeGaps.class);
    public static final String NO_ANSWER = "no_answer";
    public static final String THUMBS_DOWN = "thumbs_down";
    /**
     * Resemblance (cosine) to a gap's mean from which a question belongs to it: differently worded
     * questions about one missing topic measure 0.34 to 0.82 to each other and more to their mean,
     * questions about different topics at most 0.31 (measured with the bundled model on
     * {@code KnowledgeGapsTest}'s questions and four unrelated ones).
     */
    static final double SAME_GAP = 0.45;
    static final int EXAMPLES = 5;
    static final int BACKLOG = 1000;
    /**
     * Questions of a gap embedded again at most when the model changes: the latest, a bound on the
     * work and memory one gap can take at start; more would hardly move their mean.
     */
    static final int MAX_QUESTIONS_EMBEDDED_AGAIN = 1000;

    private final GapStore store;
    private final SentenceEmbeddings embeddings;
    private final DocumentLibrary library;
    private final KnowledgeSettings settings;
    private final PersonalData personalData;
    private final ThreadPoolExecutor recording = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(BACKLOG), task -> {
                Thread thread = new Thread(task, "knowledge-gaps");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    KnowledgeGaps(GapStore store, SentenceEmbeddings embeddings, DocumentLibrary library, KnowledgeSettings settings,
            PersonalData personalData) {
        this.personalData = personalData;
        this.store = store;
        this.embeddings = embeddings;
        this.library = library;
        this.settings = settings;
    }

    /** Runs once every bean exists and before the web server takes requests. */
    @Override
    public void afterSingletonsInstantiated() {
        if (settings.enabled()) {
            embedQuestionsAgain();
        }
    }

    /**
     * Computes again, from their latest stored questions, the centroids of open gaps made by another model
     * than the one the service embeds with now; a gap none of whose questions is left is deleted.
     */
    void embedQuestionsAgain() {
        int replaced = 0;
        int deleted = 0;
        for (String gap : store.openGapsEmbeddedOtherwise(SentenceEmbeddings.MODEL)) {
            switch (store.embedAgain(gap, SentenceEmbeddings.MODEL, MAX_QUESTIONS_EMBEDDED_AGAIN,
                    embeddings::embedAll)) {
                case CENTROID_REPLACED -> replaced++;
                case NO_QUESTION_LEFT_SO_DELETED -> deleted++;
                case NOTHING_TO_DO -> {
                }
            }
        }
        if (replaced + deleted > 0) {
            log.info("Knowledge gaps made by another embedding model: {} embedded again from their questions, "
                    + "{} without questions deleted", replaced, deleted);
        }
    }

    /**
     * Records, after the caller's turn, a question the knowledge base did not answer. Messages of
     * fewer than two content words ("thanks!", "hello?") name no topic and are left out.
     *
     * @param reason {@link #NO_ANSWER} or {@link #THUMBS_DOWN}
     */
    public void unanswered(String conversationId, String question, String reason) {
        if (settings.enabled() && TextTerms.of(question).size() >= 2) {
            recording.execute(() -> {
                try {
                    record(conversationId, question.strip(), reason);
                } catch (DataIntegrityViolationException conversationErased) {
                    log.debug("A gap question's conversation was erased before it was recorded");
                } catch (RuntimeException failed) {
                    log.warn("Recording a knowledge gap failed: {}", failed.getClass().getSimpleName());
                }
            });
        }
    }

    /**
     * Records a question now, on the caller's thread; one at a time, so two alike cannot start two gaps here.
     * Kept as the customer's messages are ({@code PII_STORE_MASKED}).
     */
    synchronized void record(String conversationId, String asked, String reason) {
        String question = personalData.forStorage(asked);
        float[] vector = embeddings.embed(question);
        Optional<GapStore.Centroid> nearest = store.openCentroids().stream()
                .filter(gap -> SentenceEmbeddings.similarity(vector, gap.vector()) >= SAME_GAP)
                .max(Comparator.comparingDouble(gap -> SentenceEmbeddings.similarity(vector, gap.vector())));
        store.add(nearest, vector, conversationId, question, reason, KnowledgeStore.now());
    }

    /** The open gaps, the most asked first. */
    public List<KnowledgeGap> open() {
        return store.open(EXAMPLES);
    }

    /**
     * Answers a gap: the answer becomes a knowledge document (as {@code POST /api/v1/docs} adds one)
     * and the gap is closed.
     *
     * @throws ErrorResponseException 404 when there is no such open gap, 422 for a blank title or answer
     */
    public KnowledgeDocument answer(String gapId, String title, String answer) {
        if (!store.isOpen(gapId)) {
            throw refusal(HttpStatus.NOT_FOUND, "No open knowledge gap with this id; it may have been answered already");
        }
        if (title.isBlank() || title.length() > 500) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "title: 1 to 500 characters: what the answer is about");
        }
        if (answer.isBlank() || answer.length() > 200_000) {
            throw refusal(HttpStatus.UNPROCESSABLE_CONTENT, "answer: 1 to 200000 characters of Markdown or text");
        }
        KnowledgeDocument document = library.add(title.strip(), answer);
        if (!store.close(gapId, document.id(), Instant.now())) {
            library.delete(document.id()); // answered by someone else meanwhile
            throw refusal(HttpStatus.CONFLICT, "This gap was answered meanwhile");
        }
        return document;
    }

    @Override
    public void destroy() {
        recording.shutdownNow();
    }

    private static ErrorResponseException refusal(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
