package dev.supportassistant.knowledge;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * JMH: one knowledge-base search over the bundled articles (embedding the query, then hybrid
 * scoring of every chunk). Each call searches a query never seen before, so the embedding cache
 * does not flatter the figure; {@code scoreAnEmbeddedQuestion} times the scoring alone (a misspelt
 * word included, so typo matching runs). The spelling step alone (issue 34) is timed on a message
 * with three typos and on one with none; a message that marks a main problem is searched three
 * times (whole, main part, the rest), which {@code searchATwoProblemMessage} shows. Run with
 * bench/micro/run.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchBenchmarks {

    private static final List<String> QUESTIONS = List.of("How do I reset my password?",
            "I get error 0x80070005 when installing", "my card was declined", "the app is very slow to sync",
            "how do I share my screen on a mac", "can I get a refund for last month");

    private final BundledKnowledge knowledge = BundledKnowledge.get();
    private final float[] embedded = knowledge.embeddings().embed("I get error 0x80070005 when installing");
    private long call;

    @Benchmark
    public List<KnowledgePassage> searchAFreshQuestion() {
        call++;
        return knowledge.search(QUESTIONS.get((int) (call % QUESTIONS.size())) + " (ticket " + call + ")", 3);
    }

    /** Scoring every chunk (hybrid, with each chunk's parts and typo matching) for an embedded question. */
    @Benchmark
    public List<KnowledgePassage> scoreAnEmbeddedQuestion() {
        return knowledge.search("I get error 0x80070005 when instaling", embedded, 3);
    }

    /** Correcting a message with three misspelt words against the articles' words. */
    @Benchmark
    public String correctAMisspeltMessage() {
        return knowledge.corrected("what are the pasword requirments for my acount");
    }

    /** Looking up a message whose words are all known: what every turn pays. */
    @Benchmark
    public String correctAWellSpeltMessage() {
        return knowledge.corrected("I asked for a password reset but the email never arrived");
    }

    /** A fresh message that marks its main problem: searched whole, then its two parts. */
    @Benchmark
    public List<KnowledgePassage> searchATwoProblemMessage() {
        call++;
        return knowledge.search("the installer worked fine; the real problem is the app times out (ticket " + call + ")",
                3);
    }

    @Benchmark
    public List<KnowledgePassage> searchARepeatedQuestion() {
        return knowledge.search(QUESTIONS.get(0), 3);
    }
}
