package dev.supportassistant.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import dev.supportassistant.knowledge.KnowledgePassage;
import dev.supportassistant.privacy.Masking;
import dev.supportassistant.privacy.PersonalData;
import dev.supportassistant.privacy.StreamingRestorer;

/**
 * The one place where personal data is taken out of what goes to an AI provider and put back into
 * what comes from it: {@link AgentDispatcher} passes every request through here before any agent
 * but {@code local} sees it, whoever asked (a customer's turn, streamed or not, a handoff note, a
 * desk draft), so no caller can forget it.
 *
 * <p>Why a new {@link Masking} per request, built from the request's own texts, rather than one
 * remembered per conversation: the request carries the conversation's history, oldest first, and
 * masking it in that order (then the new message, the help passages, the screenshot's text) numbers
 * the placeholders the same way every turn, so the same value gets the same placeholder within the
 * conversation without storing anything, on any instance. The card and the secret a customer typed
 * are never kept anywhere for this.
 *
 * <p>The offline {@code local} agent gets the request as it is: nothing leaves the process, and it
 * answers from the help articles only, never repeating the customer's words, so the customer sees
 * the same kind of answer whichever agent wrote it.
 */
@Component
class PromptMasking {

    private final PersonalData personalData;

    PromptMasking(PersonalData personalData) {
        this.personalData = personalData;
    }

    /** A request as a provider may see it, with the masking that restores its answer. */
    record Masked(AgentRequest request, Masking masking, List<KnowledgePassage> originalPassages) {

        /** The answer as the customer may see it: placeholders restored, the sources as they were. */
        AgentReply restored(AgentReply reply) {
            List<KnowledgePassage> sources = reply.sources().stream().map(this::original).toList();
            return new AgentReply(masking.restore(reply.content()), reply.model(), reply.usage(), sources,
                    reply.nothingFound());
        }

        /** The help passage a masked copy was made of (the model's reply lists the copies it was given). */
        private KnowledgePassage original(KnowledgePassage masked) {
            return originalPassages.stream().filter(passage -> passage.chunkId().equals(masked.chunkId())).findFirst()
                    .orElse(masked);
        }

        /** A listener that is passed the streamed answer restored, placeholders cut by a piece's end included. */
        Restoring restoring(@Nullable Consumer<String> onText) {
            return new Restoring(masking.restoring(), onText);
        }
    }

    /**
     * Everything in the request that a customer could have written or shown, masked in one order:
     * the history oldest first, the new message, the help passages, the screenshot's text and labels. The
     * instructions ({@code SYSTEM_PROMPT}, an experiment's) are the operator's and stay as they are.
     */
    Masked mask(AgentRequest request) {
        Masking masking = personalData.newMasking();
        List<ConversationTurn> history = new ArrayList<>(request.history().size());
        for (ConversationTurn turn : request.history()) {
            history.add(new ConversationTurn(turn.role(), masking.mask(turn.content())));
        }
        String message = masking.mask(request.message());
        List<KnowledgePassage> passages = new ArrayList<>(request.passages().size());
        for (KnowledgePassage passage : request.passages()) {
            passages.add(new KnowledgePassage(passage.chunkId(), masking.mask(passage.articleTitle()),
                    masking.mask(passage.sectionTitle()), masking.mask(passage.text()), passage.relevance(),
                    passage.url()));
        }
        ScreenImage screen = request.screen();
        ScreenImage shownScreen = screen == null ? null
                : screen.withTexts(masking.mask(screen.text()), masking.mask(screen.labels()));
        return new Masked(request.withTexts(history, message, passages, shownScreen), masking, request.passages());
    }

    /**
     * Passes a provider's streamed text on restored. A piece that may end in the start of a
     * placeholder keeps that start back until the next piece; {@link #finish()} passes on what is
     * left when the stream ends.
     */
    static final class Restoring implements Consumer<String> {

        private final StreamingRestorer restorer;
        private final @Nullable Consumer<String> onText;

        Restoring(StreamingRestorer restorer, @Nullable Consumer<String> onText) {
            this.restorer = restorer;
            this.onText = onText;
        }

        @Override
        public void accept(String piece) {
            String restored = restorer.next(piece);
            if (onText != null && !restored.isEmpty()) {
                onText.accept(restored);
            }
        }

        /** Passes on what was held back; the stream has ended. */
        void finish() {
            String rest = restorer.finish();
            if (onText != null && !rest.isEmpty()) {
                onText.accept(rest);
            }
        }
    }
}
