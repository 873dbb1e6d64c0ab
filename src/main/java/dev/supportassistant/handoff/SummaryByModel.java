package dev.supportassistant.handoff;

import java.time.Instant;
import java.util.concurrent.RejectedExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.supportassistant.conversation.Conversations;

/**
 * After an escalation is committed, lets the active model write the handoff note in its words, in
 * place of the one put together from the conversation ({@link HandoffSummaries#byModel}). On a
 * thread of its own: a model takes seconds, and neither the customer's turn (whose holding reply is
 * already on its way) nor whoever's request committed the escalation waits for it.
 *
 * <p>Why not Spring Modulith's event publication registry: what is at stake is the wording of a
 * note, not data. The note from the conversation is stored with the escalation, so a crash (or a
 * full queue here) before the model's note is written leaves that one, and the registry would cost
 * every published event two more statements in the turn's transaction.
 */
@Component
class SummaryByModel implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SummaryByModel.class);
    /** Escalations whose note waits for a model; beyond, the conversation's own note stays. */
    static final int MAX_WAITING = 100;

    private final HandoffSummaries summaries;
    private final HandoffService handoffs;
    private final Conversations conversations;
    private final ThreadPoolTaskExecutor writers = new ThreadPoolTaskExecutor();

    SummaryByModel(HandoffSummaries summaries, HandoffService handoffs, Conversations conversations) {
        this.summaries = summaries;
        this.handoffs = handoffs;
        this.conversations = conversations;
        writers.setThreadNamePrefix("handoff-summary-");
        writers.setCorePoolSize(2);
        writers.setMaxPoolSize(2);
        writers.setQueueCapacity(MAX_WAITING);
        writers.setDaemon(true);
        writers.initialize();
    }

    @TransactionalEventListener
    void on(HandoffEvent.Escalated escalated) {
        Instant escalatedAt = escalated.handoff().requestedAt();
        if (escalatedAt == null || !summaries.modelAnswers()) {
            return;
        }
        String conversationId = escalated.handoff().conversationId();
        try {
            writers.execute(() -> write(conversationId, escalatedAt));
        } catch (RejectedExecutionException busy) {
            log.warn("Handoff summary by the AI provider skipped: {} escalations wait for one already", MAX_WAITING);
        }
    }

    private void write(String conversationId, Instant escalatedAt) {
        try {
            summaries.byModel(conversations.recentMessages(conversationId))
                    .ifPresent(note -> handoffs.summarized(conversationId, escalatedAt, note));
        } catch (RuntimeException failed) {
            log.warn("Handoff summary by the AI provider not stored ({}); the one from the conversation stays",
                    failed.getClass().getSimpleName());
        }
    }

    @Override
    public void destroy() {
        writers.shutdown();
    }
}
