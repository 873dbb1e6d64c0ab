package dev.supportassistant.confusion;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * Confusion read from the meaning of a message: how much closer it sits, in the sentence-embedding
 * space, to messages of stuck customers than to clear questions. Catches confusion phrased without
 * any keyword ("I have clicked everything and I am going around in circles") and, the other way,
 * keeps a calm question that mentions an error code from looking alarming.
 *
 * <p>The example phrases are generic and written for this class; they are deliberately not taken
 * from the evaluation set, which stays a held-out test.
 */
final class SemanticSignals {

    /** Nearest examples averaged per side: one odd neighbour should not decide. */
    private static final int NEIGHBOURS = 3;
    /**
     * Margin (confused minus clear similarity) that earns the full weight. Small on purpose: both
     * example sets are about the same product, so even clear stuck messages lean only a little.
     */
    private static final double FULL_MARGIN = 0.07;
    /** A message that clearly reads like a stuck customer reaches the default threshold alone. */
    private static final double MAX_RAISE = 0.7;
    private static final double MAX_LOWER = 0.3;

    static final List<String> CONFUSED_EXAMPLES = List.of(
            "I have clicked everything and nothing changes",
            "I followed every step and it still does the same thing",
            "I don't know what I'm doing wrong here",
            "I've been trying for an hour and I'm getting nowhere",
            "the button you mentioned is not there on my screen",
            "my screen looks completely different from what you describe",
            "I did exactly what you said and it still fails",
            "which menu do you mean? I only see settings and help",
            "it keeps sending me back to the same page",
            "I can't tell where I'm supposed to click",
            "nothing happens when I press it, I've tried many times",
            "I restarted it twice already and the problem is still there",
            "sorry, I'm really not good with computers, where exactly is that",
            "the option is greyed out and I cannot select it",
            "I keep getting the same message no matter what I do",
            "it worked yesterday and now it just won't open anymore",
            "I'm lost, there are too many menus",
            "where did it go? it was there before the update",
            "it's still spinning forever and never finishes loading",
            "I tried reinstalling and clearing the cache, still the same",
            "that didn't help at all",
            "I'm going in circles with this",
            "this makes no sense to me",
            "I have no idea what this error wants from me",
            "the instructions don't match what I see",
            "I've done that three times now",
            "it crashes every time I try to save",
            "nope, same problem as before",
            "I still can't log in even after resetting",
            "I feel like I'm missing something obvious but can't see what",
            "the page just goes blank after I click save",
            "please, I need someone to look at my screen",
            "can you show me where that is, I really can't find it",
            "I have been at this all morning and I give up",
            "it says it succeeded but nothing actually changed",
            "every time I fix one thing another error appears",
            "I'm not sure which of these options is the right one, none of them look like yours",
            "honestly I'm about to give up on this app",
            "it's asking for something I don't have and I don't know what to enter",
            "the file never shows up even though it says uploaded",
            "I tried again, same thing",
            "where is this setting supposed to be",
            "I don't understand what I'm supposed to do now",
            "it shows an error and I can't get past this screen",
            "I can't figure out how to get this working",
            "sorry to bother you again, I must be doing something wrong because it still isn't right",
            "I hate to ask again but I really can't get it to go",
            "oh great, another error, exactly what I needed today",
            "wonderful, now it's even worse than before",
            "I see only a gear icon and a list, nothing like what you said",
            "apologies, I'm probably being slow, but I just can't see where that option is",
            "I'm clicking around and I end up back where I started",
            "it tells me to try again later, I have, many times");

