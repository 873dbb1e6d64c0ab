package dev.supportassistant.confusion;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * The confusion analyzer: adds up what the words say ({@link LexicalSignals}), what the meaning
 * resembles ({@link SemanticSignals}) and where the conversation is going ({@link TrajectorySignals}),
 * clamps the sum to 0.0–1.0 and keeps every contributing signal so support staff can see why screen
 * sharing was offered. Costs one embedding of the new message plus, in a conversation, one batched
 * embedding of the customer's last few earlier messages.
 */
@Component
class SignalConfusionAnalyzer implements ConfusionAnalyzer {

    /** Earlier customer messages compared with the new one; older ones rarely come back verbatim. */
    private static final int EARLIER_MESSAGES_COMPARED = 3;
    /**
     * Characters embedded from a long message, head and tail: the model reads 256 tokens at most
     * anyway, and complaints tend to open or close a long paste.
     */
    private static final int EMBEDDED_HEAD = 600;
    private static final int EMBEDDED_TAIL = 400;

    /** Lexical level from which the meaning may no longer lower the level. */
    private static final double REPORTED_TROUBLE = 0.25;
    /** Words up to which a message counts as short. */
    private static final int SHORT_MESSAGE_WORDS = 7;
    /** The most a short message's meaning may add when the conversation shows no trouble. */
    private static final double SHORT_MESSAGE_MEANING = 0.3;
    /**
     * The most the meaning may add to a first message that only reports what happened: with one report
     * (a quoted error 0.25, a refusal 0.3) it stays below the default threshold; two kinds still reach it.
     */
    private static final double PLAIN_REPORT_MEANING = 0.25;

    private final ConfusionSettings settings;
    private final SentenceEmbeddings embeddings;
    private final LexicalSignals lexical = new LexicalSignals();
    private final SemanticSignals semantic;
    private final TrajectorySignals trajectory = new TrajectorySignals(lexical);

    SignalConfusionAnalyzer(ConfusionSettings settings, SentenceEmbeddings embeddings) {
        this.settings = settings;
        this.embeddings = embeddings;
        this.semantic = new SemanticSignals(embeddings);
    }

    @Override
    public ConfusionAssessment assess(String message, List<Turn> history) {
        // The embedding runs on its own thread while the words are read here.
        expect(message);
        List<String> signals = new ArrayList<>();
        double level = lexical.score(message, signals);
        float[] vector = hasWords(message) ? embeddings.embed(forEmbedding(message)) : null;
        List<String> semanticSignals = new ArrayList<>();
        double meaning = vector == null ? 0 : semantic.score(vector, semanticSignals);
        double conversation = trajectory.score(message, vector, history, earlierVectors(history), signals);
        if (meaning > SHORT_MESSAGE_MEANING && conversation <= 0 && words(message) <= SHORT_MESSAGE_WORDS) {
            // "I need help with my computer", "I cannot log in": a short message states a problem; that
            // its words sit close to stuck customers' does not make the customer stuck. Stuck short
            // messages show it otherwise: "still the same" after steps, "??", a phrase, a code.
            meaning = SHORT_MESSAGE_MEANING;
        }
        if (meaning > PLAIN_REPORT_MEANING && history.isEmpty() && LexicalSignals.onlyWhatHappened(signals)
                && semantic.readsAsPlainReport(vector)) {
            // "The reset link says it is invalid", "I cannot log in, the reset email never arrives": a first
            // message that says what went wrong, in words closer to such reports than to stuck customers,
            // and nothing about being stuck (no confusion phrase, effort, repetition, contradiction). The
            // customer tells us the problem; an answer comes before screen sharing.
            meaning = PLAIN_REPORT_MEANING;
        }
        if (level >= REPORTED_TROUBLE && meaning < 0) {
            // The customer reports trouble in so many words; resembling a clear question does not undo that.
            meaning = 0;
            semanticSignals.clear();
        }
        if (conversation > 0 && meaning < 0) {
            // A question asked again reads like a clear question; that it is asked again is what counts.
            meaning = 0;
            semanticSignals.clear();
        }
        signals.addAll(semanticSignals);
        level += meaning + conversation;
        double rounded = Math.round(Math.max(0.0, Math.min(1.0, level)) * 100) / 100.0;
        return new ConfusionAssessment(rounded, signals, rounded >= settings.threshold());
    }

    @Override
    public void expect(String message) {
        if (hasWords(message)) {
            embeddings.prepare(forEmbedding(message));
        }
    }

    private List<float[]> earlierVectors(List<Turn> history) {
        List<String> earlier = history.stream().filter(Turn::fromCustomer).map(Turn::text)
                .filter(SignalConfusionAnalyzer::hasWords).map(SignalConfusionAnalyzer::forEmbedding).toList();
        return embeddings.embedAll(earlier.subList(Math.max(0, earlier.size() - EARLIER_MESSAGES_COMPARED),
                earlier.size()));
    }

    private static int words(String message) {
        String text = message.strip();
        return text.isEmpty() ? 0 : text.split("\\s+").length;
    }

    /** "??" or "" carries no meaning to embed; the lexical signals still read it. */
    private static boolean hasWords(String text) {
        return text.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static String forEmbedding(String message) {
        String text = message.strip();
        if (text.length() <= EMBEDDED_HEAD + EMBEDDED_TAIL) {
            return text;
        }
        int head = text.offsetByCodePoints(0, text.codePointCount(0, EMBEDDED_HEAD));
        int tail = text.offsetByCodePoints(text.length(), -text.codePointCount(text.length() - EMBEDDED_TAIL,
                text.length()));
        return text.substring(0, head) + " … " + text.substring(tail);
    }
}
