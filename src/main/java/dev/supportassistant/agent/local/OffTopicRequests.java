package dev.supportassistant.agent.local;

import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.supportassistant.embedding.SentenceEmbeddings;

/**
 * Whether a message asks for something a product's support assistant does not do: a poem, a joke,
 * the weather, homework, general knowledge. Read from meaning: the message's nearest example
 * requests, in the sentence-embedding space, are off-topic ones rather than support questions.
 * Only asked when no help article matches, so a support question is never turned away for
 * sounding unusual. Costs no model run: the message was embedded for the knowledge search.
 */
final class OffTopicRequests {

    private static final int NEIGHBOURS = 3;

    static final List<String> OFF_TOPIC = List.of(
            "write me a poem about the sea", "tell me a joke", "what's the weather like tomorrow",
            "who won the football match last night", "what is the capital of Australia",
            "can you write my essay on climate change", "translate this sentence into Spanish",
            "give me a recipe for lasagne", "recommend a good movie for tonight", "what's 17 times 23",
            "write a python script that sorts a list", "who is the president of France",
            "tell me a story about a dragon", "what should I name my dog", "how tall is Mount Everest",
            "compose a song for my girlfriend", "what is the meaning of life", "give me some stock tips",
            "help me with my maths homework", "summarise today's news", "what time is it in Tokyo",
            "plan a trip to Rome for me", "write a cover letter for a job application",
            "how do I bake sourdough bread", "what are the symptoms of the flu", "let's play a game",
            "are you a real person or a robot", "what do you think about politics");
    static final List<String> SUPPORT = List.of(
            "how do I change my settings in the app", "I can't sign in to my account", "the app crashes when I open it",
            "where do I find my invoice", "can I add a colleague to our plan", "does the app have a dark mode",
            "is there an integration with Slack", "how do I export a report", "the sync between my devices is slow",
            "how much does the team plan cost", "I get an error when I save a file", "can I use the app offline",
            "how do I install the desktop version", "my payment did not go through",
            "where can I change my notification preferences", "is my data stored securely",
            "can I rename a workspace", "how do I share a document with my team", "the app is in the wrong language",
            "how do I contact support", "can I restore a deleted file", "is there a mobile version",
            "I forgot my password", "when does my subscription renew", "the screen sharing session has no sound",
            "can I print from the app", "how do I change the time zone", "what file types can I upload");

    private final SentenceEmbeddings embeddings;
    /** The example phrases' vectors, embedded the first time a message needs them (a rare path). */
    private volatile @Nullable List<List<float[]>> examples;

    OffTopicRequests(SentenceEmbeddings embeddings) {
        this.embeddings = embeddings;
    }

    boolean isOffTopic(String message) {
        float[] vector = embeddings.embed(message);
        List<List<float[]>> known = examples();
        return nearest(vector, known.get(0)) > nearest(vector, known.get(1));
    }

    private List<List<float[]>> examples() {
        List<List<float[]>> known = examples;
        if (known == null) {
            known = List.of(embeddings.embedAll(OFF_TOPIC), embeddings.embedAll(SUPPORT));
            examples = known;
        }
        return known;
    }

    private static double nearest(float[] message, List<float[]> examples) {
        double[] similarities = examples.stream()
                .mapToDouble(example -> SentenceEmbeddings.similarity(message, example)).toArray();
        Arrays.sort(similarities);
        double sum = 0;
        for (int i = similarities.length - NEIGHBOURS; i < similarities.length; i++) {
            sum += similarities[i];
        }
        return sum / NEIGHBOURS;
    }
}