    static final List<String> CLEAR_EXAMPLES = List.of(
            "How do I reset my password?",
            "Can I export my data to a spreadsheet?",
            "What are your opening hours?",
            "Do you offer a discount for non-profits?",
            "How much does the annual plan cost?",
            "Can I add another user to my account?",
            "Is there a mobile app for Android?",
            "Thanks, that worked perfectly!",
            "Great, it's fixed now, thank you",
            "ok got it, thanks",
            "What does error code 403 mean?",
            "What does this error code stand for?",
            "I'd like to cancel my subscription at the end of the month",
            "Please send me a copy of my last invoice",
            "Can you add a dark mode? That would be nice",
            "It would be great if you supported calendar sync",
            "Just wanted to say I love the new design",
            "Good morning! Hope you're well",
            "Where can I find your privacy policy?",
            "Is my data stored in the EU?",
            "How do I change the language of the app?",
            "Which browsers do you support?",
            "How do I invite my team?",
            "Can I change my billing date?",
            "What is the maximum file size for uploads?",
            "Does the app work offline?",
            "Okay, and what about the free trial, how long is it?",
            "Perfect, that solved it",
            "That makes sense, thanks for explaining",
            "Another question: can I get a refund if I downgrade?",
            "How do I set up two-step verification?",
            "Do you have an API for integrations?",
            "I'll try that tomorrow, thanks",
            "Can I use the same account on two devices?",
            "Is there a keyboard shortcut for search?",
            "How can I delete my account and all my data?",
            "What's new in the latest version?",
            "Can you explain the difference between the Pro and Team plans?",
            "Could you tell me when the maintenance window is?",
            "I'd like to update the email address on my account",
            "Does it integrate with Slack?",
            "Yes, that's what I needed, all good",
            "How do I print a report?",
            "Where do I change my profile picture?",
            "Does the export include attachments as well?",
            "And does that also apply to the yearly plan?",
            "Just to check, will my files be kept if I switch plans?",
            "Got it. One more thing, can I rename a workspace?",
            "I saw error 502 once yesterday, what does that code usually mean?",
            "Out of curiosity, what causes that kind of error?",
            "Everything is working fine, I only have a question about pricing");

    /** The example phrases' vectors. */
    private record Examples(List<float[]> confused, List<float[]> clear) {
    }

    /**
     * Embedded in the background from construction on, so start-up does not wait for it; embedded
     * again when that failed (the model too busy while the service started on a loaded machine),
     * rather than failing every later message.
     */
    private volatile CompletableFuture<Examples> examples;
    private final SentenceEmbeddings embeddings;

    SemanticSignals(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
        this.examples = embedExamples();
    }

    private CompletableFuture<Examples> embedExamples() {
        return CompletableFuture.supplyAsync(
                () -> new Examples(embeddings.embedAll(CONFUSED_EXAMPLES), embeddings.embedAll(CLEAR_EXAMPLES)));
    }

    /** The examples; a failed embedding is tried again, and its failure reaches the caller as thrown (a 503, not a 500). */
    private Examples examples() {
        CompletableFuture<Examples> current = examples;
        if (current.isCompletedExceptionally()) {
            synchronized (this) {
                if (examples == current) {
                    examples = embedExamples();
                }
                current = examples;
            }
        }
        try {
            return current.join();
        } catch (java.util.concurrent.CompletionException failed) {
            throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
        }
    }

    /**
     * How much the meaning raises (up to 0.7) or lowers (down to -0.3) the confusion level, with the
     * signal that says so added to {@code signals} when it moves the level noticeably.
     */
    double score(float[] message, List<String> signals) {
        Examples known = examples();
        double towardsConfused = nearest(message, known.confused());
        double towardsClear = nearest(message, known.clear());
        double margin = towardsConfused - towardsClear;
        double score = Math.max(-MAX_LOWER, Math.min(MAX_RAISE, MAX_RAISE * margin / FULL_MARGIN));
        if (score >= 0.05) {
            signals.add("semantic: resembles stuck customers (%.2f)".formatted(towardsConfused));
        } else if (score <= -0.05) {
            signals.add("semantic: resembles clear questions (%.2f)".formatted(towardsClear));
        }
        return score;
    }

    private static double nearest(float[] message, List<float[]> examples) {
        double[] similarities = examples.stream().mapToDouble(example -> SentenceEmbeddings.similarity(message, example))
                .toArray();
        Arrays.sort(similarities);
        double sum = 0;
        for (int i = similarities.length - NEIGHBOURS; i < similarities.length; i++) {
            sum += similarities[i];
        }
        return sum / NEIGHBOURS;
    }
}
